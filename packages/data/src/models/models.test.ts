import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Timeline } from "@kera/engine";
import { parseElectricityMapsCsv } from "../importers/electricitymaps-csv.js";
import { parseSpotPriceCsv } from "../importers/spot-price-csv.js";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import { FI_GRID_CO2_MODEL } from "./fi-grid-co2-model-params.js";
import { FI_SPOT_PRICE_MODEL } from "./fi-spot-price-model-params.js";
import { fitGridCo2Model, generateGridCo2Series } from "./grid-co2-model.js";
import { normalCdf, normalQuantile } from "./normal-distribution.js";
import { mulberry32, normalGenerator } from "./prng.js";
import { fitSpotPriceModel, generateSpotPriceSeries } from "./spot-price-model.js";

const year = (y: number, timeZone = "Europe/Helsinki"): Timeline => ({
  startUtcMs: Date.UTC(y, 0, 1) - 2 * 3_600_000,
  hours: y % 4 === 0 ? 8784 : 8760,
  timeZone,
});
const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / a.length;

describe("seeded PRNG", () => {
  it("is deterministic per seed and uniform/normal in distribution", () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    const xs = Array.from({ length: 20_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, v) => s + v, 0) / xs.length).toBeCloseTo(0.5, 2);
    const n = normalGenerator(mulberry32(9));
    const zs = Array.from({ length: 20_000 }, () => n());
    const m = zs.reduce((s, v) => s + v, 0) / zs.length;
    const v = zs.reduce((s, z) => s + (z - m) ** 2, 0) / zs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(v).toBeCloseTo(1, 1);
  });
});

describe("spot price model", () => {
  const m = FI_SPOT_PRICE_MODEL;

  it("has 12 x 2 x 24 cells of plausible EUR/MWh values", () => {
    expect(m.mean).toHaveLength(12);
    expect(m.mean.every((d) => d.length === 2 && d.every((h) => h.length === 24))).toBe(true);
    expect(m.std.flat(2).every((s) => s >= 0)).toBe(true);
    expect(m.lag1Autocorrelation).toBeGreaterThan(0.5);
    expect(m.lag1Autocorrelation).toBeLessThan(1);
  });

  it("mean mode: evening peak above night valley on winter workdays; EUR/kWh output", () => {
    const s = generateSpotPriceSeries(m, year(2025));
    expect(s).toHaveLength(8760);
    // 2025-01-08 (Wednesday) local 08:00 vs 03:00 -> indices from local midnight 2025-01-08 = UTC 2025-01-07 22:00.
    const i0 = (Date.UTC(2025, 0, 7, 22) - year(2025).startUtcMs) / 3_600_000;
    expect(s[i0 + 8]).toBeGreaterThan(s[i0 + 3] ?? Infinity);
    expect(s[i0 + 8]).toBeCloseTo((m.mean[0]?.[0]?.[8] ?? 0) / 1000, 9);
  });

  it("levelEurPerKwh rescales the mean level", () => {
    const s = generateSpotPriceSeries(m, year(2025), { levelEurPerKwh: 0.155 });
    const base = generateSpotPriceSeries(m, year(2025));
    expect(mean(s) / mean(base)).toBeCloseTo(0.155 / (m.overallMean / 1000), 9);
  });

  it("stochastic mode is deterministic per seed, keeps the mean level and the fitted autocorrelation", () => {
    const tl = year(2026);
    const a = generateSpotPriceSeries(m, tl, { mode: "stochastic", seed: 42 });
    const b = generateSpotPriceSeries(m, tl, { mode: "stochastic", seed: 42 });
    const c = generateSpotPriceSeries(m, tl, { mode: "stochastic", seed: 43 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const base = generateSpotPriceSeries(m, tl);
    const r = a.map((v, i) => v - (base[i] ?? 0));
    let sxy = 0;
    let sxx = 0;
    for (let i = 1; i < r.length; i++) sxy += (r[i] ?? 0) * (r[i - 1] ?? 0);
    for (const v of r) sxx += v * v;
    // The copula's normal scores follow AR(1) with the fitted phi; deviations from the mean keep most of it.
    expect(sxy / sxx).toBeGreaterThan(m.lag1Autocorrelation - 0.1);
    expect(sxy / sxx).toBeLessThan(1);
    // Averaging over 50 seeds: the mean price equals the mean-mode price within sampling noise.
    let sum = 0;
    for (let seed = 1; seed <= 50; seed++)
      sum += mean(generateSpotPriceSeries(m, tl, { mode: "stochastic", seed }));
    expect(Math.abs(sum / 50 - mean(base)) / mean(base)).toBeLessThan(0.05);
  });

  it("fit then generate on the same timeline reproduces the data's mean (any data, fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 2, noNaN: true }), { minLength: 48, maxLength: 400 }),
        (p) => {
          const tl: Timeline = {
            startUtcMs: Date.UTC(2025, 5, 1),
            hours: p.length,
            timeZone: "Europe/Helsinki",
          };
          const values = Float64Array.from(p);
          const fitted = fitSpotPriceModel(tl, values, { id: "t", source: "t" });
          const g = generateSpotPriceSeries(fitted, tl);
          // Cell means are rounded to 0.01 EUR/MWh = 1e-5 EUR/kWh.
          expect(Math.abs(mean(g) - mean(values))).toBeLessThan(1e-5 + 1e-9);
        },
      ),
      { seed: 17, numRuns: 40 },
    );
  });
});

