import { afterAll, describe, expect, it } from "vitest";
import { analyzeCooperation, valueOfCooperation, type NetworkWasteHeat } from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { grid, heatPump, load, network, pv } from "../../packages/engine/src/test-support/networks.js";

const solver = createHighsSolver();
afterAll(async () => {
  await solver.dispose?.();
});

describe("two partners: one with a PV surplus, one with demand (hand-computed)", () => {
  // Hour 0: A's PV gives 10 kWh, B uses 6; hour 1: no sun, B uses 4. Import 0.10 EUR/kWh, export 0.05 EUR/kWh.
  // Alone: A exports 10 kWh (-0.50 EUR), B imports 10 kWh (+1.00 EUR): 0.50 EUR together as silos.
  // Together: 6 kWh used by B in hour 0, 4 exported (-0.20), 4 imported in hour 1 (+0.40): 0.20 EUR.
  // Value of cooperation = avoided import - lost export revenue = 6 x 0.10 - 6 x 0.05 = 0.30 EUR.
  const net = network(2, {
    sources: [pv("pv-a", [10, 0], { owner: "a" })],
    loads: [load("el-b", "electricity", [6, 4], "b")],
    grids: [grid("grid", "electricity", 2, { importPrice: 0.1, exportPrice: 0.05 })],
    stakeholders: [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
      { id: "owner:grid", name: "Grid" },
    ],
  });

  it("finds the value of cooperation, equal Shapley shares and a settlement at the midpoint price", async () => {
    const r = await analyzeCooperation(net, solver);
    expect(r.value.players).toEqual(["a", "b"]);
    expect(r.value.alone.a?.costEur).toBeCloseTo(-0.5, 9);
    expect(r.value.alone.b?.costEur).toBeCloseTo(1.0, 9);
    expect(r.value.silos.costEur).toBeCloseTo(0.5, 9);
    expect(r.value.together.costEur).toBeCloseTo(0.2, 9);
    expect(r.value.gain.costEur).toBeCloseTo(0.3, 9);
    // CO2 (0.1 kg/kWh both ways): silos 10 x 0.1 - 10 x 0.1 = 0; together 4 x 0.1 - 4 x 0.1 = 0.
    expect(r.value.gain.co2Kg).toBeCloseTo(0, 9);
    expect(r.method).toBe("exact");
    expect(r.shapley.shares.a).toBeCloseTo(0.15, 9);
    expect(r.shapley.shares.b).toBeCloseTo(0.15, 9);
    expect(r.core?.shapley.inCore).toBe(true);
    // Proportional to standalone cost: A's is negative (weight 0), so B gets all.
    expect(r.proportional.b).toBeCloseTo(0.3, 9);
    const s = r.settlement;
    if (!s) throw new Error("no settlement");
    // Joint cost before transfers: A gets the export revenue (-0.20), B pays the import in hour 1 (0.40).
    expect(s.lines.a?.jointCostEur).toBeCloseTo(-0.2, 9);
    expect(s.lines.b?.jointCostEur).toBeCloseTo(0.4, 9);
    // Targets: A -0.65, B 0.85: B pays A 0.45 EUR for 6 kWh = 0.075 EUR/kWh, between 0.05 and 0.10.
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]?.from).toBe("b");
    expect(s.payments[0]?.to).toBe("a");
    expect(s.payments[0]?.amountEur).toBeCloseTo(0.45, 9);
    expect(s.exchanges).toHaveLength(1);
    const e = s.exchanges[0];
    expect(e?.seller).toBe("a");
    expect(e?.buyer).toBe("b");
    expect(e?.carrier).toBe("electricity");
    expect(e?.energyKwh).toBeCloseTo(6, 9);
    expect(e?.priceRangeEurPerKwh?.[0]).toBeCloseTo(0.05, 9);
    expect(e?.priceRangeEurPerKwh?.[1]).toBeCloseTo(0.1, 9);
    const total = Object.values(s.lines).reduce((acc, l) => acc + l.transferEur, 0);
    expect(Math.abs(total)).toBeLessThan(1e-9);
  });
});

