import type * as z from "zod";
import { suggestion } from "./did-you-mean.js";
import { ID_PATTERN } from "./metadata.js";
import { describeValue, formatPath, valueAt } from "./path.js";
import type { Issue } from "./result.js";
import { objectKeys, resolveSchema, unitOf } from "./schema-walk.js";

type ZodIssue = z.core.$ZodIssue;

const SERIES_FORMS =
  'a number, { constant }, { monthly: [12 values] }, { hourly: [values] } or { csv: "file.csv" }';

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function withUnit(x: string | number, unit: string | undefined): string {
  return unit === undefined || unit === "count" || unit === "year" ? String(x) : `${x} ${unit}`;
}

function issue(
  path: readonly PropertyKey[],
  code: string,
  message: string,
  value: unknown,
  expected?: string,
): Issue {
  const out: Issue = { code, severity: "error", path: formatPath(path), message };
  if (value !== undefined) out.value = value;
  if (expected !== undefined) out.expected = expected;
  return out;
}

/** Penalty of a union branch: lower means the input was probably meant for it. */
function branchScore(issues: readonly ZodIssue[]): number {
  let score = 0;
  for (const i of issues) {
    if (i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_union")) score += 100;
    else if (i.code === "unrecognized_keys") score += 10 * i.keys.length;
    else if (i.code === "invalid_type" && i.path.length === 1) score += 5;
    else score += 1;
  }
  return score;
}

/**
 * Translates zod issues into platform issues: stable codes, paths, units, the offending value and the
 * expectation, with "did you mean" suggestions for keys and enum values.
 */
export function issuesFromZod(zodIssues: readonly ZodIssue[], root: z.ZodType, input: unknown): Issue[] {
  const all = translate(zodIssues, root, input, []);
  // A misspelt key gives both "unknown key x; did you mean y" and "y is required": keep the first only.
  const answered = new Set(
    all.flatMap((i) => {
      const m = i.code === "unknown-key" ? /did you mean "([^"]+)"/.exec(i.message) : null;
      return m?.[1] === undefined
        ? []
        : [`${i.path.replace(/(\.[^.[\]]+|\["[^"]*"\])$/, "")}.${m[1]}`.replace(/^\./, "")];
    }),
  );
  return all.filter((i) => !(i.code === "missing-key" && answered.has(i.path)));
}

