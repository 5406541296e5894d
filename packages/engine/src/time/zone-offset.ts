/**
 * UTC offsets of IANA time zones from the platform's `Intl.DateTimeFormat` (the only source of tz rules a
 * browser has). Formatters are cached per zone because creating them is slow; callers that need many
 * hours should use `localCalendar`, which calls this only around offset changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name (e.g. "Europe/Helsinki", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of local time from UTC in whole minutes at the instant `utcMs` (Helsinki: 120 in winter,
 * 180 in summer). Throws a RangeError for an unknown zone (check with `isValidTimeZone` first).
 */
export function utcOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(utcMs);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        year = Number(p.value);
        break;
      case "month":
        month = Number(p.value);
        break;
      case "day":
        day = Number(p.value);
        break;
      case "hour":
        hour = Number(p.value);
        break;
      case "minute":
        minute = Number(p.value);
        break;
      case "second":
        second = Number(p.value);
        break;
      case "era":
        bc = p.value.startsWith("B");
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const wholeSecondUtc = Math.floor(utcMs / 1000) * 1000;
  return Math.round((d.getTime() - wholeSecondUtc) / 60_000);
}

/**
 * The UTC instant of a local wall-clock time in a zone. In a spring-forward gap the wall time is read with
 * the offset before the gap (Helsinki 03:30 on the spring-forward day → 04:30 EEST); in an autumn
 * overlap the earlier (DST) instant is returned.
 */
export function localToUtcMs(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const wall = d.getTime();
  // Candidates with the offsets valid a day before and after; take the first one that maps back.
  const offBefore = utcOffsetMinutes(timeZone, wall - 86_400_000);
  const offAfter = utcOffsetMinutes(timeZone, wall + 86_400_000);
  const candidates = [wall - offBefore * 60_000, wall - offAfter * 60_000].sort((a, b) => a - b);
  for (const c of candidates) {
    if (c + utcOffsetMinutes(timeZone, c) * 60_000 === wall) return c;
  }
  // In a gap no candidate maps back: use the offset before the gap (wall time moves forward).
  return wall - offBefore * 60_000;
}
