import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import { createTimeline, type Timeline } from "../time/timeline.js";
import type { Weather } from "../weather/weather.js";
import { buildingDemand, checkBuildingInput, type BuildingDemandInput } from "./building-demand.js";
import { calibrateLossFactor } from "./calibrate.js";
import { USE_TYPES, type UseType } from "./use-types.js";

const site = { latitude: 60.22, longitude: 24.66 };

/** Deterministic synthetic weather: seasonal and daily temperature cycle, clear-ish sky by day. */
function syntheticWeather(timeline: Timeline, meanC = 5, ampC = 12, seed = 1): Weather {
  const n = timeline.hours;
  const t = new Float64Array(n);
  const ghi = new Float64Array(n);
  const dhi = new Float64Array(n);
  const dni = new Float64Array(n);
  const rh = new Float64Array(n).fill(70);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const noise = (s / 2147483648 - 0.5) * 4;
    const ms = timeline.startUtcMs + i * 3_600_000;
    const doy = (ms / 86_400_000) % 365.25;
    const hourUtc = (ms / 3_600_000) % 24;
    const season = -Math.cos((2 * Math.PI * (doy - 15)) / 365.25);
    const day = Math.sin((2 * Math.PI * (hourUtc - 7)) / 24);
    t[i] = meanC + ampC * season + 3 * day + noise;
    const sun = Math.max(0, Math.sin((2 * Math.PI * (hourUtc - 4)) / 24)) * (0.5 + 0.5 * season);
    ghi[i] = 600 * sun;
    dhi[i] = 200 * sun;
    dni[i] = 500 * sun;
  }
  return {
    source: "synthetic",
    timeline,
    temperatureC: t,
    relativeHumidityPct: rh,
    windSpeedMs: new Float64Array(n).fill(3),
    ghiWm2: ghi,
    dhiWm2: dhi,
    dniWm2: dni,
  };
}

const year = createTimeline({ start: "2025-01-01", timeZone: "Europe/Helsinki" });
const yearWeather = syntheticWeather(year);
const base = (useType: UseType, extra: Partial<BuildingDemandInput> = {}): BuildingDemandInput => ({
  useType,
  heatedFloorAreaM2: 5000,
  yearCompleted: 2025,
  weather: yearWeather,
  timeline: year,
  site,
  ...extra,
});