function translate(
  zodIssues: readonly ZodIssue[],
  root: z.ZodType,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const zi of zodIssues) {
    const path = [...prefix, ...zi.path];
    const value = valueAt(input, path);
    const resolved = resolveSchema(root, path, input);
    const unit = unitOf(resolved.metas);
    switch (zi.code) {
      case "invalid_type": {
        const expected = zi.expected === "int" ? "whole number" : zi.expected;
        if (value === undefined) {
          out.push(
            issue(
              path,
              "missing-key",
              `is required (${article(expected)}${unit !== undefined ? `, ${unit}` : ""})`,
              undefined,
              expected,
            ),
          );
        } else if (zi.expected === "int" && typeof value === "number") {
          out.push(
            issue(
              path,
              "not-integer",
              `must be a whole number, got ${describeValue(value)}`,
              value,
              "whole number",
            ),
          );
        } else {
          out.push(
            issue(
              path,
              "invalid-type",
              `must be ${article(expected)}${unit !== undefined ? ` (${unit})` : ""}, got ${describeValue(value)}`,
              value,
              expected,
            ),
          );
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const small = zi.code === "too_small";
        const limit = small
          ? (zi as { minimum: number | bigint }).minimum
          : (zi as { maximum: number | bigint }).maximum;
        const inclusive = zi.inclusive ?? true;
        if (zi.origin === "array" || zi.origin === "set") {
          const n = Array.isArray(value) ? value.length : 0;
          const how = zi.exact === true ? "exactly" : small ? "at least" : "at most";
          out.push(
            issue(
              path,
              "wrong-length",
              `must have ${how} ${limit} values, got ${n}`,
              undefined,
              `${how} ${limit} values`,
            ),
          );
        } else if (zi.origin === "string") {
          out.push(
            issue(
              path,
              "invalid-value",
              small ? "must not be empty" : `must be at most ${limit} characters`,
              value,
            ),
          );
        } else {
          const op = small ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<";
          const expected = `${op} ${withUnit(String(limit), unit)}`;
          out.push(
            issue(path, "out-of-range", `must be ${expected}, got ${describeValue(value)}`, value, expected),
          );
        }
        break;
      }
      case "invalid_value": {
        const values = zi.values.map((v) => String(v));
        const isKind = path[path.length - 1] === "kind";
        const got = typeof value === "string" ? suggestion(value, values) : "";
        const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
        out.push(
          issue(
            path,
            isKind ? "unknown-kind" : "invalid-value",
            `must be ${expected}, got ${describeValue(value)}${got}`,
            value,
            expected,
          ),
        );
        break;
      }
      case "unrecognized_keys": {
        const known = resolved.schema !== undefined ? objectKeys(resolved.schema) : [];
        for (const key of zi.keys) {
          const keyPath = [...path, key];
          out.push(
            issue(
              keyPath,
              "unknown-key",
              `unknown key "${key}"${suggestion(key, known)}`,
              valueAt(input, keyPath),
              known.length > 0 ? `one of ${known.join(", ")}` : undefined,
            ),
          );
        }
        break;
      }
      case "invalid_union": {
        const u = zi as ZodIssue & { discriminator?: string; options?: unknown[]; errors: ZodIssue[][] };
        if (u.discriminator !== undefined) {
          const options = (u.options ?? []).map(String);
          const expected = `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
          if (value === undefined)
            out.push(issue(path, "missing-key", `is required (${expected})`, undefined, expected));
          else {
            const hint = typeof value === "string" ? suggestion(value, options) : "";
            out.push(
              issue(
                path,
                u.discriminator === "kind" ? "unknown-kind" : "invalid-value",
                `must be ${expected}, got ${describeValue(value)}${hint}`,
                value,
                expected,
              ),
            );
          }
          break;
        }
        const branches = u.errors.map((errs) => ({ errs, score: branchScore(errs) }));
        branches.sort((a, b) => a.score - b.score);
        const best = branches[0];
        if (best !== undefined && best.score < 10) {
          out.push(...translate(best.errs, root, input, path));
          break;
        }
        const isSeries = resolved.metas.some((m) => m.series === true);
        const keys = resolved.schema !== undefined ? objectKeys(resolved.schema) : [];
        const unknownKeys =
          value !== null && typeof value === "object" && !Array.isArray(value)
            ? Object.keys(value).filter((k) => !keys.includes(k))
            : [];
        const hint = unknownKeys.map((k) => suggestion(k, keys)).find((s) => s !== "") ?? "";
        const expected = isSeries
          ? `${SERIES_FORMS}${unit !== undefined ? ` (${unit})` : ""}`
          : `an object with one of the keys ${keys.join(", ")}`;
        if (value === undefined)
          out.push(issue(path, "missing-key", `is required (${expected})`, undefined, expected));
        else
          out.push(
            issue(
              path,
              isSeries ? "invalid-series" : "invalid-variant",
              `must be ${expected}, got ${describeValue(value)}${hint}`,
              value,
              expected,
            ),
          );
        break;
      }
      case "invalid_format": {
        const pattern = (zi as { pattern?: string }).pattern;
        if (pattern !== undefined && pattern.includes(ID_PATTERN.source)) {
          out.push(
            issue(
              path,
              "invalid-id",
              `must be an id of lower-case letters, digits, "-", "_", "." or ":" (e.g. "pv-roof-12"), got ${describeValue(value)}`,
              value,
              "an id like pv-roof-12",
            ),
          );
        } else if (pattern !== undefined && pattern.includes("[A-Za-z0-9]*$")) {
          out.push(
            issue(
              path,
              "invalid-id",
              `must be a camelCase id (letters and digits, starting lower-case), got ${describeValue(value)}`,
              value,
              "a camelCase id",
            ),
          );
        } else out.push(issue(path, "invalid-format", `${zi.message}, got ${describeValue(value)}`, value));
        break;
      }
      case "custom": {
        const params = (zi.params ?? {}) as { code?: string; expected?: string };
        out.push(issue(path, params.code ?? "invalid-value", zi.message, value, params.expected));
        break;
      }
      default:
        out.push(issue(path, "invalid-value", `${zi.message}, got ${describeValue(value)}`, value));
    }
  }
  return out;
}
