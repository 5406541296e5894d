import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parseDistrictYaml } from "@kera/schema";
import { analyzeCooperation, buildNetwork, type CooperationAnalysis } from "@kera/engine";
import { loadDefaultWeather } from "@kera/data";
import { createHighsSolver } from "@kera/solver-highs";

const solver = createHighsSolver();
afterAll(async () => {
  await solver.dispose?.();
});

// Six partners named in issue 8: the city, the energy company, the supermarket (S Group), the two housing
// companies and the office landlord (stakeholders of examples/districts/kera/district.yaml).
const PARTNERS = ["espoo", "fortum", "sok", "housing-tiili", "housing-keramiikka", "kera-offices"];

describe("cooperation in Kera: six partners on typical days", () => {
  const parsed = parseDistrictYaml(
    readFileSync(new URL("../../examples/districts/kera/district.yaml", import.meta.url), "utf8"),
    { fileName: "district.yaml" },
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  const built = buildNetwork({ district: parsed.value, weather: loadDefaultWeather() });
  if (!built.ok) throw new Error(built.issues.map((i) => i.message).join("\n"));
  const network = built.value.network;
  let analysis: CooperationAnalysis | undefined;
  const get = async (): Promise<CooperationAnalysis> => {
    analysis ??= await analyzeCooperation(network, solver, { players: PARTNERS, typicalDays: 4 });
    return analysis;
  };

  it("shows a positive value of cooperation in cost", async () => {
    const r = await get();
    expect(r.method).toBe("exact");
    expect(Object.keys(r.value.alone)).toEqual(PARTNERS);
    // Silos cost more than the ecosystem: the supermarket's waste heat, the energy company's storages and
    // netting of PV surpluses are usable only together.
    expect(r.value.gain.costEur).toBeGreaterThan(0);
    expect(r.value.gain.costEur).toBeCloseTo(r.shapley.grandValue, 3);
    expect(r.value.together.costEur).toBeLessThan(r.value.silos.costEur);
  }, 120_000);

  it("allocates the whole value with Shapley and settles it with transfers that sum to zero", async () => {
    const r = await get();
    const shares = Object.values(r.shapley.shares);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(r.shapley.grandValue, 3);
    const s = r.settlement;
    if (!s) throw new Error("no settlement");
    // Every euro of the joint cost is attributed to an owner (assets, grid bills by net position, peaks).
    expect(Math.abs(s.sharedEur)).toBeLessThan(1e-6 * r.value.together.costEur);
    expect(s.peakEur).toBeGreaterThan(0);
    const transfers = Object.values(s.lines).map((l) => l.transferEur);
    expect(Math.abs(transfers.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6 * r.value.together.costEur);
    // Each partner ends at standalone - share: its joint cost plus its transfer.
    for (const p of PARTNERS) {
      const line = s.lines[p];
      expect((line?.jointCostEur ?? NaN) + (line?.transferEur ?? NaN)).toBeCloseTo(
        (r.value.alone[p]?.costEur ?? NaN) - (r.shapley.shares[p] ?? NaN),
        3,
      );
    }
    // The payments carry out the transfers, with at most partners - 1 payments.
    expect(s.payments.length).toBeLessThanOrEqual(PARTNERS.length - 1);
    const paid = new Map<string, number>();
    for (const p of s.payments) {
      expect(p.amountEur).toBeGreaterThan(0);
      paid.set(p.from, (paid.get(p.from) ?? 0) + p.amountEur);
      paid.set(p.to, (paid.get(p.to) ?? 0) - p.amountEur);
    }
    for (const p of PARTNERS) expect(paid.get(p) ?? 0).toBeCloseTo(s.lines[p]?.transferEur ?? NaN, 3);
    // The supermarket's waste heat reaches the energy company's heat pump only together.
    const wasteHeat = s.exchanges.find((e) => e.carrier === "wasteHeat");
    expect(wasteHeat?.seller).toBe("sok");
    expect(wasteHeat?.buyer).toBe("fortum");
    expect(wasteHeat?.energyKwh).toBeGreaterThan(0);
    expect(s.exchanges.some((e) => e.carrier === "heat")).toBe(true);
  }, 120_000);

  it("checks the core for Shapley and proportional shares", async () => {
    const r = await get();
    expect(r.core).toBeDefined();
    expect(Math.abs(r.core?.shapley.efficiencyGap ?? NaN)).toBeLessThan(
      1e-6 * Math.max(1, r.shapley.grandValue),
    );
    expect(Math.abs(r.core?.proportional.efficiencyGap ?? NaN)).toBeLessThan(
      1e-6 * Math.max(1, r.shapley.grandValue),
    );
  }, 120_000);
});
