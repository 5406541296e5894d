import { describe, expect, it } from "vitest";
import type { Weather } from "./weather.js";
import { fmiHeatingDegreeDays } from "./heating-degree-days.js";

function weather(startUtcMs: number, temps: number[], timeZone = "UTC"): Weather {
  const n = temps.length;
  return {
    source: "test",
    timeline: { startUtcMs, hours: n, timeZone },
    temperatureC: Float64Array.from(temps),
    relativeHumidityPct: new Float64Array(n),
    windSpeedMs: new Float64Array(n),
    ghiWm2: new Float64Array(n),
    dhiWm2: new Float64Array(n),
    dniWm2: new Float64Array(n),
  };
}

describe("fmiHeatingDegreeDays (S17, REGULATIONS.md §5)", () => {
  it("sums 17 - daily mean for cold days", () => {
    const w = weather(Date.UTC(2025, 0, 1), new Array(48).fill(-3));
    const s = fmiHeatingDegreeDays(w);
    expect(s.totalKd).toBeCloseTo(40, 12);
    expect(s.monthlyKd[0]).toBeCloseTo(40, 12);
    expect(s.days).toBe(2);
  });

  it("uses daily means, not hours: a day at 20 degC for 12 h and 0 degC for 12 h counts 7 Kd", () => {
    const w = weather(Date.UTC(2025, 0, 1), [...new Array(12).fill(20), ...new Array(12).fill(0)]);
    expect(fmiHeatingDegreeDays(w).totalKd).toBeCloseTo(7, 12);
  });

  it("skips spring days above +10 degC and autumn days above +12 degC", () => {
    const day = (t: number) => new Array(24).fill(t);
    // 11 degC: skipped in May (spring), counted in September (autumn, limit 12).
    expect(fmiHeatingDegreeDays(weather(Date.UTC(2025, 4, 10), day(11))).totalKd).toBe(0);
    expect(fmiHeatingDegreeDays(weather(Date.UTC(2025, 8, 10), day(11))).totalKd).toBeCloseTo(6, 12);
    expect(fmiHeatingDegreeDays(weather(Date.UTC(2025, 8, 10), day(12.5))).totalKd).toBe(0);
    expect(fmiHeatingDegreeDays(weather(Date.UTC(2025, 4, 10), day(10))).totalKd).toBeCloseTo(7, 12);
  });

  it("groups hours into LOCAL days of the timeline's zone", () => {
    // 24 h from 22:00 UTC = local midnight in Helsinki (winter, UTC+2): one whole local day.
    const w = weather(Date.UTC(2025, 0, 1, 22), new Array(24).fill(7), "Europe/Helsinki");
    expect(fmiHeatingDegreeDays(w).days).toBe(1);
    expect(fmiHeatingDegreeDays({ ...w, timeline: { ...w.timeline, timeZone: "UTC" } }).days).toBe(2);
  });
});
