import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type District, type Issue, type ParseResult, formatIssue, parseDistrictYaml } from "@kera/schema";

export interface LoadedDistrict {
  /** Absolute path of the model file. */
  path: string;
  result: ParseResult<District>;
}

/**
 * Reads a district file (YAML or JSON) and validates it, checking that the files it refers to exist
 * (relative to the model file). A missing or unreadable file becomes an issue, not an exception.
 */
export function readDistrictFile(file: string, cwd: string): LoadedDistrict {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read file (${String(e)})`;
    return {
      path,
      result: {
        ok: false,
        issues: [{ code: "missing-file", severity: "error", path: "", message: reason, value: file }],
      },
    };
  }
  const dir = dirname(path);
  const result = parseDistrictYaml(text, {
    fileName: file,
    fileExists: (rel) => existsSync(resolve(dir, rel)),
  });
  return { path, result };
}

/** Issues as a bulleted list, one per line, with file, line and column. */
export function formatIssues(issues: readonly Issue[], file: string): string {
  return issues.map((i) => `  - ${formatIssue(i, file)}\n`).join("");
}
