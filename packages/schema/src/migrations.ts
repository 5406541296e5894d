import { CURRENT_SCHEMA_VERSION } from "./district.js";
import { describeValue } from "./path.js";
import type { Issue, Result } from "./result.js";

/** One step that rewrites a raw model of version `from` into version `from + 1`. Pure. */
export interface Migration {
  from: number;
  description: string;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Registered migrations, oldest first. Version 1 is the first published format, so the list is empty;
 * when version 2 arrives, add `{ from: 1, ... }` here and a test with a version-1 fixture.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** A successful migration also reports warnings (e.g. a missing `schemaVersion`). */
export type MigrationResult = Result<Record<string, unknown>> & { warnings?: Issue[] };

/**
 * Brings a raw (unvalidated) model to `CURRENT_SCHEMA_VERSION` by applying migrations in order.
 * A missing `schemaVersion` is read as the current version, with a warning. Never throws.
 */
export function migrateDistrict(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [
        {
          code: "invalid-type",
          severity: "error",
          path: "",
          message: `a district must be an object (a YAML mapping), got ${describeValue(raw)}`,
          value: raw,
          expected: "object",
        },
      ],
    };
  }
  let model = { ...(raw as Record<string, unknown>) };
  const warnings: Issue[] = [];
  let version = model["schemaVersion"];
  if (version === undefined) {
    warnings.push({
      code: "missing-schema-version",
      severity: "warning",
      path: "schemaVersion",
      message: `is missing; assuming the current version ${target} (write "schemaVersion: ${target}")`,
      expected: String(target),
    });
    version = target;
    model = { schemaVersion: target, ...model };
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    // Left to the schema, which reports the type or range problem with the other issues.
    return { ok: true, value: model, warnings };
  }
  if (version > target) {
    return {
      ok: false,
      issues: [
        {
          code: "unsupported-schema-version",
          severity: "error",
          path: "schemaVersion",
          message: `is ${version}, newer than this release supports (${target}); upgrade the platform`,
          value: version,
          expected: `<= ${target}`,
        },
      ],
    };
  }
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (step === undefined) {
      return {
        ok: false,
        issues: [
          {
            code: "unsupported-schema-version",
            severity: "error",
            path: "schemaVersion",
            message: `no migration from version ${version} to ${target}`,
            value: version,
            expected: String(target),
          },
        ],
      };
    }
    model = { ...step.migrate(model), schemaVersion: version + 1 };
    version += 1;
  }
  return { ok: true, value: model, warnings };
}
