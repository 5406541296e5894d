import type { Issue } from "@kera/schema";

/** A scalar (the same every hour) or an hourly series. */
export type ScalarOrSeries = number | Float64Array;

/** Collects issues for a scalar or series that must be finite, ≥ min and (if a series) n long. */
export function checkSeries(v: ScalarOrSeries, path: string, n: number, min: number, issues: Issue[]): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < min) {
      issues.push(rangeIssue(path, v, min));
    }
    return;
  }
  if (v.length !== n) {
    issues.push({
      code: "length-mismatch",
      severity: "error",
      path,
      message: `${path} has ${v.length} hours, expected ${n}`,
      value: v.length,
      expected: String(n),
    });
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (!Number.isFinite(x) || x < min) {
      issues.push(rangeIssue(`${path}[${i}]`, x, min));
      return; // one issue per series is enough to locate the problem
    }
  }
}

function rangeIssue(path: string, value: number, min: number): Issue {
  return {
    code: Number.isFinite(value) ? "out-of-range" : "non-finite-value",
    severity: "error",
    path,
    message: `${path} must be a finite number ≥ ${min}, got ${value}`,
    value,
    expected: `>= ${min}`,
  };
}
