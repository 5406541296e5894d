/**
 * Validation outcomes. Bad input is never thrown: every validator returns a `Result` whose failure
 * branch carries every problem found (STYLE.md §4.1).
 */
export type Result<T, E = Issue[]> = { ok: true; value: T } | { ok: false; issues: E };

/** Severity of an issue: errors make a model invalid, warnings do not. */
export type IssueSeverity = "error" | "warning";

/**
 * One problem in an input. `code` is a stable kebab-case identifier (`unknown-key`, `out-of-range`, ...),
 * `path` a JS-like property path (`buildingGroups[3].heatedFloorArea`, empty for the root).
 * `line`/`column` (1-based) are filled by readers that know the source text (YAML, CSV).
 */
export interface Issue {
  code: string;
  severity: IssueSeverity;
  path: string;
  message: string;
  value?: unknown;
  expected?: string;
  line?: number;
  column?: number;
}

/** A successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed result. */
export function fail<E = Issue[]>(issues: E): { ok: false; issues: E } {
  return { ok: false, issues };
}
