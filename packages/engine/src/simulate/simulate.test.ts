import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simulate } from "./simulate.js";
import { computeKpis, maxBalanceResidual } from "../kpi/compute-kpis.js";
import type { Network } from "../network/network.js";
import { battery, constant, grid, heatPump, load, network, pv } from "../test-support/networks.js";

const close = (a: ArrayLike<number> | undefined, b: readonly number[]): void => {
  expect(a).toBeDefined();
  expect(Array.from(a as ArrayLike<number>).map((v) => Number(v.toFixed(9)))).toEqual(b);
};

describe("simulate: hand-computed micro-districts", () => {
  it("PV meets the load first, imports the deficit and exports the surplus", () => {
    const net = network(3, {
      loads: [load("bg:home:el", "electricity", [4, 4, 4])],
      sources: [pv("asset:pv", [0, 10, 5])],
      grids: [grid("asset:grid", "electricity", 3)],
    });
    const r = simulate(net);
    close(r.series["asset:grid:import"], [4, 0, 0]);
    close(r.series["asset:grid:export"], [0, 6, 1]);
    close(r.series["asset:pv:flowOut"], [0, 10, 5]);
    const k = computeKpis(net, r, { reference: false });
    // self-used = 15 - 7 = 8; SCR = 8/15; SSR = 8 / (8 + 4).
    expect(k.selfConsumption).toBeCloseTo(8 / 15, 12);
    expect(k.selfSufficiency).toBeCloseTo(2 / 3, 12);
    expect(k.hoursOfNetExport).toBe(2);
    expect(k.peaks.importKw.electricity).toBe(4);
    expect(k.peaks.exportKw).toBe(6);
    // Delivered: produced 15, consumed 4 + 8 = 12.
    expect(k.energyPositivity.producedKWh).toBeCloseTo(15, 12);
    expect(k.energyPositivity.consumedKWh).toBeCloseTo(12, 12);
    expect(k.energyPositivity.ratio).toBeCloseTo(1.25, 12);
  });

  it("battery charges from surplus and discharges with losses and standing loss (recursion)", () => {
    const net = network(3, {
      loads: [load("bg:home:el", "electricity", [2, 4, 4])],
      sources: [pv("asset:pv", [10, 0, 0])],
      grids: [grid("asset:grid", "electricity", 3)],
      storages: [
        battery("asset:bat", { efficiencyCharge: 0.9, efficiencyDischarge: 0.9, standingLossPerHour: 0.1 }),
      ],
    });
    const r = simulate(net);
    // h0: surplus 8 -> charge 8 (room 10/0.9), soc 7.2. h1: soc 6.48 after loss, can give 5.832 -> 4,
    // soc 6.48 - 4/0.9 = 2.035555... h2: soc 1.832, can give 1.6488 -> import 2.3512, soc 0.
    close(r.series["asset:bat:flowIn"], [8, 0, 0]);
    close(r.series["asset:bat:flowOut"], [0, 4, 1.6488]);
    close(
      r.series["asset:bat:stateOfCharge"],
      [7.2, 6.48 - 4 / 0.9, 0].map((v) => Number(v.toFixed(9))),
    );
    close(r.series["asset:grid:import"], [0, 0, 2.3512]);
    close(r.series["asset:grid:export"], [0, 0, 0]);
    expect(maxBalanceResidual(r)).toBeLessThan(1e-9);
  });

  it("heat pump on waste heat is limited by the source; district heating covers the rest", () => {
    const net = network(2, {
      loads: [load("bg:office:heat", "heat", [100, 100])],
      wasteHeat: [
        {
          id: "asset:market-heat",
          owner: "owner:a",
          location: "onSite",
          availableKwh: Float64Array.from([30, 90]),
          temperatureC: constant(2, 30),
          costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
        },
      ],
      converters: [
        heatPump("asset:hp", [4, 4], { sourceId: "asset:market-heat", capacityKw: 80, priority: 0 }),
      ],
      grids: [grid("asset:dh", "heat", 2), grid("asset:grid", "electricity", 2)],
    });
    const r = simulate(net);
    // h0: source 30 at COP 4 -> heat 40, electricity 10, source 30. h1: capacity 80 -> source 60.
    close(r.series["asset:hp:flowOut"], [40, 80]);
    close(r.series["asset:hp:flowIn"], [10, 20]);
    close(r.series["asset:hp:sourceHeat"], [30, 60]);
    close(r.series["asset:dh:import"], [60, 20]);
    close(r.series["asset:grid:import"], [10, 20]);
    close(r.series["asset:market-heat:flowOut"], [30, 60]);
    const k = computeKpis(net, r, { reference: false });
    expect(k.energy.wasteHeatRecoveredKWh).toBeCloseTo(90, 12);
    expect(k.energy.heatPumpHeatKWh).toBeCloseTo(120, 12);
  });

  it("a weighted balance is positive while the plain kWh balance is not", () => {
    // 100 kWh PV exported, 150 kWh heat imported. Delivered: 100 / 150. Primary energy (788/2017):
    // 1.2 x 100 = 120 produced vs 0.5 x 150 = 75 consumed.
    const net = network(1, {
      loads: [load("bg:home:heat", "heat", [150])],
      sources: [pv("asset:pv", [100])],
      grids: [grid("asset:grid", "electricity", 1), grid("asset:dh", "heat", 1)],
    });
    const r = simulate(net);
    const delivered = computeKpis(net, r, { weighting: "delivered", reference: false }).energyPositivity;
    const pe = computeKpis(net, r, { weighting: "primaryEnergy", reference: false }).energyPositivity;
    expect(delivered.ratio).toBeCloseTo(100 / 150, 12);
    expect(delivered.balanceKWh).toBeCloseTo(-50, 12);
    expect(pe.producedKWh).toBeCloseTo(120, 12);
    expect(pe.consumedKWh).toBeCloseTo(75, 12);
    expect(pe.ratio).toBeCloseTo(1.6, 12);
    expect(pe.unit).toBe("kWh_PE");
  });

  it("counts functional generation only under the functional and virtual boundaries, contracts only under virtual", () => {
    const net = network(1, {
      loads: [load("bg:home:el", "electricity", [100])],
      sources: [pv("asset:pv-roof", [40]), pv("asset:pv-depot", [30], { location: "functional" })],
      grids: [grid("asset:grid", "electricity", 1)],
      offsite: [
        {
          id: "asset:wind-share",
          owner: "owner:a",
          carrier: "electricity",
          contractedKwh: Float64Array.from([50]),
          availabilityPerUnit: Float64Array.from([0.5]),
          capacityKw: 100,
          priceEurPerKwh: 0.05,
          costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
        },
      ],
    });
    const k = computeKpis(net, simulate(net), { reference: false });
    expect(k.energyPositivityMatrix.onSite.delivered.producedKWh).toBeCloseTo(40, 12);
    expect(k.energyPositivityMatrix.functional.delivered.producedKWh).toBeCloseTo(70, 12);
    expect(k.energyPositivityMatrix.virtual.delivered.producedKWh).toBeCloseTo(120, 12);
    expect(k.energyPositivityMatrix.virtual.delivered.consumedKWh).toBeCloseTo(100, 12);
    expect(k.energyPositivityMatrix.virtual.delivered.ratio).toBeCloseTo(1.2, 12);
    expect(k.costs.offsiteContractsEur).toBeCloseTo(2.5, 12);
  });

  it("price-driven batteries charge in cheap hours and discharge in dear ones", () => {
    const prices = [0.05, 0.05, 0.3, 0.3];
    const g = grid("asset:grid", "electricity", 4);
    const net = network(4, {
      loads: [load("bg:home:el", "electricity", [1, 1, 1, 1])],
      grids: [{ ...g, tariff: { ...g.tariff, importEnergyEurPerKwh: Float64Array.from(prices) } }],
      storages: [battery("asset:bat", { capacityKwh: 4, maxChargeKw: 2, maxDischargeKw: 2 })],
    });
    const self = simulate(net, { policy: "selfConsumption" });
    const price = simulate(net, { policy: "priceDriven", priceQuantile: 0.5 });
    close(self.series["asset:grid:import"], [1, 1, 1, 1]);
    close(price.series["asset:bat:flowIn"], [2, 2, 0, 0]);
    close(price.series["asset:bat:flowOut"], [0, 0, 1, 1]);
    close(price.series["asset:grid:import"], [3, 3, 0, 0]);
    const costSelf = computeKpis(net, self, { reference: false }).costs.energyEur;
    const costPrice = computeKpis(net, price, { reference: false }).costs.energyEur;
    expect(costPrice).toBeLessThan(costSelf);
  });

  it("reports unmet demand as a value and a diagnostic, never silently", () => {
    const net = network(2, {
      loads: [load("bg:home:el", "electricity", [5, 5])],
      grids: [grid("asset:grid", "electricity", 2, { importMaxKw: 3 })],
    });
    const r = simulate(net);
    close(r.series["bus:electricity:unmet"], [2, 2]);
    expect(r.diagnostics.map((d) => d.code)).toContain("unmet-demand");
    expect(maxBalanceResidual(r)).toBeLessThan(1e-9);
  });

  it("compares with the conventional reference district", () => {
    const net = network(2, {
      loads: [load("bg:home:el", "electricity", [10, 10]), load("bg:home:heat", "heat", [20, 20])],
      sources: [pv("asset:pv", [10, 10])],
      grids: [
        grid("asset:grid", "electricity", 2, { importPrice: 0.2 }),
        grid("asset:dh", "heat", 2, { importPrice: 0.1 }),
      ],
    });
    const k = computeKpis(net, simulate(net));
    expect(k.reference).not.toBeNull();
    // Reference: 20 kWh electricity x 0.2 + 40 kWh heat x 0.1 = 8 EUR; ours: 4 EUR of heat only.
    expect(k.reference?.totalCostEur).toBeCloseTo(8, 12);
    expect(k.costs.totalEur).toBeCloseTo(4, 12);
    expect(k.reference?.savingsEur).toBeCloseTo(4, 12);
  });
});