describe("two partners sharing a monthly peak charge (hand-computed)", () => {
  // January, two hours. A uses 10 kWh in hour 0, B 8 kWh in hour 1; 0.10 EUR/kWh and 5 EUR/kW per month.
  // Alone: A 1.00 + 50 = 51, B 0.80 + 40 = 40.80. Together the peak is 10 kW: 1.80 + 50 = 51.80, v = 40.
  // Joint cost by net position: A draws in the peak hour and bears the peak charge (51), B 0.80. Shapley 20
  // each: A should end at 31, B at 20.80, so B pays A 20 EUR.
  const g = grid("grid", "electricity", 2, { importPrice: 0.1, exportPrice: 0.05 });
  const net = network(2, {
    loads: [load("el-a", "electricity", [10, 0], "a"), load("el-b", "electricity", [0, 8], "b")],
    grids: [{ ...g, tariff: { ...g.tariff, peakEurPerKwMonth: 5 } }],
    stakeholders: ["a", "b"].map((id) => ({ id, name: id })),
  });

  it("values the diversity of peaks and settles the peak charge", async () => {
    const r = await analyzeCooperation(net, solver);
    expect(r.value.alone.a?.costEur).toBeCloseTo(51, 9);
    expect(r.value.alone.b?.costEur).toBeCloseTo(40.8, 9);
    expect(r.value.gain.costEur).toBeCloseTo(40, 9);
    expect(r.shapley.shares.a).toBeCloseTo(20, 9);
    const s = r.settlement;
    if (!s) throw new Error("no settlement");
    expect(s.peakEur).toBeCloseTo(50, 9);
    expect(Math.abs(s.sharedEur)).toBeLessThan(1e-9);
    expect(s.lines.a?.jointCostEur).toBeCloseTo(51, 9);
    expect(s.payments).toEqual([{ from: "b", to: "a", amountEur: expect.closeTo(20, 9) }]);
    expect(s.exchanges).toEqual([]);
  });
});

describe("unmet demand stays with its owner", () => {
  // A's 5 kWh of heat cannot be served (no heat source, no district heating): 5 x 1000 EUR/kWh penalty.
  // B buys 2 kWh of electricity (0.20 EUR). Nothing is gained together, so nobody pays anybody.
  const net = network(1, {
    loads: [load("heat-a", "heat", [5], "a"), load("el-b", "electricity", [2], "b")],
    grids: [grid("grid", "electricity", 1, { importPrice: 0.1, exportPrice: 0.05 })],
    stakeholders: ["a", "b"].map((id) => ({ id, name: id })),
  });

  it("charges the penalty to the partner whose demand was not met", async () => {
    const r = await analyzeCooperation(net, solver);
    expect(r.value.gain.costEur).toBeCloseTo(0, 9);
    const s = r.settlement;
    if (!s) throw new Error("no settlement");
    expect(s.sharedEur).toBeCloseTo(5000, 6);
    expect(s.lines.a?.jointCostEur).toBeCloseTo(5000, 6);
    expect(s.lines.b?.jointCostEur).toBeCloseTo(0.2, 9);
    expect(s.payments).toEqual([]);
  });
});

