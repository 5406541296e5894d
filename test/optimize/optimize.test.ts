import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeKpis, optimize, simulate, type Network } from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import {
  battery,
  constant,
  extendable,
  grid,
  heatPump,
  load,
  network,
  pv,
} from "../../packages/engine/src/test-support/networks.js";

const solver = createHighsSolver();
afterAll(async () => {
  await solver.dispose?.();
});

const relClose = (actual: number | undefined, expected: number, rel = 1e-6): void => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
};

function withPrices(g: ReturnType<typeof grid>, buy: number[], sell: number[]): ReturnType<typeof grid> {
  return {
    ...g,
    tariff: {
      ...g.tariff,
      importEnergyEurPerKwh: Float64Array.from(buy),
      exportEurPerKwh: Float64Array.from(sell),
    },
  };
}

describe("optimize: micro-models with hand-computed optima", () => {
  it("battery arbitrage over a day with buy and sell prices and losses", async () => {
    // Charge 10/0.9 kWh at 0.10 EUR, store 10 kWh, sell 9 kWh at 0.40 EUR: -3.6 + 1.1111... EUR.
    const net = network(4, {
      grids: [withPrices(grid("grid", "electricity", 4), [0.1, 0.1, 0.5, 0.5], [0.05, 0.05, 0.4, 0.4])],
      storages: [
        battery("bat", {
          capacityKwh: 10,
          maxChargeKw: 10,
          maxDischargeKw: 10,
          efficiencyCharge: 0.9,
          efficiencyDischarge: 0.9,
        }),
      ],
    });
    const r = await optimize(net, solver, { mode: "operate" });
    expect(r.status).toBe("optimal");
    relClose(r.objectiveEur, -3.6 + (10 / 0.9) * 0.1);
  });

  it("a battery that does not exist yet (0 kWh, extendable) is sized, its power scaling with the capacity", async () => {
    // Free capacity up to 10 kWh at 0.5 kW per kWh: 5 kW. Charge 2 h x 5 kW at 0.10 EUR (9 kWh stored at 0.9),
    // discharge the 9 kWh over 2 h (8.1 kWh delivered at 0.9) at 0.40 EUR: -1.0 + 3.24 = 2.24 EUR gained.
    const net = network(4, {
      grids: [withPrices(grid("grid", "electricity", 4), [0.1, 0.1, 0.5, 0.5], [0.05, 0.05, 0.4, 0.4])],
      storages: [
        battery("bat", {
          capacityKwh: 0,
          maxChargeKw: 0,
          maxDischargeKw: 0,
          powerPerKwh: 0.5,
          efficiencyCharge: 0.9,
          efficiencyDischarge: 0.9,
          extendable: extendable(10),
        }),
      ],
    });
    const r = await optimize(net, solver, { mode: "plan" });
    expect(r.status).toBe("optimal");
    relClose(r.capacities?.bat?.value, 10);
    relClose(r.objectiveEur, -(0.4 * 8.1 - 0.1 * 10));
    // The plan's network carries the sized battery with its power (10 kWh x 0.5 kW/kWh).
    const sized = r.network?.storages.find((x) => x.id === "bat");
    expect([sized?.capacityKwh, sized?.maxChargeKw, sized?.maxDischargeKw]).toEqual([10, 5, 5]);
  });

  it("heat pump plus thermal storage makes heat when the COP is high", async () => {
    // 20 kWh of heat needed in hours 2-3; made in hours 0-1 at COP 4: 5 kWh x 0.2 EUR = 1.0 EUR.
    const net = network(4, {
      loads: [load("heat", "heat", [0, 0, 10, 10])],
      converters: [heatPump("hp", [4, 4, 2, 2], { capacityKw: 10 })],
      storages: [
        battery("tes", {
          kind: "thermalStorage",
          carrier: "heat",
          capacityKwh: 20,
          maxChargeKw: 20,
          maxDischargeKw: 20,
        }),
      ],
      grids: [grid("grid", "electricity", 4, { importPrice: 0.2, exportMaxKw: 0 })],
    });
    const r = await optimize(net, solver, { mode: "operate" });
    expect(r.status).toBe("optimal");
    relClose(r.objectiveEur, 1.0);
    expect(Array.from(r.result?.series["hp:flowOut"] ?? [])).toEqual([10, 10, 0, 0]);
  });

  it("district heating import with a peak charge is flattened by storage", async () => {
    // 60 kWh at 0.05 EUR + peak 20 kW x 10 EUR/kW = 203 EUR (without storage: 3 + 300).
    const dh = grid("dh", "heat", 3, { importPrice: 0.05 });
    const net = network(3, {
      loads: [load("heat", "heat", [10, 30, 20])],
      storages: [
        battery("tes", {
          kind: "thermalStorage",
          carrier: "heat",
          capacityKwh: 30,
          maxChargeKw: 30,
          maxDischargeKw: 30,
        }),
      ],
      grids: [{ ...dh, tariff: { ...dh.tariff, peakEurPerKwMonth: 10 } }],
    });
    const r = await optimize(net, solver, { mode: "operate" });
    expect(r.status).toBe("optimal");
    relClose(r.objectiveEur, 203);
    const noStorage = await optimize({ ...net, storages: [] }, solver, { mode: "operate" });
    relClose(noStorage.objectiveEur, 303);
  });

  it("a CO2 cap shifts heat from district heating to the heat pump", async () => {
    // DH 0.05 EUR, 0.2 kg/kWh; HP at COP 2 on 0.2 EUR, 0.1 kg/kWh electricity: 0.1 EUR and 0.05 kg per kWh heat.
    // Cap 2.5 kg: 4 - 0.15 x >= ... -> x = 10 kWh from the heat pump, cost 1 + 0.05 x 10 = 1.5 EUR.
    const hours = 2;
    const base = network(hours, {
      loads: [load("heat", "heat", [10, 10])],
      converters: [heatPump("hp", [2, 2], { capacityKw: 100 })],
      grids: [
        grid("grid", "electricity", hours, { importPrice: 0.2, exportMaxKw: 0 }),
        grid("dh", "heat", hours, { importPrice: 0.05 }),
      ],
      factors: {
        primaryEnergy: { electricity: 1.2, heat: 0.5, cooling: 0.28 },
        co2KgPerKwh: {
          electricity: constant(hours, 0.1),
          heat: constant(hours, 0.2),
          cooling: constant(hours, 0),
        },
      },
    });
    const free = await optimize(base, solver, { mode: "plan" });
    relClose(free.objectiveEur, 1.0);
    const capped = await optimize({ ...base, targets: { co2MaxKgPerYear: 2.5 } }, solver, { mode: "plan" });
    expect(capped.status).toBe("optimal");
    relClose(capped.objectiveEur, 1.5);
  });

  it("sizes PV to reach an energy-positivity target at least cost", async () => {
    // Load 10 kWh/h for 2 h; PV yields 0.5 kWh/kWp in each hour; exports earn nothing.
    // Ratio >= 1 needs 20 kWh of PV: 20 kWp at 1 EUR/(kWp a) (r = 0, lifetime 1): 20 EUR + imports.
    // Imports: PV covers all 20 kWh, so none; objective = 20 EUR.
    const hours = 2;
    const net = network(hours, {
      loads: [load("el", "electricity", [10, 10])],
      sources: [
        pv("pv", [0, 0], {
          availabilityPerUnit: Float64Array.from([0.5, 0.5]),
          extendable: extendable(1000, { investEurPerUnit: 1, lifetimeYears: 1 }),
        }),
      ],
      grids: [grid("grid", "electricity", hours, { importPrice: 0.2, exportPrice: 0 })],
      discountRate: 0,
      targets: { energyPositivityRatioMin: 1 },
    });
    const r = await optimize(net, solver, { mode: "plan" });
    expect(r.status).toBe("optimal");
    relClose(r.capacities.pv?.value, 20);
    relClose(r.objectiveEur, 20);
    // Replaying the optimal capacities in the simulator reproduces the indicators.
    const replay = computeKpis(r.network as Network, simulate(r.network as Network), { reference: false });
    const opt = computeKpis(r.network as Network, r.result as ReturnType<typeof simulate>, {
      reference: false,
    });
    relClose(replay.energyPositivity.ratio ?? 0, 1);
    relClose(opt.energyPositivity.ratio ?? 0, 1);
    relClose(opt.costs.totalEur, r.objectiveEur as number);
  });

  it("explains an unreachable target by naming it and its shortfall", async () => {
    const hours = 2;
    const net = network(hours, {
      loads: [load("el", "electricity", [10, 10])],
      sources: [
        pv("pv", [0, 0], {
          availabilityPerUnit: Float64Array.from([0.5, 0.5]),
          extendable: extendable(10, { investEurPerUnit: 1, lifetimeYears: 1 }),
        }),
      ],
      grids: [grid("grid", "electricity", hours, { importPrice: 0.2, exportPrice: 0 })],
      targets: { energyPositivityRatioMin: 1 },
    });
    // At most 10 kWp -> 10 kWh produced vs 20 consumed: 10 kWh short.
    const r = await optimize(net, solver, { mode: "plan" });
    expect(r.status).toBe("infeasible");
    expect(r.explanation[0]?.target).toBe("energyPositivity");
    relClose(r.explanation[0]?.shortfall, 10);
    expect(r.message).toMatch(/energy positivity ratio >= 1/);
  });
});

