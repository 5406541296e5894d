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
