import { TYPICAL_YEAR_HOURS, type Weather } from "@kera/engine";
import type { IssueList } from "../text/issues.js";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

/** How hourly point values (temperature, humidity, wind) are turned into hourly means. */
export type PointVariables = "interpolate" | "hour-ending";

/**
 * Options shared by the typical-year weather importers (TRY CSV, EPW). Defaults are in
 * `TYPICAL_YEAR_DEFAULTS`.
 */
export interface TypicalYearOptions {
  /** Name used in messages (`file:line:column`). */
  readonly fileName?: string;
  /** Text for `Weather.source` (origin and licence). */
  readonly source?: string;
  /** Non-leap calendar year the result's timeline is labelled with (the data are a typical year). */
  readonly year?: number;
  /** IANA time zone of the site, stored in the timeline (display and schedules only). */
  readonly timeZone?: string;
  /**
   * `interpolate` (default): temperature, humidity and wind are point values at the stamp (FMI and EPW
   * practice), so the mean over [t, t+1h) is taken as the mean of the values at t and t+1h.
   * `hour-ending`: treat them like radiation, as means of the hour ending at the stamp.
   */
  readonly pointVariables?: PointVariables;
}

export const TYPICAL_YEAR_DEFAULTS = {
  /** A non-leap year; only a label, since alignWeatherToTimeline maps by month, day and hour. */
  year: 2023,
  pointVariables: "interpolate" as PointVariables,
} as const;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Hour index in a non-leap year of local (month, day, hour); `hour` may be 0..24 (24 = the end of the day,
 * as EPW uses). Undefined for impossible dates and for 29 February.
 */
export function stampHourOfYear(month: number, day: number, hour: number): number | undefined {
  if (!Number.isInteger(month) || !Number.isInteger(day) || !Number.isInteger(hour)) return undefined;
  if (month < 1 || month > 12 || hour < 0 || hour > 24) return undefined;
  const dim = DAYS_IN_MONTH[month - 1] ?? 0;
  if (day < 1 || day > dim) return undefined;
  return ((MONTH_START_DAY[month - 1] ?? 0) + day - 1) * 24 + hour;
}

/** Formats a stamp hour of year back to "MM-DD hh" for messages. */
export function formatStamp(stampHour: number): string {
  const dayOfYear = Math.floor(stampHour / 24);
  const hour = stampHour - dayOfYear * 24;
  let m = 0;
  while (m < 11 && (MONTH_START_DAY[m + 1] ?? 365) <= dayOfYear) m++;
  const day = dayOfYear - (MONTH_START_DAY[m] ?? 0) + 1;
  const p = (v: number): string => String(v).padStart(2, "0");
  return `${p(m + 1)}-${p(day)} ${p(hour)}:00`;
}

/** A data row of a typical-year file: its stamp (local standard hours since 1 Jan 00:00) and line. */
export interface StampedRow {
  readonly stampHour: number;
  readonly line: number;
  readonly column: number;
}

/**
 * Checks that the rows are exactly the hours firstStamp, firstStamp+1, ... of a non-leap year:
 * reports `duplicate-time`, `time-gap` (with the missing range), `time-out-of-order` and `wrong-row-count`.
 */
