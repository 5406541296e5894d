import { MS_PER_DAY, civilFromDays, daysFromCivil, isoWeekdayOfDays } from "./civil-date.js";
import {
  finnishPublicHolidays,
  finnishSchoolHolidays,
  type SchoolHolidayOptions,
} from "./finnish-holidays.js";
import { MS_PER_HOUR, type Timeline } from "./timeline.js";
import { utcOffsetMinutes } from "./zone-offset.js";

/** One change of the UTC offset (daylight saving on/off, or a zone rule change). */
export interface DstChange {
  /** First hour index with the new offset. */
  readonly hourIndex: number;
  readonly fromOffsetMin: number;
  readonly toOffsetMin: number;
}

/**
 * Per-hour local calendar of a timeline, all derived from the hour's START instant in the site's zone.
 * Arrays have `timeline.hours` entries.
 */
export interface LocalCalendar {
  readonly timeline: Timeline;
  /** Local calendar year. */
  readonly year: Uint16Array;
  /** Local month 1..12. */
  readonly month: Uint8Array;
  /** Local day of month 1..31. */
  readonly dayOfMonth: Uint8Array;
  /** Local day of year 1..366. */
  readonly dayOfYear: Uint16Array;
  /** Local hour 0..23. */
  readonly localHour: Uint8Array;
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  readonly weekday: Uint8Array;
  /** Offset of local time from UTC, minutes (Helsinki 120 / 180). */
  readonly utcOffsetMin: Int16Array;
  /** 1 when the offset is above the zone's standard (lowest) offset of that year (daylight saving time). */
  readonly isDst: Uint8Array;
  /** 1 on the first hour after an offset change (the hour where the local clock jumped). */
  readonly isDstChange: Uint8Array;
  readonly dstChanges: readonly DstChange[];
  /** 1 on Finnish public holidays incl. Midsummer Eve and Christmas Eve (0 when `holidays: "none"`). */
  readonly isHoliday: Uint8Array;
  /** 1 on school-holiday days (breaks and school-free holidays; weekends outside breaks are 0). */
  readonly isSchoolHoliday: Uint8Array;
}

/** Options for `localCalendar`. */
export interface LocalCalendarOptions {
  /** Holiday calendar: "FI" (default) or "none". */
  readonly holidays?: "FI" | "none";
  readonly schoolHolidays?: SchoolHolidayOptions;
}

const cache = new WeakMap<Timeline, LocalCalendar>();

/**
 * UTC offset at the start of every hour. `Intl` is slow, so it is sampled once a day and the exact hour of
 * each change is found by bisection (assumes at most one change within any 24 h, true of all IANA zones).
 */
function hourlyOffsets(timeline: Timeline): Int16Array {
  const { hours, startUtcMs, timeZone } = timeline;
  const out = new Int16Array(hours);
  const off = (i: number): number => utcOffsetMinutes(timeZone, startUtcMs + i * MS_PER_HOUR);
  let a = 0;
  let cur = off(0);
  out[0] = cur;
  while (a < hours - 1) {
    const b = Math.min(a + 24, hours - 1);
    const ob = off(b);
    if (ob === cur) {
      out.fill(cur, a, b + 1);
      a = b;
      continue;
    }
    let lo = a;
    let hi = b;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (off(mid) === cur) lo = mid;
      else hi = mid;
    }
    out.fill(cur, a, lo + 1);
    a = hi;
    cur = hi === b ? ob : off(hi);
    out[a] = cur;
  }
  return out;
}

/**
 * The local calendar of a timeline (local hour, weekday, month, day of year, DST, Finnish holidays and
 * school holidays). Computed once per timeline object with default options and cached.
 */
export function localCalendar(timeline: Timeline, options?: LocalCalendarOptions): LocalCalendar {
  const useCache = options === undefined;
  if (useCache) {
    const hit = cache.get(timeline);
    if (hit) return hit;
  }
  const { hours, startUtcMs } = timeline;
  const utcOffsetMin = hourlyOffsets(timeline);
  const year = new Uint16Array(hours);
  const month = new Uint8Array(hours);
  const dayOfMonth = new Uint8Array(hours);
  const dayOfYear = new Uint16Array(hours);
  const localHour = new Uint8Array(hours);
  const weekday = new Uint8Array(hours);
  const isDst = new Uint8Array(hours);
  const isDstChange = new Uint8Array(hours);
  const isHoliday = new Uint8Array(hours);
  const isSchoolHoliday = new Uint8Array(hours);
  const dstChanges: DstChange[] = [];

  const holidaysOn = (options?.holidays ?? "FI") === "FI";
  const holidayDays = new Map<number, Set<number>>();
  const schoolDays = new Map<number, Set<number>>();
  const standardOffset = new Map<number, number>();
  const yearInfo = (y: number): void => {
    if (holidayDays.has(y)) return;
    holidayDays.set(y, holidaysOn ? new Set(finnishPublicHolidays(y).map((h) => h.days)) : new Set());
    schoolDays.set(y, holidaysOn ? finnishSchoolHolidays(y, options?.schoolHolidays) : new Set());
    const jan = utcOffsetMinutes(timeline.timeZone, Date.UTC(y, 0, 15));
    const jul = utcOffsetMinutes(timeline.timeZone, Date.UTC(y, 6, 15));
    standardOffset.set(y, Math.min(jan, jul));
  };

  let lastDays = Number.NaN;
  let y = 0;
  let mo = 0;
  let dom = 0;
  let doy = 0;
  let wd = 0;
  let hol = 0;
  let school = 0;
  for (let i = 0; i < hours; i++) {
    const offMin = utcOffsetMin[i] ?? 0;
    const localMs = startUtcMs + i * MS_PER_HOUR + offMin * 60_000;
    const days = Math.floor(localMs / MS_PER_DAY);
    if (days !== lastDays) {
      const c = civilFromDays(days);
      y = c.year;
      mo = c.month;
      dom = c.day;
      doy = days - daysFromCivil(y, 1, 1) + 1;
      wd = isoWeekdayOfDays(days);
      yearInfo(y);
      hol = holidayDays.get(y)?.has(days) ? 1 : 0;
      school = hol === 1 || schoolDays.get(y)?.has(days) ? 1 : 0;
      lastDays = days;
    }
    year[i] = y;
    month[i] = mo;
    dayOfMonth[i] = dom;
    dayOfYear[i] = doy;
    localHour[i] = Math.floor((localMs - days * MS_PER_DAY) / MS_PER_HOUR);
    weekday[i] = wd;
    isHoliday[i] = hol;
    isSchoolHoliday[i] = school;
    isDst[i] = offMin > (standardOffset.get(y) ?? offMin) ? 1 : 0;
    if (i > 0) {
      const prev = utcOffsetMin[i - 1] ?? offMin;
      if (prev !== offMin) {
        isDstChange[i] = 1;
        dstChanges.push({ hourIndex: i, fromOffsetMin: prev, toOffsetMin: offMin });
      }
    }
  }
  const cal: LocalCalendar = {
    timeline,
    year,
    month,
    dayOfMonth,
    dayOfYear,
    localHour,
    weekday,
    utcOffsetMin,
    isDst,
    isDstChange,
    dstChanges,
    isHoliday,
    isSchoolHoliday,
  };
  if (useCache) cache.set(timeline, cal);
  return cal;
}
