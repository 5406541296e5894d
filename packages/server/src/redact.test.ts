import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsRedacted, diffJson, restoreRedacted } from "./json-diff.js";
import { REDACTED, redactModel, redactSummary, type ViewerLens } from "./redact.js";

const model = {
  name: "d",
  stakeholders: [
    { id: "fortum", name: "Fortum", kind: "energyCompany", businessFigures: { marginEurPerMwh: 4 } },
    { id: "sok", name: "S Group", kind: "retailer" },
  ],
  assets: [
    { id: "hp-1", kind: "heatPump", owner: "fortum", capacity: 900, costInvest: 700, costFixed: 10 },
    { id: "pv-1", kind: "pv", owner: "sok", capacity: 500, costInvest: 900, confidential: false },
    {
      id: "bat-1",
      kind: "battery",
      owner: "sok",
      capacity: 100,
      costInvest: 300,
      efficiency: 0.9,
      confidential: ["efficiency"],
    },
  ],
  prices: { electricity: { energy: 0.06 } },
};
const lens = (role: ViewerLens["role"], owned: string[] = []): ViewerLens => ({
  role,
  ownedStakeholders: new Set(owned),
});

describe("redactModel", () => {
  it("leaves the document whole for admins and never changes its input", () => {
    const before = JSON.stringify(model);
    expect(redactModel(model, lens("district_admin"))).toEqual(model);
    redactModel(model, lens("partner", ["sok"]));
    expect(JSON.stringify(model)).toBe(before);
  });

  it("hides cost fields of assets the partner does not own, honouring per-asset confidential lists", () => {
    const m = redactModel(model, lens("partner", ["sok"])) as typeof model;
    expect(m.assets[0]).toMatchObject({ capacity: 900, costInvest: REDACTED, costFixed: REDACTED });
    expect(m.assets[1]!.costInvest).toBe(900);
    expect(m.assets[2]).toMatchObject({ costInvest: 300, efficiency: 0.9 });
    expect(m.stakeholders[0]!.businessFigures).toBe(REDACTED);
    const other = redactModel(model, lens("partner", ["fortum"])) as typeof model;
    expect(other.assets[0]!.costInvest).toBe(700);
    expect(other.assets[1]!.costInvest).toBe(900); // confidential: false
    expect(other.assets[2]).toMatchObject({ costInvest: 300, efficiency: REDACTED }); // only the listed field
    expect(other.prices.electricity.energy).toBe(0.06); // district-wide tariffs are public
  });

  it("anonymises stakeholders for researchers", () => {
    const m = redactModel(model, lens("researcher")) as typeof model;
    expect(m.stakeholders.map((s) => [s.id, s.name])).toEqual([
      ["stakeholder-1", "stakeholder-1"],
      ["stakeholder-2", "stakeholder-2"],
    ]);
    expect(m.assets.map((a) => a.owner)).toEqual(["stakeholder-1", "stakeholder-2", "stakeholder-2"]);
    const summary = redactSummary(
      { assets: { byOwner: { fortum: 1, sok: 2 } }, owners: ["sok"] },
      model,
      lens("researcher"),
    );
    expect(summary).toEqual({
      assets: { byOwner: { "stakeholder-1": 1, "stakeholder-2": 2 } },
      owners: ["stakeholder-2"],
    });
  });
});

describe("redactSummary", () => {
  const summary = {
    kpis: {
      perStakeholder: [
        { id: "fortum", name: "Fortum", energyCostEur: 10, assetCostEur: 20, co2Kg: 5 },
        { id: "sok", name: "S Group", energyCostEur: 30, assetCostEur: 40, co2Kg: 6 },
      ],
    },
  };
  it("shows a partner its own per-stakeholder money figures only", () => {
    const seen = redactSummary(summary, model, lens("partner", ["sok"])) as typeof summary;
    expect(seen.kpis.perStakeholder[0]).toMatchObject({
      energyCostEur: REDACTED,
      assetCostEur: REDACTED,
      co2Kg: 5,
    });
    expect(seen.kpis.perStakeholder[1]).toMatchObject({ energyCostEur: 30, assetCostEur: 40 });
    expect(redactSummary(summary, model, lens("district_admin"))).toEqual(summary);
  });
  it("anonymises and redacts them for researchers", () => {
    const seen = JSON.stringify(redactSummary(summary, model, lens("researcher")));
    expect(seen).not.toMatch(/fortum|Fortum|sok|S Group/);
    expect(seen).not.toContain(":30");
  });
});

const json = fc.jsonValue({ maxDepth: 4 });

describe("json diff and redaction round trip", () => {
  it("a value has no differences from itself, and any difference is reported with a path", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(diffJson(a, a)).toEqual([]);
        const changes = diffJson(a, b);
        if (JSON.stringify(a) !== JSON.stringify(b) && !(Object.is(a, -0) || Object.is(b, -0))) {
          expect(changes.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("restoring a redacted copy against its original gives the original back", () => {
    const doc = fc.record({
      stakeholders: fc.array(fc.record({ id: fc.constantFrom("a", "b", "c"), name: fc.string() }), {
        maxLength: 3,
      }),
      assets: fc.array(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 4 }),
          owner: fc.constantFrom("a", "b", "c"),
          costInvest: fc.double({ noNaN: true, min: 0, max: 1e6 }),
          capacity: fc.nat(),
        }),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(doc, fc.constantFrom("a", "b", "c"), (original, owned) => {
        const seen = redactModel(original, lens("partner", [owned]));
        expect(containsRedacted(restoreRedacted(seen, original))).toBeUndefined();
        expect(restoreRedacted(seen, original)).toEqual(original);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
