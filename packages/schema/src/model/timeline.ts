import * as z from "zod";
import { num, strict, withMeta } from "../metadata.js";

/** `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss]` (local time at the site), or with `Z`/`+hh:mm` (absolute). */
export const TIMELINE_START_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Calendar parts of a timeline start, or undefined when it is not a valid date. */
export function parseTimelineStart(
  start: string,
): { year: number; month: number; day: number; hour: number } | undefined {
  const m = TIMELINE_START_PATTERN.exec(start);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day, hour };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Hours in the calendar year that starts at `start`: 8784 when that year contains 29 February, else 8760.
 * (Daylight-saving changes cancel out over a year.) Undefined for an invalid start.
 */
export function fullYearHours(start: string): number | undefined {
  const p = parseTimelineStart(start);
  if (p === undefined) return undefined;
  const from = Date.UTC(p.year, p.month - 1, p.day);
  const to = Date.UTC(p.year + 1, p.month - 1, p.day);
  return Math.round((to - from) / 3_600_000);
}

export const timelineSchema = strict(
  {
    start: withMeta(
      z.string().refine((s) => parseTimelineStart(s) !== undefined, {
        params: { code: "invalid-date", expected: "YYYY-MM-DD or YYYY-MM-DDTHH:mm (local time at the site)" },
        error: (iss) =>
          `must be a date like 2035-01-01 or 2035-01-01T00:00, got ${JSON.stringify(iss.input)}`,
      }),
      {
        description:
          "Start of the first hour. A date or date-time without offset is local time at the site (`site.timeZone`); with `Z` or an offset it is absolute.",
        examples: ["2035-01-01"],
      },
    ),
    hours: num({
      description:
        "Number of hourly steps. Default: a full year from `start` (8760, or 8784 when the year contains 29 February).",
      unit: "h",
      int: true,
      min: 1,
      max: 8784 * 50,
    }).optional(),
  },
  "The hourly time axis of simulations and optimisations.",
);
export type TimelineSpec = z.output<typeof timelineSchema>;
