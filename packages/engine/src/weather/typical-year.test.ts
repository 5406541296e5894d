import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EngineError } from "../errors.js";
import { MS_PER_HOUR, type Timeline } from "../time/timeline.js";
import {
  TYPICAL_YEAR_HOURS,
  alignWeatherToTimeline,
  isTypicalYearWeather,
  typicalHourOfYear,
} from "./typical-year.js";
import type { Weather } from "./weather.js";

const UTC = "UTC";

/** A synthetic typical year whose temperature encodes the hour index, so mapping errors are visible. */
function indexWeather(year = 2023): Weather {
  const n = TYPICAL_YEAR_HOURS;
  const ramp = Float64Array.from({ length: n }, (_, i) => i);
  return {
    source: "test ramp",
    timeline: { startUtcMs: Date.UTC(year, 0, 1), hours: n, timeZone: UTC },
    temperatureC: ramp,
    relativeHumidityPct: ramp.map((v) => v + 1),
    windSpeedMs: ramp.map((v) => v + 2),
    ghiWm2: ramp.map((v) => v + 3),
    dhiWm2: ramp.map((v) => v + 4),
    dniWm2: ramp.map((v) => v + 5),
  };
}

describe("typicalHourOfYear", () => {
  it("is the UTC hour of a non-leap year", () => {
    expect(typicalHourOfYear(Date.UTC(2023, 0, 1, 0))).toBe(0);
    expect(typicalHourOfYear(Date.UTC(2023, 0, 1, 0, 59))).toBe(0);
    expect(typicalHourOfYear(Date.UTC(2023, 11, 31, 23))).toBe(8759);
    expect(typicalHourOfYear(Date.UTC(2023, 2, 1, 5))).toBe(59 * 24 + 5);
  });
  it("repeats 28 February on 29 February and realigns on 1 March in leap years", () => {
    expect(typicalHourOfYear(Date.UTC(2024, 1, 29, 7))).toBe(typicalHourOfYear(Date.UTC(2024, 1, 28, 7)));
    expect(typicalHourOfYear(Date.UTC(2024, 2, 1, 0))).toBe(59 * 24);
    expect(typicalHourOfYear(Date.UTC(2024, 11, 31, 23))).toBe(8759);
  });
  it("always lies in 0..8759", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 3_000_000 }), (h) => {
        const k = typicalHourOfYear(h * MS_PER_HOUR);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThan(TYPICAL_YEAR_HOURS);
      }),
      { seed: 7 },
    );
  });
});

describe("alignWeatherToTimeline", () => {
  const w = indexWeather();

  it("is the identity on the typical year's own timeline shape (any non-leap year)", () => {
    const out = alignWeatherToTimeline(w, {
      startUtcMs: Date.UTC(2025, 0, 1),
      hours: 8760,
      timeZone: "Europe/Helsinki",
    });
    expect(Array.from(out.temperatureC)).toEqual(Array.from(w.temperatureC));
    expect(out.timeline.timeZone).toBe("Europe/Helsinki");
    expect(out.source).toBe(w.source);
  });

  it("maps a leap year to 8784 hours with 29 February = 28 February", () => {
    const tl: Timeline = { startUtcMs: Date.UTC(2024, 0, 1), hours: 8784, timeZone: UTC };
    const out = alignWeatherToTimeline(w, tl);
    expect(out.ghiWm2.length).toBe(8784);
    const feb28 = 58 * 24;
    const feb29 = 59 * 24;
    for (let h = 0; h < 24; h++) expect(out.temperatureC[feb29 + h]).toBe(feb28 + h);
    expect(out.temperatureC[feb29 + 24]).toBe(59 * 24); // 1 March 00:00
    expect(out.temperatureC[8783]).toBe(8759);
    expect(out.dniWm2[8783]).toBe(8759 + 5);
  });

  it("starts anywhere and wraps over the new year", () => {
    const tl: Timeline = { startUtcMs: Date.UTC(2030, 11, 31, 22), hours: 4, timeZone: UTC };
    expect(Array.from(alignWeatherToTimeline(w, tl).temperatureC)).toEqual([8758, 8759, 0, 1]);
  });

  it("for any timeline, value i is the typical year's value at the same UTC hour of year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 400 }),
        (startHour, hours) => {
          const tl: Timeline = { startUtcMs: (startHour + 240_000) * MS_PER_HOUR, hours, timeZone: UTC };
          const out = alignWeatherToTimeline(w, tl);
          expect(out.temperatureC.length).toBe(hours);
          for (let i = 0; i < hours; i++) {
            const d = new Date(tl.startUtcMs + i * MS_PER_HOUR);
            const feb29 = d.getUTCMonth() === 1 && d.getUTCDate() === 29;
            const day = Math.floor(
              (Date.UTC(2023, d.getUTCMonth(), feb29 ? 28 : d.getUTCDate()) - Date.UTC(2023, 0, 1)) /
                86_400_000,
            );
            expect(out.temperatureC[i]).toBe(day * 24 + d.getUTCHours());
          }
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it("rejects weather that is not a typical year (wrong length or start)", () => {
    const short: Weather = { ...w, timeline: { ...w.timeline, hours: 8784 } };
    const shifted: Weather = { ...w, timeline: { ...w.timeline, startUtcMs: Date.UTC(2023, 0, 1, 2) } };
    expect(isTypicalYearWeather(w)).toBe(true);
    expect(isTypicalYearWeather(short)).toBe(false);
    expect(isTypicalYearWeather(shifted)).toBe(false);
    const tl: Timeline = { startUtcMs: 0, hours: 1, timeZone: UTC };
    expect(() => alignWeatherToTimeline(shifted, tl)).toThrow(EngineError);
    expect(() => alignWeatherToTimeline(short, tl)).toThrow(/weather-not-typical-year/);
  });
});
