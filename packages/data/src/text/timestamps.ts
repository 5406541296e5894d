import { isValidTimeZone, localToUtcMs, utcOffsetMinutes } from "@kera/engine";

/** A parsed ISO-8601-like time stamp: wall-clock fields and, if given, an explicit UTC offset. */
export interface ParsedStamp {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Offset from UTC in minutes when the stamp carries `Z`, `UTC` or `+hh:mm`; undefined for a naive stamp. */
  readonly offsetMin: number | undefined;
}

const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses `2023-01-01T00:00:00Z`, `2023-01-01 02:00:00+02:00`, `2023-01-01 00:00` (naive) ...; undefined if not a stamp. */
export function parseStamp(text: string): ParsedStamp | undefined {
  const m = STAMP.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCDate() !== day ||
    probe.getUTCMonth() !== month - 1 ||
    hour > 24 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let offsetMin: number | undefined;
  if (z !== undefined) {
    const zu = z.toUpperCase();
    if (zu === "Z" || zu === "UTC") offsetMin = 0;
    else {
      const sign = z.startsWith("-") ? -1 : 1;
      const digits = z.slice(1).replace(":", "");
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
    }
  }
  return { year, month, day, hour, minute, second, offsetMin };
}

/**
 * UTC milliseconds of a parsed stamp. Naive stamps are read in `zone` ("UTC" or an IANA zone). In an autumn
 * overlap, the earlier instant is taken unless it would not be after `previousUtcMs`, then the later one
 * (so a file listing 03:00, 03:00 on the fall-back night reads as two consecutive hours).
 */
export function stampToUtcMs(stamp: ParsedStamp, zone: string, previousUtcMs?: number): number {
  const wall = Date.UTC(stamp.year, stamp.month - 1, stamp.day, stamp.hour, stamp.minute, stamp.second);
  if (stamp.offsetMin !== undefined) return wall - stamp.offsetMin * 60_000;
  if (zone === "UTC") return wall;
  const first = localToUtcMs(
    zone,
    stamp.year,
    stamp.month,
    stamp.day,
    stamp.hour,
    stamp.minute,
    stamp.second,
  );
  if (previousUtcMs !== undefined && first <= previousUtcMs) {
    // Try the later instant of an autumn overlap: it must show the same wall clock.
    const later = wall - utcOffsetMinutes(zone, first + 3_600_000 * 2) * 60_000;
    if (later > first && later + utcOffsetMinutes(zone, later) * 60_000 === wall) return later;
  }
  return first;
}

export { isValidTimeZone };
