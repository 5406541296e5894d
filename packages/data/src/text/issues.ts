import type { Issue } from "@kera/schema";

/** Where in a text file something was found (1-based line and column). */
export interface TextLocation {
  readonly line: number;
  readonly column: number;
}

/** Stop collecting after this many issues; one more `too-many-issues` warning says so. */
export const MAX_ISSUES = 100;

/**
 * Collects file issues, formats `file:line:column: message` and caps the list at `MAX_ISSUES`
 * so that a wholly wrong file does not produce 8760 x 12 issues.
 */
export class IssueList {
  readonly issues: Issue[] = [];
  private dropped = 0;
  constructor(readonly fileName: string) {}

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length + this.dropped;
  }

  add(
    code: string,
    message: string,
    where: Partial<TextLocation> & {
      path?: string;
      value?: unknown;
      expected?: string;
      severity?: "error" | "warning";
    },
  ): void {
    if (this.issues.length >= MAX_ISSUES) {
      if ((where.severity ?? "error") === "error") this.dropped++;
      return;
    }
    const loc =
      where.line === undefined
        ? this.fileName
        : `${this.fileName}:${where.line}${where.column ? `:${where.column}` : ""}`;
    const issue: Issue = {
      code,
      severity: where.severity ?? "error",
      path: where.path ?? "",
      message: `${loc}: ${message}`,
    };
    if (where.value !== undefined) issue.value = where.value;
    if (where.expected !== undefined) issue.expected = where.expected;
    if (where.line !== undefined) issue.line = where.line;
    if (where.column !== undefined) issue.column = where.column;
    this.issues.push(issue);
  }

  error(
    code: string,
    message: string,
    where: Partial<TextLocation> & { path?: string; value?: unknown; expected?: string } = {},
  ): void {
    this.add(code, message, { ...where, severity: "error" });
  }

  warn(
    code: string,
    message: string,
    where: Partial<TextLocation> & { path?: string; value?: unknown; expected?: string } = {},
  ): void {
    this.add(code, message, { ...where, severity: "warning" });
  }

  /**
   * Reports `wrong-column-count` at `line` when a data row has `fields` fields and the header `headerFields`;
   * true when it did (the caller skips the row).
   */
  wrongColumnCount(line: number, fields: number, headerFields: number): boolean {
    if (fields === headerFields) return false;
    this.error("wrong-column-count", `${fields} fields, the header has ${headerFields}`, {
      line,
      column: 1,
      value: fields,
      expected: String(headerFields),
    });
    return true;
  }

  /** The final list, with a `too-many-issues` note when some were dropped. */
  finish(): Issue[] {
    if (this.dropped > 0) {
      this.issues.push({
        code: "too-many-issues",
        severity: "error",
        path: "",
        message: `${this.fileName}: ${this.dropped} more errors not listed`,
      });
    }
    return this.issues;
  }
}