describe("optimize versus simulate", () => {
  const arb = fc.integer({ min: 2, max: 24 }).chain((hours) =>
    fc
      .record({
        el: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: hours, maxLength: hours }),
        heat: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: hours, maxLength: hours }),
        sun: fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: hours, maxLength: hours }),
        price: fc.array(fc.double({ min: 0.01, max: 0.5, noNaN: true }), {
          minLength: hours,
          maxLength: hours,
        }),
        cap: fc.double({ min: 0, max: 40, noNaN: true }),
      })
      .map((p) =>
        network(hours, {
          loads: [load("el", "electricity", p.el), load("heat", "heat", p.heat)],
          sources: [pv("pv", p.sun)],
          converters: [
            heatPump(
              "hp",
              p.el.map(() => 3),
              { capacityKw: 15 },
            ),
          ],
          storages: [
            battery("bat", {
              capacityKwh: p.cap,
              maxChargeKw: p.cap / 2,
              maxDischargeKw: p.cap / 2,
              efficiencyCharge: 0.95,
              efficiencyDischarge: 0.95,
            }),
          ],
          grids: [
            withPrices(
              grid("grid", "electricity", hours),
              p.price,
              p.price.map((x) => x / 2),
            ),
            grid("dh", "heat", hours, { importPrice: 0.08 }),
          ],
        }),
      ),
  );

  it("the optimised dispatch is never worse than the rule-based one", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (net) => {
        const sim = computeKpis(net, simulate(net), { reference: false }).costs.totalEur;
        const opt = await optimize(net, solver, { mode: "operate" });
        expect(opt.status).toBe("optimal");
        expect(opt.objectiveEur as number).toBeLessThanOrEqual(sim + 1e-6 * Math.max(1, Math.abs(sim)));
        // The optimiser's own result satisfies every bus balance.
        const residual = ["electricity", "heat", "cooling"].flatMap((c) =>
          Array.from(opt.result?.series[`bus:${c}:residual`] ?? []),
        );
        expect(Math.max(0, ...residual.map(Math.abs))).toBeLessThan(1e-6);
        // And its cost, recomputed by the indicators, is the objective.
        const k = computeKpis(net, opt.result as ReturnType<typeof simulate>, { reference: false });
        expect(Math.abs(k.costs.totalEur - (opt.objectiveEur as number))).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(k.costs.totalEur)),
        );
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});