describe("waste heat counts only when the stream, the heat pump and a heat load are together", () => {
  // One hour. W owns 30 kWh of waste heat (free), H a heat pump with COP 4, L a heat load of 40 kWh.
  // District heating costs 0.08 EUR/kWh and takes nothing back; electricity costs 0.10 EUR/kWh.
  // Alone and in every pair L buys 40 kWh of district heat (3.20 EUR). Together the heat pump makes 40 kWh
  // from 30 kWh of waste heat and 10 kWh of electricity (1.00 EUR): v(N) = 2.20 EUR, every other v(S) = 0.
  const wasteHeat: NetworkWasteHeat = {
    id: "wh",
    owner: "w",
    location: "onSite",
    availableKwh: Float64Array.from([30]),
    temperatureC: Float64Array.from([25]),
    costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
  };
  const net = network(1, {
    wasteHeat: [wasteHeat],
    converters: [heatPump("hp", [4], { owner: "h", sourceId: "wh" })],
    loads: [load("heat-l", "heat", [40], "l")],
    grids: [
      grid("grid", "electricity", 1, { importPrice: 0.1, exportPrice: 0.05 }),
      grid("dh", "heat", 1, { importPrice: 0.08 }),
    ],
    stakeholders: ["w", "h", "l"].map((id) => ({ id, name: id })),
  });

  it("gives the whole value to the three together and splits it equally", async () => {
    const r = await analyzeCooperation(net, solver);
    expect(r.value.players).toEqual(["w", "h", "l"]);
    expect(r.value.silos.costEur).toBeCloseTo(3.2, 9);
    expect(r.value.together.costEur).toBeCloseTo(1.0, 9);
    for (const p of ["w", "h", "l"]) expect(r.shapley.shares[p]).toBeCloseTo(2.2 / 3, 9);
    // Energy positivity: 30 kWh of recovered heat produced on site, 30 + 10 (imports) consumed.
    expect(r.value.together.positivityRatio).toBeCloseTo(30 / 40, 9);
    expect(r.value.silos.positivityRatio).toBeCloseTo(0, 9);
    const s = r.settlement;
    if (!s) throw new Error("no settlement");
    expect(s.lines.h?.jointCostEur).toBeCloseTo(1.0, 9);
    expect(s.lines.l?.transferEur).toBeCloseTo(3.2 - 2.2 / 3, 9);
    expect(s.payments.map((p) => [p.from, p.to])).toEqual([
      ["l", "h"],
      ["l", "w"],
    ]);
    expect(s.payments[0]?.amountEur).toBeCloseTo(1 + 2.2 / 3, 9);
    expect(s.payments[1]?.amountEur).toBeCloseTo(2.2 / 3, 9);
    const heat = s.exchanges.find((e) => e.carrier === "heat");
    expect(heat?.seller).toBe("h");
    expect(heat?.energyKwh).toBeCloseTo(40, 9);
    // Heat: [electricity price / COP = 0.025, district heat 0.08].
    expect(heat?.priceRangeEurPerKwh?.[0]).toBeCloseTo(0.025, 9);
    expect(heat?.priceRangeEurPerKwh?.[1]).toBeCloseTo(0.08, 9);
    const wh = s.exchanges.find((e) => e.carrier === "wasteHeat");
    expect(wh?.seller).toBe("w");
    expect(wh?.buyer).toBe("h");
    expect(wh?.energyKwh).toBeCloseTo(30, 9);
    // Waste heat is worth (0.08 x 4 - 0.10) / 3 per kWh to the heat pump owner.
    expect(wh?.priceRangeEurPerKwh?.[1]).toBeCloseTo(0.22 / 3, 9);
  });

  it("shares the emission reduction when the game is played over CO2", async () => {
    // 0.1 kgCO2e/kWh for district heat and electricity: alone 40 kWh of heat (4 kg), together 10 kWh of
    // electricity (1 kg); v(N) = 3 kgCO2e, 1 kg each. No settlement in EUR for a CO2 game.
    const r = await analyzeCooperation(net, solver, { metric: "co2" });
    expect(r.metric).toBe("co2");
    expect(r.value.gain.co2Kg).toBeCloseTo(3, 9);
    expect(r.shapley.grandValue).toBeCloseTo(3, 9);
    for (const p of ["w", "h", "l"]) expect(r.shapley.shares[p]).toBeCloseTo(1, 9);
    expect(r.settlement).toBeUndefined();
  });

  it("gives the same game with concurrent coalition evaluations", async () => {
    const serial = await analyzeCooperation(net, solver);
    const parallel = await analyzeCooperation(net, solver, { concurrency: 4 });
    expect(parallel.shapley.shares).toEqual(serial.shapley.shares);
  });

  it("values every smaller coalition at zero", async () => {
    const { fn } = await valueOfCooperation(net, solver);
    for (const pair of [[0, 1], [0, 2], [1, 2], [0], [1], [2]])
      expect(await fn.game.value(pair)).toBeCloseTo(0, 9);
    expect(await fn.game.value([0, 1, 2])).toBeCloseTo(2.2, 9);
    // Without the waste-heat owner, the heat pump has no source and cannot run.
    const hl = await fn.outcome(["h", "l"]);
    expect(hl.costEur).toBeCloseTo(3.2, 9);
  });
});