// --- Property tests -------------------------------------------------------------------------------------

const arbHours = fc.integer({ min: 1, max: 30 });
const nonNeg = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

const arbNetwork: fc.Arbitrary<Network> = arbHours.chain((hours) => {
  const s = (max: number) => fc.array(nonNeg(max), { minLength: hours, maxLength: hours });
  const eff = fc.double({ min: 0.5, max: 1, noNaN: true });
  return fc
    .record({
      el: s(50),
      heat: s(80),
      cool: s(20),
      pvA: s(60),
      pvB: s(30),
      cop: fc.array(fc.double({ min: 1.5, max: 6, noNaN: true }), { minLength: hours, maxLength: hours }),
      waste: s(40),
      hpCap: nonNeg(60),
      bat: fc.record({
        cap: nonNeg(100),
        p: nonNeg(40),
        ec: eff,
        ed: eff,
        loss: fc.double({ min: 0, max: 0.05, noNaN: true }),
        soc: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      tes: fc.record({
        cap: nonNeg(200),
        p: nonNeg(60),
        ec: eff,
        ed: eff,
        loss: fc.double({ min: 0, max: 0.05, noNaN: true }),
        soc: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      importMax: nonNeg(200),
      exportMax: nonNeg(200),
      dhMax: nonNeg(200),
    })
    .map((p) =>
      network(hours, {
        loads: [
          load("l:el", "electricity", p.el),
          load("l:heat", "heat", p.heat),
          load("l:cool", "cooling", p.cool),
        ],
        sources: [pv("pv:a", p.pvA), pv("pv:b", p.pvB, { location: "functional" })],
        wasteHeat: [
          {
            id: "wh:market",
            owner: "owner:a",
            location: "functional",
            availableKwh: Float64Array.from(p.waste),
            temperatureC: constant(hours, 25),
            costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
          },
        ],
        converters: [
          heatPump("hp:waste", p.cop, { sourceId: "wh:market", capacityKw: p.hpCap, priority: 0 }),
          heatPump(
            "hp:air",
            p.cop.map((c) => Math.max(1.2, c - 1)),
            { capacityKw: p.hpCap / 2, priority: 4 },
          ),
        ],
        storages: [
          battery("st:bat", {
            capacityKwh: p.bat.cap,
            maxChargeKw: p.bat.p,
            maxDischargeKw: p.bat.p,
            efficiencyCharge: p.bat.ec,
            efficiencyDischarge: p.bat.ed,
            standingLossPerHour: p.bat.loss,
            initialSoc: p.bat.soc,
          }),
          battery("st:tes", {
            kind: "thermalStorage",
            carrier: "heat",
            capacityKwh: p.tes.cap,
            maxChargeKw: p.tes.p,
            maxDischargeKw: p.tes.p,
            efficiencyCharge: p.tes.ec,
            efficiencyDischarge: p.tes.ed,
            standingLossPerHour: p.tes.loss,
            initialSoc: p.tes.soc,
          }),
        ],
        grids: [
          grid("g:el", "electricity", hours, { importMaxKw: p.importMax, exportMaxKw: p.exportMax }),
          grid("g:dh", "heat", hours, { importMaxKw: p.dhMax }),
          grid("g:dc", "cooling", hours, { importMaxKw: 1e6 }),
        ],
      }),
    );
});

describe("simulate: properties", () => {
  const policies = fc.constantFrom("selfConsumption" as const, "priceDriven" as const);

  it("closes the balance of every bus every hour within 1e-6 kWh", () => {
    fc.assert(
      fc.property(arbNetwork, policies, (net, policy) => {
        const r = simulate(net, { policy });
        expect(maxBalanceResidual(r)).toBeLessThan(1e-6);
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it("keeps storage within bounds and following its recursion; flows within capacity x availability", () => {
    fc.assert(
      fc.property(arbNetwork, policies, (net, policy) => {
        const r = simulate(net, { policy });
        const n = net.timeline.hours;
        for (const st of net.storages) {
          let soc = st.capacityKwh * st.initialSoc;
          const cIn = r.series[`${st.id}:flowIn`] as Float64Array;
          const cOut = r.series[`${st.id}:flowOut`] as Float64Array;
          const socS = r.series[`${st.id}:stateOfCharge`] as Float64Array;
          for (let t = 0; t < n; t++) {
            const c = cIn[t] ?? 0;
            const d = cOut[t] ?? 0;
            expect(c).toBeLessThanOrEqual(st.maxChargeKw + 1e-9);
            expect(d).toBeLessThanOrEqual(st.maxDischargeKw + 1e-9);
            expect(c * d).toBe(0);
            soc = soc * (1 - st.standingLossPerHour) + c * st.efficiencyCharge - d / st.efficiencyDischarge;
            expect(Math.abs(soc - (socS[t] ?? 0))).toBeLessThan(1e-6);
            expect(socS[t] ?? 0).toBeGreaterThanOrEqual(-1e-9);
            expect(socS[t] ?? 0).toBeLessThanOrEqual(st.capacityKwh + 1e-6);
          }
        }
        for (const c of net.converters) {
          const out = r.series[`${c.id}:flowOut`] as Float64Array;
          const inn = r.series[`${c.id}:flowIn`] as Float64Array;
          const src = r.series[`${c.id}:sourceHeat`] as Float64Array;
          for (let t = 0; t < n; t++) {
            expect(out[t] ?? 0).toBeLessThanOrEqual(c.capacityKw + 1e-9);
            // Energy conservation in the heat pump: heat out = electricity in + source heat.
            expect(Math.abs((out[t] ?? 0) - (inn[t] ?? 0) - (src[t] ?? 0))).toBeLessThan(1e-9);
          }
        }
        for (const w of net.wasteHeat) {
          const used = r.series[`${w.id}:flowOut`] as Float64Array;
          for (let t = 0; t < n; t++)
            expect(used[t] ?? 0).toBeLessThanOrEqual((w.availableKwh[t] ?? 0) + 1e-9);
        }
        for (const s of net.sources) {
          const f = r.series[`${s.id}:flowOut`] as Float64Array;
          for (let t = 0; t < n; t++) {
            expect(f[t] ?? 0).toBeLessThanOrEqual((s.availableKwh[t] ?? 0) + 1e-9);
            expect(f[t] ?? 0).toBeGreaterThanOrEqual(-1e-9);
          }
        }
        for (const g of net.grids) {
          const imp = r.series[`${g.id}:import`] as Float64Array;
          const exp = r.series[`${g.id}:export`] as Float64Array;
          for (let t = 0; t < n; t++) {
            expect(imp[t] ?? 0).toBeLessThanOrEqual(g.importMaxKw + 1e-9);
            expect(exp[t] ?? 0).toBeLessThanOrEqual(g.exportMaxKw + 1e-9);
          }
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("scaling all demands and capacities by k scales energy indicators by k", () => {
    fc.assert(
      fc.property(arbNetwork, fc.double({ min: 0.1, max: 10, noNaN: true }), (net, k) => {
        const scaled = scaleNetwork(net, k);
        const a = computeKpis(net, simulate(net), { reference: false });
        const b = computeKpis(scaled, simulate(scaled), { reference: false });
        const rel = (x: number, y: number): void =>
          expect(Math.abs(x * k - y)).toBeLessThan(1e-6 * (1 + Math.abs(y)));
        rel(a.energyPositivity.producedKWh, b.energyPositivity.producedKWh);
        rel(a.energyPositivity.consumedKWh, b.energyPositivity.consumedKWh);
        rel(a.energy.importKWh.electricity, b.energy.importKWh.electricity);
        rel(a.energy.importKWh.heat, b.energy.importKWh.heat);
        rel(a.energy.exportKWh.electricity, b.energy.exportKWh.electricity);
        rel(a.co2.netKg, b.co2.netKg);
        if (a.selfSufficiency !== null && b.selfSufficiency !== null) {
          expect(Math.abs(a.selfSufficiency - b.selfSufficiency)).toBeLessThan(1e-6);
        }
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it("renaming and reordering assets changes nothing", () => {
    fc.assert(
      fc.property(arbNetwork, (net) => {
        const renamed = renameNetwork(net);
        const a = computeKpis(net, simulate(net), { reference: false });
        const b = computeKpis(renamed, simulate(renamed), { reference: false });
        expect(b.energyPositivity.producedKWh).toBeCloseTo(a.energyPositivity.producedKWh, 6);
        expect(b.energyPositivity.consumedKWh).toBeCloseTo(a.energyPositivity.consumedKWh, 6);
        expect(b.costs.totalEur).toBeCloseTo(a.costs.totalEur, 6);
        expect(b.co2.netKg).toBeCloseTo(a.co2.netKg, 6);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

function scaleArray(a: Float64Array, k: number): Float64Array {
  return a.map((v) => v * k);
}

function scaleNetwork(net: Network, k: number): Network {
  return {
    ...net,
    loads: net.loads.map((l) => ({ ...l, demandKwh: scaleArray(l.demandKwh, k) })),
    sources: net.sources.map((s) => ({
      ...s,
      capacityKw: s.capacityKw * k,
      availableKwh: scaleArray(s.availableKwh, k),
    })),
    wasteHeat: net.wasteHeat.map((w) => ({ ...w, availableKwh: scaleArray(w.availableKwh, k) })),
    converters: net.converters.map((c) => ({ ...c, capacityKw: c.capacityKw * k })),
    storages: net.storages.map((s) => ({
      ...s,
      capacityKwh: s.capacityKwh * k,
      maxChargeKw: s.maxChargeKw * k,
      maxDischargeKw: s.maxDischargeKw * k,
    })),
    grids: net.grids.map((g) => ({ ...g, importMaxKw: g.importMaxKw * k, exportMaxKw: g.exportMaxKw * k })),
  };
}

function renameNetwork(net: Network): Network {
  const re = (id: string): string => `x-${id.split("").reverse().join("")}`;
  return {
    ...net,
    loads: [...net.loads].reverse().map((l) => ({ ...l, id: re(l.id) })),
    sources: [...net.sources].reverse().map((s) => ({ ...s, id: re(s.id) })),
    wasteHeat: net.wasteHeat.map((w) => ({ ...w, id: re(w.id) })),
    converters: [...net.converters]
      .reverse()
      .map((c) => ({ ...c, id: re(c.id), sourceId: c.sourceId && re(c.sourceId) })),
    storages: [...net.storages].reverse().map((s) => ({ ...s, id: re(s.id) })),
    grids: [...net.grids].reverse().map((g) => ({ ...g, id: re(g.id) })),
  };
}