describe("plan targets agree with the indicators", () => {
  const arbPlan = fc
    .record({
      hours: fc.integer({ min: 2, max: 12 }),
      boundary: fc.constantFrom("onSite" as const, "functional" as const, "virtual" as const),
      weighting: fc.constantFrom("delivered" as const, "primaryEnergy" as const, "co2" as const),
      target: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
      seed: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ hours, boundary, weighting, target, seed }) => {
      const rnd = (k: number): number => (Math.sin(seed * 97 + k * 13) + 1) / 2;
      const arr = (scale: number, k: number): number[] =>
        Array.from({ length: hours }, (_, t) => scale * rnd(k * 100 + t));
      const ext = (max: number) =>
        extendable(max, { investEurPerUnit: 50, fixedEurPerUnitYear: 1, lifetimeYears: 20 });
      return network(hours, {
        loads: [load("el", "electricity", arr(20, 1)), load("heat", "heat", arr(30, 2))],
        sources: [
          pv("pv-roof", arr(1, 3), {
            availabilityPerUnit: Float64Array.from(arr(0.8, 3)),
            extendable: ext(500),
          }),
          pv("pv-depot", arr(1, 4), {
            location: "functional",
            availabilityPerUnit: Float64Array.from(arr(0.8, 4)),
            extendable: ext(500),
          }),
        ],
        wasteHeat: [
          {
            id: "wh",
            owner: "owner:a",
            location: "functional",
            availableKwh: Float64Array.from(arr(15, 5)),
            temperatureC: constant(hours, 25),
            costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0.01, lifetimeYears: 1 },
          },
        ],
        converters: [
          heatPump(
            "hp",
            arr(2, 6).map((v) => 2 + v),
            { sourceId: "wh", capacityKw: 20, priority: 0 },
          ),
        ],
        offsite: [
          {
            id: "wind",
            owner: "owner:a",
            carrier: "electricity",
            contractedKwh: new Float64Array(hours),
            availabilityPerUnit: Float64Array.from(arr(0.6, 7)),
            capacityKw: 0,
            priceEurPerKwh: 0.05,
            costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
            extendable: extendable(1000),
          },
        ],
        grids: [
          grid("grid", "electricity", hours, { importPrice: 0.2, exportPrice: 0.02 }),
          grid("dh", "heat", hours, { importPrice: 0.07 }),
        ],
        ped: { boundary, weighting },
        targets: { energyPositivityRatioMin: target },
      });
    });

  it("an optimal plan reaches its energy-positivity target by the indicators' own definition", async () => {
    await fc.assert(
      fc.asyncProperty(arbPlan, async (net) => {
        const r = await optimize(net, solver, { mode: "plan" });
        if (r.status !== "optimal") {
          expect(r.status).toBe("infeasible");
          expect(r.explanation.length).toBeGreaterThan(0);
          return;
        }
        const k = computeKpis(r.network as Network, r.result as ReturnType<typeof simulate>, {
          reference: false,
        });
        const x = net.targets.energyPositivityRatioMin as number;
        expect(k.energyPositivity.producedKWh - x * k.energyPositivity.consumedKWh).toBeGreaterThanOrEqual(
          -1e-6 * Math.max(1, k.energyPositivity.consumedKWh),
        );
        expect(Math.abs(k.costs.totalEur - (r.objectiveEur as number))).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(k.costs.totalEur)),
        );
      }),
      { seed: 99, numRuns: 30 },
    );
  });
});
