import { EngineError } from "../errors.js";
import { MS_PER_DAY, civilFromDays } from "../time/civil-date.js";
import { MS_PER_HOUR, type Timeline } from "../time/timeline.js";
import type { Weather } from "./weather.js";

/** Hours in a typical (non-leap) weather year such as FMI TRY2020 or an EPW file. */
export const TYPICAL_YEAR_HOURS = 8760;

/** Day of year (0-based) on which each month starts in a non-leap year. */
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

/**
 * Hour index (0..8759) into a typical non-leap year for the UTC hour starting at `utcMs`.
 * 29 February repeats 28 February, so every hour of a leap year maps into the 8760-hour year.
 */
export function typicalHourOfYear(utcMs: number): number {
  const hourSinceEpoch = Math.floor(utcMs / MS_PER_HOUR);
  const days = Math.floor(hourSinceEpoch / 24);
  const hour = hourSinceEpoch - days * 24;
  const { month, day } = civilFromDays(days);
  const dayOfMonth = month === 2 && day === 29 ? 28 : day;
  const dayOfYear = (MONTH_START_DAY[month - 1] ?? 0) + dayOfMonth - 1;
  return dayOfYear * 24 + hour;
}

/**
 * True when `weather` is a typical year in the engine's convention: exactly 8760 hours, starting at
 * 1 January 00:00 UTC, so that value i belongs to UTC hour i of a non-leap year.
 */
export function isTypicalYearWeather(weather: Weather): boolean {
  const { startUtcMs, hours } = weather.timeline;
  if (hours !== TYPICAL_YEAR_HOURS || startUtcMs % MS_PER_DAY !== 0) return false;
  const { month, day } = civilFromDays(startUtcMs / MS_PER_DAY);
  return month === 1 && day === 1;
}

/**
 * Maps a typical-year weather (8760 h from 1 January 00:00 UTC, no 29 February) onto any timeline
 * (any start, any length, leap years) by UTC hour of year: value i of the result is the typical year's
 * value for the same month, day and UTC hour as hour i of `timeline`; 29 February repeats 28 February.
 * Multi-year timelines repeat the typical year. The result keeps the source's `source` text.
 *
 * Precondition (checked): `isTypicalYearWeather(weather)`; otherwise an EngineError
 * `weather-not-typical-year` is thrown. Validate user weather at the edge (the data importers do).
 */
export function alignWeatherToTimeline(weather: Weather, timeline: Timeline): Weather {
  if (!isTypicalYearWeather(weather)) {
    throw new EngineError(
      "weather-not-typical-year",
      `expected 8760 hours from 1 January 00:00 UTC, got ${weather.timeline.hours} hours from ${new Date(
        weather.timeline.startUtcMs,
      ).toISOString()}`,
    );
  }
  if (!Number.isInteger(timeline.hours) || timeline.hours < 0) {
    throw new EngineError(
      "invalid-timeline",
      `timeline.hours must be a whole number >= 0, got ${timeline.hours}`,
    );
  }
  const n = timeline.hours;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = typicalHourOfYear(timeline.startUtcMs + i * MS_PER_HOUR);
  const pick = (source: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = source[index[i] ?? 0] ?? Number.NaN;
    return out;
  };
  return {
    source: weather.source,
    timeline,
    temperatureC: pick(weather.temperatureC),
    relativeHumidityPct: pick(weather.relativeHumidityPct),
    windSpeedMs: pick(weather.windSpeedMs),
    ghiWm2: pick(weather.ghiWm2),
    dhiWm2: pick(weather.dhiWm2),
    dniWm2: pick(weather.dniWm2),
  };
}
