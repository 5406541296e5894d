import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDistrictYaml } from "@kera/schema";
import { buildNetwork, computeKpis, maxBalanceResidual, simulate } from "@kera/engine";
import { loadDefaultWeather } from "@kera/data";

const keraYaml = readFileSync(
  new URL("../../examples/districts/kera/district.yaml", import.meta.url),
  "utf8",
);

describe("the Kera district end to end", () => {
  const parsed = parseDistrictYaml(keraYaml, { fileName: "district.yaml" });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  const built = buildNetwork({ district: parsed.value, weather: loadDefaultWeather() });

  it("builds a network of the full build-out with every resident and job", () => {
    if (!built.ok) throw new Error(built.issues.map((i) => i.message).join("\n"));
    const { network } = built.value;
    expect(network.timeline.hours).toBe(8760);
    expect(network.people.residents).toBe(14000);
    expect(network.people.jobs).toBe(10000);
    expect(network.loads.length).toBeGreaterThan(10);
  });

  it("simulates a year with every bus balanced and plausible indicators", () => {
    if (!built.ok) throw new Error("network");
    const { network } = built.value;
    const result = simulate(network);
    expect(maxBalanceResidual(result)).toBeLessThan(1e-6);
    for (const [key, values] of Object.entries(result.series)) {
      for (const v of values) if (!Number.isFinite(v)) throw new Error(`${key} has a non-finite value`);
    }
    const k = computeKpis(network, result);
    // Demand of a 14,000-resident district: tens of GWh of heat and electricity a year.
    expect(k.energy.demandKWh.heat).toBeGreaterThan(20e6);
    expect(k.energy.demandKWh.heat).toBeLessThan(120e6);
    expect(k.energy.demandKWh.electricity).toBeGreaterThan(10e6);
    expect(k.energy.unmetKWh.heat).toBeLessThan(1e-6);
    expect(k.energy.unmetKWh.electricity).toBeLessThan(1e-6);
    expect(k.energy.unmetKWh.cooling).toBeLessThan(1e-6);
    expect(k.selfSufficiency).not.toBeNull();
    expect(k.energyPositivity.ratio).toBeGreaterThan(0);
    expect(k.reference).not.toBeNull();
    expect(k.perResident.costEurPerMonth).toBeGreaterThan(0);
  });
});
