import { describe, expect, it } from "vitest";
import {
  DEFAULT_GROUND_OFFSET_K,
  DEFAULT_SEWAGE_TEMP_C,
  fitAnnualHarmonic,
  groundTemperatureKusuda,
  heatPumpSourceTemperature,
  ANNUAL_PERIOD_HOURS,
  SOURCE_HEAT_EXCHANGER_DELTA_K,
} from "./source-temperature.js";

function syntheticYear(mean: number, amplitude: number, peakHour: number): Float64Array {
  const out = new Float64Array(ANNUAL_PERIOD_HOURS);
  for (let t = 0; t < out.length; t++) {
    // annual wave plus a daily wave (which the annual fit must ignore)
    out[t] =
      mean +
      amplitude * Math.cos((2 * Math.PI * (t - peakHour)) / ANNUAL_PERIOD_HOURS) +
      3 * Math.sin((2 * Math.PI * t) / 24);
  }
  return out;
}

describe("fitAnnualHarmonic", () => {
  it("recovers mean, amplitude and the warmest hour", () => {
    const h = fitAnnualHarmonic(syntheticYear(5.5, 11, 4900));
    expect(h.meanC).toBeCloseTo(5.5, 6);
    expect(h.amplitudeK).toBeCloseTo(11, 6);
    expect(h.peakHour).toBeCloseTo(4900, 3);
  });
});

describe("groundTemperatureKusuda", () => {
  const airHarmonic = { meanC: 5, amplitudeK: 10, peakHour: 5000 };
  it("equals the surface wave (plus offset) at zero depth", () => {
    const g = groundTemperatureKusuda({ hours: ANNUAL_PERIOD_HOURS, airHarmonic, depthM: 0, offsetK: 0 });
    expect(g[5000]).toBeCloseTo(15, 10);
  });

  it("damps by exp(−z/d) and delays by z/d with d = √(αP/π) (Kusuda & Achenbach 1965)", () => {
    const alpha = 0.5e-6;
    const d = Math.sqrt((alpha * 3600 * ANNUAL_PERIOD_HOURS) / Math.PI); // ≈ 2.24 m
    expect(d).toBeCloseTo(2.24, 2);
    const g = groundTemperatureKusuda({
      hours: ANNUAL_PERIOD_HOURS,
      airHarmonic,
      depthM: d,
      soilDiffusivityM2PerS: alpha,
      offsetK: 0,
    });
    const lagHours = ANNUAL_PERIOD_HOURS / (2 * Math.PI); // one radian
    const peak = Math.round(5000 + lagHours);
    expect(g[peak]).toBeCloseTo(5 + 10 * Math.exp(-1), 3);
    expect(Math.max(...g)).toBeCloseTo(5 + 10 * Math.exp(-1), 3);
  });

  it("is the annual mean plus offset deep down (boreholes)", () => {
    const g = groundTemperatureKusuda({ hours: 100, airHarmonic, depthM: 100 });
    for (const v of g) expect(v).toBeCloseTo(5 + DEFAULT_GROUND_OFFSET_K, 10);
  });
});

describe("heatPumpSourceTemperature", () => {
  const air = syntheticYear(5, 11, 4900);

  it("air is the air temperature", () => {
    const r = heatPumpSourceTemperature({ source: "air", airTempC: air });
    expect(r.ok && r.value[100]).toBe(air[100]);
  });

  it("groundwater defaults to annual mean air + offset − 5 K (when2heat heat-exchanger difference)", () => {
    const r = heatPumpSourceTemperature({ source: "water", airTempC: air });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value[0]).toBeCloseTo(5 + DEFAULT_GROUND_OFFSET_K - SOURCE_HEAT_EXCHANGER_DELTA_K, 3);
    expect(r.value[0]).toBe(r.value[7000]);
  });

  it("ground is damped and lagged relative to air", () => {
    const r = heatPumpSourceTemperature({ source: "ground", airTempC: air });
    if (!r.ok) throw new Error("expected ok");
    const max = Math.max(...r.value);
    const min = Math.min(...r.value);
    expect(max - min).toBeLessThan(22);
    expect(max - min).toBeGreaterThan(5);
    expect(r.value.indexOf(max)).toBeGreaterThan(4900);
  });

  it("groundwater needs a year of air temperature, a harmonic or an explicit temperature", () => {
    const week = new Float64Array(168).fill(-10);
    const a = heatPumpSourceTemperature({ source: "water", airTempC: week });
    expect(!a.ok && a.issues[0]?.code).toBe("series-too-short");
    const b = heatPumpSourceTemperature({
      source: "water",
      airTempC: week,
      ground: { airHarmonic: { meanC: 5.85, amplitudeK: 10.9, peakHour: 4841 } },
    });
    expect(b.ok && b.value[0]).toBeCloseTo(
      5.85 + DEFAULT_GROUND_OFFSET_K - SOURCE_HEAT_EXCHANGER_DELTA_K,
      10,
    );
    const c = heatPumpSourceTemperature({ source: "water", airTempC: week, groundwaterTempC: 7 });
    expect(c.ok && c.value[0]).toBe(2);
  });

  it("sewage defaults to 10 degC − 5 K", () => {
    const r = heatPumpSourceTemperature({ source: "sewage", airTempC: new Float64Array(3) });
    expect(r.ok && Array.from(r.value)).toEqual([5, 5, 5].map(() => DEFAULT_SEWAGE_TEMP_C - 5));
  });

  it("reports missing waste-heat temperature, short series and length mismatches as issues", () => {
    const a = heatPumpSourceTemperature({ source: "wasteHeat", airTempC: new Float64Array(3) });
    expect(!a.ok && a.issues.map((i) => i.code)).toEqual(["missing-waste-heat-temperature"]);
    const b = heatPumpSourceTemperature({ source: "ground", airTempC: new Float64Array(48) });
    expect(!b.ok && b.issues.map((i) => i.code)).toEqual(["series-too-short"]);
    const c = heatPumpSourceTemperature({
      source: "sewage",
      airTempC: new Float64Array(3),
      sewageTempC: new Float64Array(2),
    });
    expect(!c.ok && c.issues[0]?.path).toBe("sewageTempC");
  });

  it("accepts a given harmonic for short ground series", () => {
    const r = heatPumpSourceTemperature({
      source: "ground",
      airTempC: new Float64Array(48),
      ground: { airHarmonic: { meanC: 6, amplitudeK: 12, peakHour: 4900 }, depthM: 50 },
    });
    expect(r.ok && r.value[0]).toBeCloseTo(6 + DEFAULT_GROUND_OFFSET_K - SOURCE_HEAT_EXCHANGER_DELTA_K, 6);
  });
});
