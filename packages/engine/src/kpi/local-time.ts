import type { Timeline } from "../time/timeline.js";
import { MS_PER_HOUR } from "../time/timeline.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMinutes(fmt: Intl.DateTimeFormat, utcMs: number): number {
  const parts = fmt.formatToParts(utcMs);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const hour = get("hour") % 24;
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), hour, get("minute"));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * Local calendar month (1..12) of every hour of a timeline, taken at the start of the hour in the
 * timeline's IANA time zone. The UTC offset is sampled once per 24-hour block and per hour only in blocks
 * where it changes (daylight-saving transitions), so a year costs about 400 Intl calls.
 */
export function localMonths(timeline: Timeline): Uint8Array {
  let fmt = formatters.get(timeline.timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: timeline.timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeline.timeZone, fmt);
  }
  const months = new Uint8Array(timeline.hours);
  for (let start = 0; start < timeline.hours; start += 24) {
    const end = Math.min(timeline.hours, start + 24);
    const t0 = timeline.startUtcMs + start * MS_PER_HOUR;
    const t1 = timeline.startUtcMs + (end - 1) * MS_PER_HOUR;
    const o0 = offsetMinutes(fmt, t0);
    const uniform = o0 === offsetMinutes(fmt, t1);
    for (let i = start; i < end; i++) {
      const utc = timeline.startUtcMs + i * MS_PER_HOUR;
      const offset = uniform ? o0 : offsetMinutes(fmt, utc);
      months[i] = new Date(utc + offset * 60_000).getUTCMonth() + 1;
    }
  }
  return months;
}

/** The hour indices of each month in `months` (from `localMonths`), months ascending: peak-charge groups. */
export function stepsByMonth(months: Uint8Array): { month: number; steps: number[] }[] {
  const byMonth = new Map<number, number[]>();
  months.forEach((m, t) => {
    const list = byMonth.get(m) ?? [];
    list.push(t);
    byMonth.set(m, list);
  });
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, steps]) => ({ month, steps }));
}
