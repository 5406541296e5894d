import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Weather } from "./weather.js";
import { weatherStats } from "./weather-stats.js";

function constantWeather(hours: number, temperatureC: number, ghiWm2: number): Weather {
  return {
    source: "test",
    timeline: { startUtcMs: Date.UTC(2023, 0, 1), hours, timeZone: "UTC" },
    temperatureC: new Float64Array(hours).fill(temperatureC),
    relativeHumidityPct: new Float64Array(hours).fill(80),
    windSpeedMs: new Float64Array(hours).fill(3),
    ghiWm2: new Float64Array(hours).fill(ghiWm2),
    dhiWm2: new Float64Array(hours),
    dniWm2: new Float64Array(hours),
  };
}

describe("weatherStats", () => {
  it("computes degree days from hourly values (a constant 7 degC year has 10 K x 365 d)", () => {
    const s = weatherStats(constantWeather(8760, 7, 100));
    expect(s.meanTemperatureC).toBeCloseTo(7, 12);
    expect(s.hdd17Kd).toBeCloseTo(3650, 9);
    expect(s.ghiTotalKwhM2).toBeCloseTo(876, 9);
    expect(s.meanWindSpeedMs).toBeCloseTo(3, 12);
  });

  it("counts no degree days above 17 degC and only the colder hours of a mixed day", () => {
    const w = constantWeather(24, 20, 0);
    w.temperatureC.fill(5, 0, 12); // 12 h at 5 degC: 12 x 12 K h = 144 K h = 6 Kd
    const s = weatherStats(w);
    expect(s.hdd17Kd).toBeCloseTo(6, 12);
    expect(s.minTemperatureC).toBe(5);
    expect(s.maxTemperatureC).toBe(20);
  });

  it("hdd17 is never negative and falls when every temperature rises", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -40, max: 35, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (ts) => {
          const w = constantWeather(ts.length, 0, 0);
          w.temperatureC.set(ts);
          const warmer = constantWeather(ts.length, 0, 0);
          warmer.temperatureC.set(ts.map((t) => t + 1));
          const a = weatherStats(w).hdd17Kd;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(weatherStats(warmer).hdd17Kd).toBeLessThanOrEqual(a + 1e-9);
        },
      ),
      { seed: 3 },
    );
  });
});