describe("grid CO2 model", () => {
  const m = FI_GRID_CO2_MODEL;
  it("is a 12 x 24 profile, winter above summer, direct below LCA", () => {
    const avg = (row: readonly number[] | undefined) => (row ?? []).reduce((s, v) => s + v, 0) / 24;
    expect(m.direct).toHaveLength(12);
    expect(avg(m.direct[0])).toBeGreaterThan(avg(m.direct[6]));
    expect(m.direct.flat().every((v, i) => v <= (m.lca.flat()[i] ?? 0))).toBe(true);
  });

  it("reproduces its annual mean on the fitted year and rescales to a cited annual factor", () => {
    const s = generateGridCo2Series(m, { startUtcMs: Date.UTC(2022, 0, 1), hours: 8760, timeZone: "UTC" });
    expect(mean(s) * 1000).toBeCloseTo(m.overallMean.direct, 0);
    const scaled = generateGridCo2Series(m, year(2030), { annualMeanKgPerKwh: 0.03 });
    expect(mean(scaled)).toBeCloseTo(0.03, 3);
    const lca = generateGridCo2Series(m, year(2030), { basis: "lca" });
    expect(mean(lca) * 1000).toBeCloseTo(m.overallMean.lca, -1);
  });
});

describe(`committed model parameters equal a refit from the development data${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)("spot price model (scripts/fit-price-model.mjs)", () => {
    const r = parseSpotPriceCsv(
      readShared("fi_spot_price_2023/fi_dayahead_price_2023-01_2024-02_eur_mwh.csv"),
    );
    if (!r.ok || !r.value.timeline) throw new Error("unreadable");
    const refit = fitSpotPriceModel(r.value.timeline, r.value.columns[0]?.values ?? new Float64Array(), {
      id: FI_SPOT_PRICE_MODEL.id,
      source: FI_SPOT_PRICE_MODEL.source,
    });
    expect(refit).toEqual(FI_SPOT_PRICE_MODEL);
    expect(refit.fittedOn.hours).toBe(10_176);
  });

  it.skipIf(!HAS_SHARED_DATA)(
    "grid CO2 model (scripts/fit-co2-model.mjs): SOURCE.md means 103.2 / 138.7 g/kWh",
    () => {
      const r = parseElectricityMapsCsv(
        readShared("fi_co2_intensity_2022_electricitymaps/FI_2022_hourly.csv"),
      );
      if (!r.ok || !r.value.timeline) throw new Error("unreadable");
      const [d, l] = r.value.columns;
      const refit = fitGridCo2Model(
        r.value.timeline,
        d?.values ?? new Float64Array(),
        l?.values ?? new Float64Array(),
        {
          id: FI_GRID_CO2_MODEL.id,
          source: FI_GRID_CO2_MODEL.source,
        },
      );
      expect(refit).toEqual(FI_GRID_CO2_MODEL);
      expect(refit.overallMean).toEqual({ direct: 103.2, lca: 138.7 });
    },
  );
});

describe("normal distribution helpers", () => {
  // Reference values: Abramowitz & Stegun (1964) Table 26.1 / standard normal tables.
  it("match tabulated values and invert each other", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
      }),
      { seed: 5 },
    );
  });
});
