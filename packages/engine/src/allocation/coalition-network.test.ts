import { describe, expect, it } from "vitest";
import { coalitionNetwork, defaultPlayers } from "./coalition-network.js";
import { battery, grid, heatPump, load, network, pv } from "../test-support/networks.js";

const net = network(2, {
  loads: [load("el-a", "electricity", [1, 2], "a"), load("heat-b", "heat", [3, 4], "b")],
  sources: [pv("pv-a", [5, 0], { owner: "a" })],
  converters: [heatPump("hp-c", [3, 3], { owner: "c", sourceId: "wh-d" })],
  storages: [battery("bat-b", { owner: "b" })],
  wasteHeat: [
    {
      id: "wh-d",
      owner: "d",
      location: "onSite",
      availableKwh: Float64Array.from([9, 9]),
      temperatureC: Float64Array.from([20, 20]),
      costs: { investEur: 0, fixedEurPerYear: 0, variableEurPerKwh: 0, lifetimeYears: 1 },
    },
  ],
  grids: [
    {
      ...grid("grid", "electricity", 2),
      tariff: { ...grid("grid", "electricity", 2).tariff, fixedEurPerYear: 72 },
    },
    grid("dh", "heat", 2),
  ],
  stakeholders: ["grid-co", "a", "b", "c", "d"].map((id) => ({ id, name: id })),
  targets: {
    energyPositivityRatioMin: 1,
    capacityLimits: [{ name: "roofs", assetIds: ["pv-a", "pv-x"], maxCapacity: 10 }],
  },
});

describe("coalitionNetwork", () => {
  it("keeps the members' elements and every grid without fixed fees", () => {
    const sub = coalitionNetwork(net, new Set(["a"]));
    expect(sub.loads.map((l) => l.id)).toEqual(["el-a"]);
    expect(sub.sources.map((s) => s.id)).toEqual(["pv-a"]);
    expect(sub.storages).toHaveLength(0);
    expect(sub.converters).toHaveLength(0);
    expect(sub.grids.map((g) => g.id)).toEqual(["grid", "dh"]);
    expect(sub.grids.every((g) => g.tariff.fixedEurPerYear === 0)).toBe(true);
    expect(sub.targets.energyPositivityRatioMin).toBeUndefined();
    expect(sub.targets.capacityLimits?.[0]?.assetIds).toEqual(["pv-a"]);
    // The input is not changed.
    expect(net.grids[0]?.tariff.fixedEurPerYear).toBe(72);
  });

  it("disables a heat pump whose waste-heat source belongs to a non-member", () => {
    const without = coalitionNetwork(net, new Set(["b", "c"]));
    expect([...(without.converters[0]?.efficiency ?? [])]).toEqual([0, 0]);
    const withSource = coalitionNetwork(net, new Set(["b", "c", "d"]));
    expect([...(withSource.converters[0]?.efficiency ?? [])]).toEqual([3, 3]);
    expect(withSource.wasteHeat.map((w) => w.id)).toEqual(["wh-d"]);
  });

  it("is empty apart from the grids for a coalition of non-owners", () => {
    const sub = coalitionNetwork(net, new Set(["grid-co"]));
    expect(sub.loads.length + sub.sources.length + sub.converters.length + sub.storages.length).toBe(0);
    expect(sub.grids).toHaveLength(2);
  });

  it("lists as players the owners of loads and assets, in stakeholder order", () => {
    expect(defaultPlayers(net)).toEqual(["a", "b", "c", "d"]);
  });
});
