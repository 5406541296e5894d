import { afterAll, describe, expect, it } from "vitest";
import { aggregateTypicalDays, optimize, optimizePathway } from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import {
  battery,
  extendable,
  grid,
  load,
  network,
  pv,
} from "../../packages/engine/src/test-support/networks.js";

const solver = createHighsSolver();
afterAll(async () => {
  await solver.dispose?.();
});

const days = 7;
const hours = days * 24;
const profile = (f: (d: number, h: number) => number): number[] =>
  Array.from({ length: hours }, (_, t) => f(Math.floor(t / 24), t % 24));

function weekNetwork() {
  const sun = profile((d, h) =>
    h >= 6 && h <= 18 ? Math.sin(((h - 6) / 12) * Math.PI) * (d % 3 === 0 ? 0.2 : 1) : 0,
  );
  const price = profile((d, h) => 0.05 + 0.1 * (h >= 17 && h <= 20 ? 1 : 0) + 0.01 * d);
  const g = grid("grid", "electricity", hours, { exportPrice: 0.02 });
  return network(hours, {
    loads: [
      load(
        "el",
        "electricity",
        profile((d, h) => 5 + (h >= 17 && h <= 21 ? 4 : 0) + d * 0.1),
      ),
    ],
    sources: [
      pv(
        "pv",
        sun.map((v) => 10 * v),
        {
          availabilityPerUnit: Float64Array.from(sun),
          extendable: extendable(100, { investEurPerUnit: 20, fixedEurPerUnitYear: 0.5, lifetimeYears: 25 }),
        },
      ),
    ],
    storages: [
      battery("bat", {
        capacityKwh: 20,
        maxChargeKw: 5,
        maxDischargeKw: 5,
        efficiencyCharge: 0.95,
        efficiencyDischarge: 0.95,
        initialSoc: 0.5,
      }),
    ],
    grids: [{ ...g, tariff: { ...g.tariff, importEnergyEurPerKwh: Float64Array.from(price) } }],
  });
}

describe("typical-day aggregation", () => {
  it("with one typical day per day it reproduces the full model exactly (storage linked across days)", async () => {
    const net = weekNetwork();
    const agg = aggregateTypicalDays(net, days);
    expect(agg.featureRmse).toBe(0);
    expect(Array.from(agg.hourWeights).every((w) => w === 1)).toBe(true);
    const full = await optimize(net, solver, { mode: "plan" });
    const linked = await optimize(agg.network, solver, {
      mode: "plan",
      hourWeights: agg.hourWeights,
      dayMapping: agg.dayMapping,
      hourMonths: agg.hourMonths,
    });
    expect(full.status).toBe("optimal");
    expect(linked.status).toBe("optimal");
    expect(Math.abs((linked.objectiveEur as number) - (full.objectiveEur as number))).toBeLessThan(
      1e-6 * Math.abs(full.objectiveEur as number),
    );
  });

  it("weights add up to the year, every day maps to a typical day, and the error is reported", () => {
    const net = weekNetwork();
    const agg = aggregateTypicalDays(net, 3);
    expect(agg.medoidDays).toHaveLength(3);
    expect(agg.hourWeights.reduce((s, w) => s + w, 0)).toBe(hours);
    expect(agg.dayMapping).toHaveLength(days);
    expect(Array.from(agg.dayMapping).every((k) => k >= 0 && k < 3)).toBe(true);
    expect(agg.featureRmse).toBeGreaterThan(0);
    expect(agg.network.timeline.hours).toBe(72);
  });
});

describe("pathway", () => {
  function period(loadKw: number) {
    return network(2, {
      loads: [load("el", "electricity", [loadKw, loadKw])],
      sources: [
        pv("pv", [0, 0], {
          availabilityPerUnit: Float64Array.from([0.5, 0.5]),
          extendable: extendable(1000, { investEurPerUnit: 10 }),
        }),
      ],
      grids: [grid("grid", "electricity", 2, { importPrice: 0.2, exportPrice: 0 })],
      discountRate: 0,
      targets: { energyPositivityRatioMin: 1 },
    });
  }

  it("builds what each period needs and carries capacity forward (hand-computed optimum)", async () => {
    // r = 0, lifetime 10: annuity 1 EUR/kWp per active year. Period 2030 needs 20 kWp (active in both
    // periods: 2 EUR/kWp), 2031 needs 40 kWp: 20 more built in 2031 (1 EUR/kWp). 40 + 20 = 60 EUR.
    const r = await optimizePathway(
      [
        { year: 2030, years: 1, network: period(10) },
        { year: 2031, years: 1, network: period(20) },
      ],
      solver,
    );
    expect(r.status).toBe("optimal");
    expect(r.objectiveEur).toBeCloseTo(60, 6);
    expect(r.periods[0]?.builds.pv).toBeCloseTo(20, 6);
    expect(r.periods[1]?.builds.pv).toBeCloseTo(20, 6);
    expect(r.periods[1]?.capacities.pv?.value).toBeCloseTo(40, 6);
  });

  it("discounts later periods", async () => {
    const net = { ...period(10), discountRate: 0.05 };
    const r = await optimizePathway([{ year: 2030, years: 2, network: net }], solver);
    expect(r.periods[0]?.discountedYears).toBeCloseTo(1 + 1 / 1.05, 12);
  });

  it("rejects an empty list of periods with a coded engine error", async () => {
    await expect(optimizePathway([], solver)).rejects.toMatchObject({
      name: "EngineError",
      code: "no-periods",
    });
  });
});
