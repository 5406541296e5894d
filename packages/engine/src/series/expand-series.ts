import type { Issue, Result } from "@kera/schema";
import { localCalendar, type LocalCalendar } from "../time/local-calendar.js";
import type { Timeline } from "../time/timeline.js";

/**
 * A parameter that varies in time, before expansion onto a timeline: a constant, twelve values by LOCAL
 * calendar month (January first), or one value per timeline hour. `unit` is documentation only here (the
 * schema checks units); CSV files are read outside the engine and passed as `{ hourly }`.
 */
export type SeriesInput =
  | number
  | { readonly constant: number; readonly unit?: string }
  | { readonly monthly: readonly number[]; readonly unit?: string }
  | { readonly hourly: ArrayLike<number>; readonly unit?: string };

/** Options for `expandSeries`. */
export interface ExpandSeriesOptions {
  /** Prefix for issue paths, e.g. "buildingGroups[3].demand.electricity". */
  readonly path?: string;
  /** Reject negative values (issue `negative-value`). Default false. */
  readonly nonNegative?: boolean;
}

function issue(code: string, path: string, message: string): Issue {
  return { code, severity: "error", path, message };
}

/**
 * Expands a series spec onto a timeline: one value per hour as a new Float64Array. Monthly values are picked
 * by the LOCAL month of each hour's start (from `calendar`, computed if omitted). Every problem is returned
 * as an issue: `not-finite`, `negative-value`, `monthly-length`, `hourly-length`, `invalid-series`.
 */
export function expandSeries(
  spec: SeriesInput,
  timeline: Timeline,
  calendar?: LocalCalendar,
  options: ExpandSeriesOptions = {},
): Result<Float64Array> {
  const path = options.path ?? "";
  const at = (suffix: string): string => (path === "" ? suffix.replace(/^\./, "") : path + suffix);
  const issues: Issue[] = [];
  const check = (v: unknown, p: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push(issue("not-finite", p, `${p || "value"}: must be a finite number, got ${String(v)}`));
      return 0;
    }
    if (options.nonNegative && v < 0) {
      issues.push(issue("negative-value", p, `${p || "value"}: must be >= 0, got ${v}`));
    }
    return v;
  };
  const out = new Float64Array(timeline.hours);

  if (typeof spec === "number") {
    out.fill(check(spec, path));
  } else if (spec !== null && typeof spec === "object" && "constant" in spec) {
    out.fill(check(spec.constant, at(".constant")));
  } else if (spec !== null && typeof spec === "object" && "monthly" in spec) {
    const m = spec.monthly;
    if (!Array.isArray(m) || m.length !== 12) {
      issues.push(
        issue(
          "monthly-length",
          at(".monthly"),
          `${at(".monthly")}: needs 12 values (Jan..Dec), got ${Array.isArray(m) ? m.length : typeof m}`,
        ),
      );
    } else {
      const values = m.map((v, k) => check(v, `${at(".monthly")}[${k}]`));
      const month = (calendar ?? localCalendar(timeline)).month;
      for (let i = 0; i < timeline.hours; i++) out[i] = values[(month[i] ?? 1) - 1] ?? 0;
    }
  } else if (spec !== null && typeof spec === "object" && "hourly" in spec) {
    const h = spec.hourly;
    if (h === null || typeof h !== "object" || typeof h.length !== "number") {
      issues.push(issue("invalid-series", at(".hourly"), `${at(".hourly")}: must be an array of numbers`));
    } else if (h.length !== timeline.hours) {
      issues.push(
        issue(
          "hourly-length",
          at(".hourly"),
          `${at(".hourly")}: needs one value per timeline hour (${timeline.hours}), got ${h.length}`,
        ),
      );
    } else {
      let bad = 0;
      for (let i = 0; i < h.length; i++) {
        const v = h[i];
        if (typeof v !== "number" || !Number.isFinite(v) || (options.nonNegative && v < 0)) {
          if (bad < 5) check(v, `${at(".hourly")}[${i}]`);
          bad++;
        } else {
          out[i] = v;
        }
      }
      if (bad > 5) {
        issues.push(issue("not-finite", at(".hourly"), `${at(".hourly")}: ${bad - 5} more invalid values`));
      }
    }
  } else {
    issues.push(
      issue(
        "invalid-series",
        path,
        `${path || "series"}: expected a number, {constant}, {monthly: [12]} or {hourly: [...]}`,
      ),
    );
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}
