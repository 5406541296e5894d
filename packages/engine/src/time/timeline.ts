import type { Issue } from "@kera/schema";
import { EngineError } from "../errors.js";
import { MS_PER_DAY, civilFromDays, daysFromCivil, daysInMonth } from "./civil-date.js";
import { isValidTimeZone, localToUtcMs, utcOffsetMinutes } from "./zone-offset.js";

/**
 * An hourly time axis. Step i covers the half-open interval
 * [startUtcMs + i h, startUtcMs + (i + 1) h) in UTC; every hourly series in the engine is indexed by i.
 * `timeZone` is the site's IANA zone, used for local hours, weekdays, holidays and display only.
 */
export interface Timeline {
  /** Start of the first hour, Unix milliseconds, UTC. */
  readonly startUtcMs: number;
  /** Number of hourly steps (8760 or 8784 for a year; any positive whole number). */
  readonly hours: number;
  /** IANA time zone of the site, e.g. "Europe/Helsinki". */
  readonly timeZone: string;
}

export const MS_PER_HOUR = 3_600_000;

/** How to build a timeline: `start` is an instant (ISO with `Z`/offset, or Unix ms) or a LOCAL date/time in `timeZone`. */
export interface CreateTimelineOptions {
  /**
   * "2025-01-01" or "2025-01-01T06:00" (local wall time in `timeZone`), "2025-01-01T00:00:00Z" or
   * "2025-01-01T02:00+02:00" (an instant), or Unix milliseconds (UTC).
   */
  readonly start: string | number;
  /** Number of hourly steps. Default: one calendar year from the local start (8760, or 8784 over a 29 February). */
  readonly hours?: number;
  /** IANA time zone of the site, e.g. "Europe/Helsinki". */
  readonly timeZone: string;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Problems with timeline options (empty when valid): for validating user input at the edge. */
export function checkTimelineOptions(options: CreateTimelineOptions): Issue[] {
  const issues: Issue[] = [];
  const tzOk = isValidTimeZone(options.timeZone);
  if (!tzOk) {
    issues.push({
      code: "unknown-time-zone",
      severity: "error",
      path: "timeZone",
      message: `timeZone: unknown IANA time zone ${JSON.stringify(options.timeZone)}`,
    });
  }
  const { start } = options;
  if (typeof start === "number") {
    if (!Number.isFinite(start)) {
      issues.push({
        code: "invalid-start",
        severity: "error",
        path: "start",
        message: "start: must be finite ms",
      });
    }
  } else if (typeof start !== "string" || !(LOCAL_RE.test(start) || INSTANT_RE.test(start))) {
    issues.push({
      code: "invalid-start",
      severity: "error",
      path: "start",
      message: `start: expected "YYYY-MM-DD[THH:MM[:SS]]" (local) or an ISO instant with Z/offset, got ${JSON.stringify(start)}`,
    });
  } else if (INSTANT_RE.test(start) && !Number.isFinite(Date.parse(start))) {
    issues.push({
      code: "invalid-start",
      severity: "error",
      path: "start",
      message: `start: invalid date ${start}`,
    });
  } else {
    const m = LOCAL_RE.exec(start);
    if (m) {
      const month = Number(m[2]);
      const day = Number(m[3]);
      const year = Number(m[1]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || Number(m[4] ?? 0) > 23) {
        issues.push({
          code: "invalid-start",
          severity: "error",
          path: "start",
          message: `start: invalid date ${start}`,
        });
      }
    }
  }
  if (options.hours !== undefined && !(Number.isInteger(options.hours) && options.hours > 0)) {
    issues.push({
      code: "invalid-hours",
      severity: "error",
      path: "hours",
      message: `hours: must be a positive whole number, got ${String(options.hours)}`,
    });
  }
  return issues;
}

/**
 * Builds a timeline. Invalid options are a caller bug here (validate user input with `checkTimelineOptions`
 * first): they throw an `EngineError` with code `invalid-timeline`.
 */
export function createTimeline(options: CreateTimelineOptions): Timeline {
  const issues = checkTimelineOptions(options);
  if (issues.length > 0) {
    throw new EngineError("invalid-timeline", issues.map((i) => i.message).join("; "));
  }
  const { timeZone, start } = options;
  let startUtcMs: number;
  if (typeof start === "number") {
    startUtcMs = start;
  } else {
    const m = LOCAL_RE.exec(start);
    if (m) {
      startUtcMs = localToUtcMs(
        timeZone,
        Number(m[1]),
        Number(m[2]),
        Number(m[3]),
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
      );
    } else {
      startUtcMs = Date.parse(start);
    }
  }
  let hours = options.hours;
  if (hours === undefined) {
    // One calendar year of local wall time: same local date and time a year later (29 Feb → 1 Mar).
    const offMin = utcOffsetMinutes(timeZone, startUtcMs);
    const localMs = startUtcMs + offMin * 60_000;
    const days = Math.floor(localMs / MS_PER_DAY);
    const msOfDay = localMs - days * MS_PER_DAY;
    const d = civilFromDays(days);
    const nextDays =
      d.month === 2 && d.day === 29
        ? daysFromCivil(d.year + 1, 3, 1)
        : daysFromCivil(d.year + 1, d.month, d.day);
    const next = civilFromDays(nextDays);
    const s = Math.floor(msOfDay / 1000);
    const endUtcMs = localToUtcMs(
      timeZone,
      next.year,
      next.month,
      next.day,
      Math.floor(s / 3600),
      Math.floor((s % 3600) / 60),
      s % 60,
    );
    hours = Math.round((endUtcMs - startUtcMs) / MS_PER_HOUR);
  }
  return { startUtcMs, hours, timeZone };
}

/** Start of hour `i` of a timeline, Unix ms UTC. */
export function hourStartUtcMs(timeline: Timeline, i: number): number {
  return timeline.startUtcMs + i * MS_PER_HOUR;
}

/** End of the last hour (exclusive), Unix ms UTC. */
export function timelineEndUtcMs(timeline: Timeline): number {
  return timeline.startUtcMs + timeline.hours * MS_PER_HOUR;
}

/** Index of the hour containing the instant `utcMs`, or -1 when it lies outside the timeline. */
export function hourIndexAt(timeline: Timeline, utcMs: number): number {
  const i = Math.floor((utcMs - timeline.startUtcMs) / MS_PER_HOUR);
  return i >= 0 && i < timeline.hours ? i : -1;
}
