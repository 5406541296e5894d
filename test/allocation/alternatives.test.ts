import { afterAll, describe, expect, it } from "vitest";
import { alternatives, optimize } from "@kera/engine";
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

// Four hours, sun in the first two: PV (sized, 30 EUR/kWp a) and a battery (sized) can replace imports at
// 0.30 EUR/kWh; exports earn 0.02 EUR/kWh. Several plans cost about the same.
const hours = 4;
const net = network(hours, {
  loads: [load("el", "electricity", [2, 2, 2, 2])],
  sources: [
    pv("pv", [1, 1, 0, 0], {
      capacityKw: 0,
      availableKwh: new Float64Array(4),
      extendable: extendable(20, { investEurPerUnit: 0.3, lifetimeYears: 1 }),
    }),
  ],
  storages: [
    battery("bat", {
      capacityKwh: 0,
      maxChargeKw: 0.5,
      maxDischargeKw: 0.5,
      extendable: extendable(40, { investEurPerUnit: 0.1, lifetimeYears: 1 }),
    }),
  ],
  grids: [grid("grid", "electricity", hours, { importPrice: 0.3, exportPrice: 0.02 })],
  discountRate: 0,
});

describe("modelling to generate alternatives", () => {
  it("finds clearly different plans whose cost stays within the slack", async () => {
    const r = await alternatives(net, solver, { slack: 0.1, count: 4, kpis: false });
    expect(r.status).toBe("optimal");
    const direct = await optimize(net, solver, { mode: "plan" });
    expect(r.optimumEur).toBeCloseTo(direct.objectiveEur ?? NaN, 6);
    const byName = Object.fromEntries(r.plans.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(["optimum", "min pv", "max pv", "max storage", "min storage"]);
    const opt = r.optimumEur as number;
    for (const p of r.plans) {
      expect(p.status).toBe("optimal");
      expect(p.costEur ?? NaN).toBeLessThanOrEqual(opt + 0.1 * Math.abs(opt) + 1e-6);
      expect(p.costEur ?? NaN).toBeGreaterThanOrEqual(opt - 1e-6);
    }
    const pvOf = (name: string): number => byName[name]?.totals.pv ?? NaN;
    expect(pvOf("min pv")).toBeLessThan(pvOf("optimum") - 1e-3);
    expect(pvOf("max pv")).toBeGreaterThan(pvOf("optimum") + 1e-3);
    expect(byName["max storage"]?.totals.storage ?? NaN).toBeGreaterThanOrEqual(
      byName.optimum?.totals.storage ?? NaN,
    );
    // With a zero slack every alternative keeps the optimal cost.
    const tight = await alternatives(net, solver, { slack: 0, count: 2, kpis: false });
    for (const p of tight.plans) expect(p.costEur ?? NaN).toBeCloseTo(tight.optimumEur ?? NaN, 6);
  });

  it("reports full-year indicators of each plan", async () => {
    const r = await alternatives(net, solver, { slack: 0.1, count: 1 });
    for (const p of r.plans) expect(p.kpis?.energy.demandKWh.electricity).toBeCloseTo(8, 9);
  });
});