describe("buildingDemand", () => {
  it("never returns NaN or negative energy for arbitrary valid inputs (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...USE_TYPES),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1900, max: 2060 }),
        fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.double({ min: -25, max: 25, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: undefined }),
        (useType, area, yearCompleted, residents, hours, startHour, meanC, eValue) => {
          const timeline = {
            startUtcMs: year.startUtcMs + startHour * 3_600_000,
            hours,
            timeZone: year.timeZone,
          };
          const weather = syntheticWeather(timeline, meanC, 10, startHour + 1);
          const r = buildingDemand({
            useType,
            heatedFloorAreaM2: area,
            yearCompleted,
            weather,
            timeline,
            site,
            ...(residents === undefined ? {} : { residents }),
            ...(eValue === undefined ? {} : { eValue }),
          });
          for (const a of [r.spaceHeatingKwh, r.hotWaterKwh, r.electricityKwh, r.coolingKwh]) {
            expect(a.length).toBe(hours);
            for (const v of a) {
              expect(Number.isFinite(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          expect(r.diagnostics.maxNodeResidualW).toBeLessThan(1e-6 * Math.max(1, area) * 100);
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it("is linear in floor area, so a group of identical buildings scales by count", () => {
    const one = buildingDemand(base("office", { heatedFloorAreaM2: 2000 }));
    const five = buildingDemand(base("office", { heatedFloorAreaM2: 10_000, count: 5 }));
    expect(five.annualSummary.spaceHeatingKwh).toBeCloseTo(5 * one.annualSummary.spaceHeatingKwh, 6);
    expect(five.annualSummary.electricityKwh).toBeCloseTo(5 * one.annualSummary.electricityKwh, 6);
    expect(five.annualSummary.coolingKwh).toBeCloseTo(5 * one.annualSummary.coolingKwh, 6);
    expect(five.diagnostics.perBuildingAreaM2).toBe(2000);
  });

  it("needs more heat for older construction periods and for colder weather", () => {
    const sh = (y: number): number =>
      buildingDemand(base("apartmentBlock", { yearCompleted: y })).annualSummary.spaceHeatingKwh;
    expect(sh(1970)).toBeGreaterThan(sh(1990));
    expect(sh(1990)).toBeGreaterThan(sh(2025));
    const cold = buildingDemand(base("school", { weather: syntheticWeather(year, 0) })).annualSummary
      .spaceHeatingKwh;
    const warm = buildingDemand(base("school", { weather: syntheticWeather(year, 10) })).annualSummary
      .spaceHeatingKwh;
    expect(cold).toBeGreaterThan(warm);
  });

  it("has no cooling for types without a cooling system and no heat for parking", () => {
    const apt = buildingDemand(base("apartmentBlock", { weather: syntheticWeather(year, 15) }));
    expect(apt.annualSummary.coolingKwh).toBe(0);
    const parking = buildingDemand(base("parking"));
    expect(parking.annualSummary.spaceHeatingKwh + parking.annualSummary.hotWaterKwh).toBe(0);
    expect(parking.annualSummary.perM2PerYear.electricityKwhPerM2).toBeCloseTo(10, 6);
  });

  it("scales hot water with residents (litres per person per day)", () => {
    const a = buildingDemand(base("apartmentBlock", { residents: 100 })).annualSummary.hotWaterKwh;
    const b = buildingDemand(base("apartmentBlock", { residents: 200 })).annualSummary.hotWaterKwh;
    expect(b).toBeCloseTo(2 * a, 6);
    // 44 l/(person d) x 58 kWh/m3 x 1.3 circulation x 365 d = 1211 kWh per person and year.
    expect(a / 100).toBeCloseTo(0.044 * 58 * 1.3 * 365, 6);
  });

  it("follows the local schedule: office electricity peaks on weekdays, not at night or on holidays", () => {
    const r = buildingDemand(base("office"));
    // 2025-01-01 (a holiday, Wednesday) vs 2025-01-08 (Wednesday), both 10:00 local (= 08:00 UTC).
    const h = (dayIndex: number, localHour: number): number =>
      r.electricityKwh[dayIndex * 24 + localHour] ?? 0;
    expect(h(7, 10)).toBeGreaterThan(3 * h(7, 2));
    expect(h(7, 10)).toBeGreaterThan(3 * h(0, 10));
  });

  it("follows local time across daylight saving: the 10:00 office peak is 08:00 UTC in winter, 07:00 UTC in summer", () => {
    const r = buildingDemand(base("office"));
    expect(r.diagnostics.sources.electricity).toBe("schedule");
    const utcIndex = (y: number, m: number, d: number, h: number): number =>
      (Date.UTC(y, m - 1, d, h) - year.startUtcMs) / 3_600_000;
    // Tuesday 14 January and Tuesday 15 July 2025: CEA OFFICE weekday appliances/lighting are 1.0 at 10:00 local.
    const winter = r.electricityKwh[utcIndex(2025, 1, 14, 8)] ?? 0;
    const summer = r.electricityKwh[utcIndex(2025, 7, 15, 7)] ?? 0;
    expect(summer).toBeCloseTo(winter, 9);
    expect(r.electricityKwh[utcIndex(2025, 7, 15, 8)] ?? 0).toBeLessThan(summer); // 11:00 local = 0.8
  });

  it("warns when annual targets are applied to a shorter timeline", () => {
    const day = createTimeline({ start: "2025-01-15", hours: 24, timeZone: "Europe/Helsinki" });
    const r = buildingDemand({
      ...base("office"),
      timeline: day,
      weather: syntheticWeather(day),
      eValue: 80,
    });
    expect(r.diagnostics.warnings.map((w) => w.code)).toContain("partial-year-scaling");
  });

  it("scales to given specific demands and to an E-value", () => {
    const r = buildingDemand(
      base("office", {
        specificDemands: { spaceHeatingKwhPerM2: 30, electricityKwhPerM2: 70, coolingKwhPerM2: 12 },
      }),
    );
    expect(r.annualSummary.perM2PerYear.spaceHeatingKwhPerM2).toBeCloseTo(30, 6);
    expect(r.annualSummary.perM2PerYear.electricityKwhPerM2).toBeCloseTo(70, 6);
    expect(r.annualSummary.perM2PerYear.coolingKwhPerM2).toBeCloseTo(12, 6);
    expect(r.diagnostics.sources.spaceHeating).toBe("scaledToSpecific");
    const e = buildingDemand(base("office", { eValue: 90 }));
    expect(e.annualSummary.eValue).toBeCloseTo(90, 6);
    const low = buildingDemand(base("office", { eValue: 10 }));
    expect(low.annualSummary.spaceHeatingKwh).toBe(0);
    expect(low.diagnostics.warnings.map((w) => w.code)).toContain("e-value-below-fixed-uses");
  });

  it("lets explicit series override the physics, carrier by carrier", () => {
    const day = createTimeline({ start: "2025-01-15", hours: 24, timeZone: "Europe/Helsinki" });
    const w = syntheticWeather(day);
    const hourly = Array.from({ length: 24 }, (_, i) => i);
    const r = buildingDemand({
      ...base("retail"),
      timeline: day,
      weather: w,
      demand: { electricityKwh: { hourly }, coolingKwh: 0 },
    });
    expect([...r.electricityKwh]).toEqual(hourly);
    expect(r.annualSummary.coolingKwh).toBe(0);
    expect(r.diagnostics.sources).toMatchObject({
      electricity: "explicit",
      cooling: "explicit",
      spaceHeating: "physics",
    });
    expect(() =>
      buildingDemand({
        ...base("retail"),
        timeline: day,
        weather: w,
        demand: { hotWaterKwh: { hourly: [1] } },
      }),
    ).toThrow(EngineError);
  });

  it("reports every input problem and throws EngineError on invalid input", () => {
    const bad = {
      ...base("office"),
      heatedFloorAreaM2: -5,
      yearCompleted: 20.5,
      useType: "castle" as UseType,
    };
    expect(checkBuildingInput(bad).map((i) => i.path)).toEqual([
      "useType",
      "heatedFloorAreaM2",
      "yearCompleted",
    ]);
    expect(() => buildingDemand(bad)).toThrow(EngineError);
    const short = {
      ...base("office"),
      weather: syntheticWeather(createTimeline({ start: "2025-01-01", hours: 24, timeZone: "UTC" })),
    };
    expect(checkBuildingInput(short).map((i) => i.code)).toEqual(["weather-length"]);
  });

  it("calibrates the loss factor to a target space heating", () => {
    const c = calibrateLossFactor(base("apartmentBlock"), 60);
    expect(c.converged).toBe(true);
    const r = buildingDemand(base("apartmentBlock", { parameters: { lossFactor: c.value } }));
    expect(r.annualSummary.perM2PerYear.spaceHeatingKwhPerM2).toBeCloseTo(60, 0);
  });
});