export function checkTypicalYearSequence(
  rows: readonly StampedRow[],
  firstStamp: number,
  issues: IssueList,
): void {
  let expected = firstStamp;
  let previous: StampedRow | undefined;
  for (const row of rows) {
    const s = row.stampHour;
    if (previous && s === previous.stampHour) {
      issues.error("duplicate-time", `time ${formatStamp(s)} repeats line ${previous.line}`, {
        line: row.line,
        column: row.column,
        value: formatStamp(s),
      });
      continue;
    }
    if (s > expected) {
      const missing = s - expected;
      issues.error(
        "time-gap",
        `${missing} hour${missing === 1 ? "" : "s"} missing before this row: expected ${formatStamp(expected)}, found ${formatStamp(s)}`,
        { line: row.line, column: row.column, value: formatStamp(s), expected: formatStamp(expected) },
      );
    } else if (s < expected) {
      issues.error("time-out-of-order", `time ${formatStamp(s)} comes after ${formatStamp(expected - 1)}`, {
        line: row.line,
        column: row.column,
        value: formatStamp(s),
        expected: formatStamp(expected),
      });
      previous = row;
      continue;
    }
    expected = s + 1;
    previous = row;
  }
  if (rows.length !== TYPICAL_YEAR_HOURS) {
    const last = rows[rows.length - 1];
    issues.error(
      "wrong-row-count",
      `${rows.length} data rows; a typical year has ${TYPICAL_YEAR_HOURS} hourly rows (no 29 February)`,
      { line: last?.line, value: rows.length, expected: String(TYPICAL_YEAR_HOURS) },
    );
  }
}

/** Hourly raw columns of a typical-year file (the engine's `Weather` columns), indexed by stamp hour modulo 8760. */
export type RawTypicalYear = Omit<Weather, "source" | "timeline">;

/** Empty raw arrays for a typical year. */
export function createRawTypicalYear(): RawTypicalYear {
  const a = (): Float64Array => new Float64Array(TYPICAL_YEAR_HOURS);
  return {
    temperatureC: a(),
    relativeHumidityPct: a(),
    windSpeedMs: a(),
    ghiWm2: a(),
    dhiWm2: a(),
    dniWm2: a(),
  };
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/**
 * Converts a typical year stamped in local standard time UTC+`utcOffsetHours` (radiation = mean of the hour
 * ENDING at the stamp; point variables = values at the stamp) to the engine convention: value i is the mean
 * over [t_i, t_i + 1 h) UTC with t_0 = 1 January 00:00 UTC. The year is cyclic, so the first hours of
 * 1 January (local) close the last UTC hours of 31 December.
 *
 * Row with stamp s covers local [s-1, s) = UTC [s-1-offset, s-offset), so engine hour i reads stamp
 * i+1+offset; a point value at UTC hour i is the stamp i+offset.
 */
export function toEngineWeather(
  raw: RawTypicalYear,
  utcOffsetHours: number,
  source: string,
  timeZone: string,
  options: { year: number; pointVariables: PointVariables },
): Weather {
  const n = TYPICAL_YEAR_HOURS;
  const hourEnding = (x: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[mod(i + 1 + utcOffsetHours, n)] ?? Number.NaN;
    return out;
  };
  const point = (x: Float64Array): Float64Array => {
    if (options.pointVariables === "hour-ending") return hourEnding(x);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      out[i] =
        ((x[mod(i + utcOffsetHours, n)] ?? Number.NaN) + (x[mod(i + 1 + utcOffsetHours, n)] ?? Number.NaN)) /
        2;
    }
    return out;
  };
  return {
    source,
    timeline: { startUtcMs: Date.UTC(options.year, 0, 1), hours: n, timeZone },
    temperatureC: point(raw.temperatureC),
    relativeHumidityPct: point(raw.relativeHumidityPct),
    windSpeedMs: point(raw.windSpeedMs),
    ghiWm2: hourEnding(raw.ghiWm2),
    dhiWm2: hourEnding(raw.dhiWm2),
    dniWm2: hourEnding(raw.dniWm2),
  };
}

/** Plausible ranges checked by the weather importers (`out-of-range` errors). */
export const WEATHER_RANGES = {
  /** degC; outside the Finnish and world records by a margin. */
  temperatureC: [-70, 60],
  /** %, by definition. */
  relativeHumidityPct: [0, 100],
  /** m/s, hourly mean at 10 m. */
  windSpeedMs: [0, 75],
  /** W/m2; cannot be negative, and hourly means stay below the solar constant (1361 W/m2, Kopp & Lean 2011). */
  irradianceWm2: [0, 1400],
  /** deg. */
  windDirectionDeg: [0, 360],
} as const;
