import { parseDistrict } from "@kera/schema";
import type { ProblemIssue } from "./problem.js";

/** An issue path inside a document placed at `prefix` (`body.model` + `assets[0]` → `body.model.assets[0]`). */
export function prefixIssuePath(prefix: string, path: string): string {
  return path === "" ? prefix : `${prefix}${path.startsWith("[") ? "" : "."}${path}`;
}

/**
 * Validates a district document at the edge with @kera/schema (every problem collected, defaults filled, migrated
 * to the current schema version). Issue paths are prefixed with where the document sits in the request
 * (`body.model.buildingGroups[3].heatedFloorArea`).
 */
export function validateDistrictDocument(
  input: unknown,
  pathPrefix = "body.model",
): { ok: true; value: Record<string, unknown> } | { ok: false; issues: ProblemIssue[] } {
  const parsed = parseDistrict(input);
  if (parsed.ok) return { ok: true, value: parsed.value as unknown as Record<string, unknown> };
  return {
    ok: false,
    issues: parsed.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      path: prefixIssuePath(pathPrefix, i.path),
      message: i.message,
      ...(i.expected === undefined ? {} : { expected: i.expected }),
      ...(i.value === undefined ? {} : { value: i.value }),
    })),
  };
}
