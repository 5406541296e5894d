import { describe, expect, it } from "vitest";
import { computeCooperation } from "../compute/cooperation.js";
import { RunInputError } from "../compute/run-scenario.js";
import { microModel } from "../test-support/harness.js";
import { cooperationView, type CooperationDto } from "./cooperation.js";

/** The micro district with its battery handed to a second partner (a storage company). */
function twoPartnerModel(): Record<string, unknown> {
  const m = microModel() as {
    stakeholders: unknown[];
    assets: { id: string; kind: string; owner: string }[];
  };
  m.stakeholders.push({ id: "storage-co", name: "Storage company", kind: "energyCompany" });
  for (const a of m.assets) if (a.kind === "battery") a.owner = "storage-co";
  return m as unknown as Record<string, unknown>;
}

describe("computeCooperation (the job of a cooperation run)", () => {
  it("analyses the partners of a stored district document", async () => {
    const dto = await computeCooperation(twoPartnerModel(), { typicalDays: 1, metric: "cost" });
    expect(dto.players).toEqual(["housing-a", "storage-co"]);
    expect(dto.method).toBe("exact");
    // Cooperation never costs more than the silos (the grand coalition can copy what each does alone).
    expect(dto.totals.gain.costEur).toBeGreaterThanOrEqual(-1e-6);
    expect(dto.totals.value).toBeCloseTo(dto.totals.gain.costEur, 6);
    const shares = dto.partners.reduce((a, p) => a + p.shapleyEur, 0);
    expect(shares).toBeCloseTo(dto.totals.value, 6);
    const transfers = dto.partners.reduce((a, p) => a + (p.settlement?.transferEur ?? NaN), 0);
    expect(Math.abs(transfers)).toBeLessThan(1e-6);
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
  }, 60_000);

  it("fails the run (RunInputError with paths) for an invalid district or unknown players", async () => {
    await expect(computeCooperation({ name: 1 }, { typicalDays: 1, metric: "cost" })).rejects.toBeInstanceOf(
      RunInputError,
    );
    const error = await computeCooperation(microModel(), {
      typicalDays: 1,
      metric: "cost",
      players: ["nobody"],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunInputError);
    expect((error as RunInputError).issues[0]?.path).toBe("options.players");
  });
});

describe("cooperationView", () => {
  const row = (stakeholder: string, share: number) => ({
    stakeholder,
    alone: { costEur: 100, co2Kg: 10, positivityRatio: 0.5 },
    shapleyEur: share,
    shapleyIntervalEur: null,
    proportionalEur: share,
    settlement: {
      standaloneEur: 100,
      shareEur: share,
      targetEur: 100 - share,
      jointCostEur: 90,
      transferEur: 10 - share,
    },
  });
  const dto: CooperationDto = {
    metric: "cost",
    method: "exact",
    typicalDays: 4,
    players: ["housing-a", "caruna", "x"],
    totals: {
      silos: { costEur: 300, co2Kg: 30, positivityRatio: 0.5 },
      together: { costEur: 270, co2Kg: 25, positivityRatio: 0.6 },
      gain: { costEur: 30, co2Kg: 5, positivityRatio: 0.1 },
      value: 30,
    },
    partners: [row("housing-a", 10), row("caruna", 15), row("x", 5)],
    payments: [
      { from: "caruna", to: "x", amountEur: 5 },
      { from: "housing-a", to: "x", amountEur: 0.5 },
    ],
    exchanges: [
      {
        seller: "housing-a",
        buyer: "caruna",
        carrier: "electricity",
        energyKwh: 10,
        priceRangeEurPerKwh: [0.04, 0.1],
        mutuallyBeneficial: true,
      },
      {
        seller: "x",
        buyer: "caruna",
        carrier: "heat",
        energyKwh: 5,
        priceRangeEurPerKwh: null,
        mutuallyBeneficial: true,
      },
    ],
    core: {
      shapley: { inCore: false, mostViolated: { members: ["caruna", "x"], excess: 1 } },
      proportional: { inCore: true, mostViolated: null },
    },
  };
  const model = microModel();

  it("shows admins everything", () => {
    expect(cooperationView(dto, model, { role: "district_admin", ownedStakeholders: new Set() })).toEqual(
      dto,
    );
    expect(cooperationView(dto, model, { role: "platform_admin", ownedStakeholders: new Set() })).toEqual(
      dto,
    );
  });

  it("shows a partner the totals and only its own rows", () => {
    const v = cooperationView(dto, model, { role: "partner", ownedStakeholders: new Set(["housing-a"]) });
    expect(v.totals).toEqual(dto.totals);
    expect(v.partners.map((p) => p.stakeholder)).toEqual(["housing-a"]);
    expect(v.payments).toEqual([{ from: "housing-a", to: "x", amountEur: 0.5 }]);
    expect(v.exchanges.map((e) => e.carrier)).toEqual(["electricity"]);
    expect(JSON.stringify(v)).not.toContain('"stakeholder":"caruna"');
  });

  it("anonymises stakeholders for researchers", () => {
    const v = cooperationView(dto, model, { role: "researcher", ownedStakeholders: new Set() });
    expect(v.partners.map((p) => p.stakeholder)).toEqual([
      "stakeholder-1",
      "stakeholder-2",
      "stakeholder-other",
    ]);
    expect(v.payments[0]).toEqual({ from: "stakeholder-2", to: "stakeholder-other", amountEur: 5 });
    expect(v.core?.shapley.mostViolated?.members).toEqual(["stakeholder-2", "stakeholder-other"]);
    expect(JSON.stringify(v)).not.toMatch(/housing-a|caruna/);
  });

  it("shows residents and anonymous visitors only the totals", () => {
    const v = cooperationView(dto, model, { role: "resident", ownedStakeholders: new Set() });
    expect(v.totals).toEqual(dto.totals);
    expect(v.partners).toEqual([]);
    expect(v.payments).toEqual([]);
    expect(v.exchanges).toEqual([]);
  });
});
