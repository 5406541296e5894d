import { type District, districtSchema } from "./district.js";
import { migrateDistrict } from "./migrations.js";
import { fullYearHours } from "./model/timeline.js";
import type { Issue, Result } from "./result.js";
import { type ParseOptions, runSemanticChecks } from "./semantic-checks.js";
import { issuesFromZod } from "./zod-issues.js";

/** A parse result; on success it also lists the warnings found (on failure they are among `issues`). */
export type ParseResult<T> = Result<T> & { warnings?: Issue[] };

function internalError(e: unknown): Issue {
  return {
    code: "internal-error",
    severity: "error",
    path: "",
    message: `the validator failed (a bug, please report it): ${e instanceof Error ? e.message : String(e)}`,
  };
}

/**
 * Validates a raw model object (e.g. from JSON or YAML): migrates it to the current schema version,
 * checks shape, ranges and units, cross-references and plausibility, and fills defaults. Collects every
 * problem before returning; never throws.
 */
export function parseDistrict(input: unknown, options: ParseOptions = {}): ParseResult<District> {
  try {
    const migrated = migrateDistrict(input);
    if (!migrated.ok) return migrated;
    const raw = migrated.value;
    const issues: Issue[] = [...(migrated.warnings ?? [])];
    const parsed = districtSchema.safeParse(raw);
    if (!parsed.success) issues.push(...issuesFromZod(parsed.error.issues, districtSchema, raw));
    issues.push(...runSemanticChecks(raw, options));
    if (!parsed.success || issues.some((i) => i.severity === "error")) return { ok: false, issues };
    const data = parsed.data;
    const hours = data.timeline.hours ?? fullYearHours(data.timeline.start);
    if (hours === undefined)
      return {
        ok: false,
        issues: [...issues, internalError("timeline start passed validation but cannot be read")],
      };
    const value: District = { ...data, timeline: { start: data.timeline.start, hours } };
    return { ok: true, value, warnings: issues };
  } catch (e) {
    return { ok: false, issues: [internalError(e)] };
  }
}
