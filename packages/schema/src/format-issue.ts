import type { Issue } from "./result.js";

/**
 * One line per issue: `file:12:5 error buildingGroups[3].heatedFloorArea: must be > 0 m2, got -5 [out-of-range]`.
 */
export function formatIssue(issue: Issue, fileName?: string): string {
  const loc =
    fileName !== undefined
      ? `${fileName}${issue.line !== undefined ? `:${issue.line}:${issue.column ?? 1}` : ""} `
      : issue.line !== undefined
        ? `line ${issue.line}, column ${issue.column ?? 1}: `
        : "";
  const path = issue.path === "" ? "" : `${issue.path}: `;
  return `${loc}${issue.severity} ${path}${issue.message} [${issue.code}]`;
}
