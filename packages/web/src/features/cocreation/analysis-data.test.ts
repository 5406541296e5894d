import { describe, expect, it } from "vitest";
import {
  alternativeRows,
  alternativesQuery,
  commitmentBody,
  commitmentFieldOfIssue,
  commitmentIssues,
  getAlternatives,
  impactRows,
  otherProposals,
  planKey,
  type Alternatives,
  type Indicators,
  type ProposalImpact,
} from "./analysis-data.js";

const indicators = (over: Partial<Indicators>): Indicators => ({
  energyPositivityRatio: 0.8,
  producedKWh: 8_000_000,
  consumedKWh: 10_000_000,
  co2NetKg: 1_500_000,
  co2EmissionsKg: 2_000_000,
  generationKWh: 6_000_000,
  electricityImportKWh: 4_000_000,
  selfSufficiency: 0.3,
  ...over,
});

const impact: ProposalImpact = {
  proposalId: "p2",
  baseVersionId: "v1",
  baseline: indicators({}),
  alone: {
    indicators: indicators({ energyPositivityRatio: 0.85, co2NetKg: 1_400_000 }),
    delta: { energyPositivityRatio: 0.05, co2NetKg: -100_000, generationKWh: 0, electricityImportKWh: 0 },
  },
  combined: {
    proposals: ["p1", "p2"],
    indicators: indicators({ energyPositivityRatio: 0.9, generationKWh: 7_000_000 }),
    delta: { energyPositivityRatio: 0.1, generationKWh: 1_000_000, selfSufficiency: null },
  },
};

/** The body of GET /versions/{id}/alternatives as the contract (docs/api.md, alternatives) describes it. */
const alternatives: Alternatives = {
  status: "optimal",
  slack: 0.05,
  typicalDays: 4,
  optimumEur: 2_000_000,
  plans: [
    {
      name: "optimum",
      direction: null,
      status: "optimal",
      costEur: 2_000_000,
      costIncrease: 0,
      totals: { pv: 3000, heatPump: 5000, storage: 20000, offsite: 1000 },
      capacities: { "pv-roof-1": { value: 3000, unit: "kWp" } },
      indicators: indicators({ energyPositivityRatio: 1.02, co2NetKg: -50_000, selfSufficiency: 0.41 }),
    },
    {
      name: "min pv",
      direction: { group: "pv", sense: "min" },
      status: "optimal",
      costEur: 2_090_000,
      costIncrease: 0.045,
      totals: { pv: 1200, heatPump: 5200, storage: 18000, offsite: 2600 },
      capacities: {},
      indicators: indicators({ energyPositivityRatio: 0.97 }),
    },
    {
      name: "max storage",
      direction: { group: "storage", sense: "max" },
      status: "infeasible",
      costEur: null,
      costIncrease: null,
      totals: { pv: 0, heatPump: 0, storage: 0, offsite: 0 },
      capacities: {},
      indicators: null,
    },
  ],
};

describe("proposal impact", () => {
  it("shows ratios as %, CO2 in t/a and energy in MWh/a, with the server's deltas", () => {
    const rows = impactRows(impact);
    expect(rows.map((r) => r.figure.key)).toEqual([
      "energyPositivityRatio",
      "co2NetKg",
      "generationKWh",
      "electricityImportKWh",
      "selfSufficiency",
    ]);
    const [ep, co2, gen, , ss] = rows;
    expect(ep).toMatchObject({ baseline: 80, alone: 85, combined: 90 });
    expect(ep?.aloneDelta).toBeCloseTo(5);
    expect(ep?.combinedDelta).toBeCloseTo(10);
    expect(co2).toMatchObject({ baseline: 1500, alone: 1400, aloneDelta: -100 });
    expect(gen).toMatchObject({ combined: 7000, combinedDelta: 1000 });
    expect(ss?.combinedDelta).toBeNull();
    expect(ss?.aloneDelta).toBeNull(); // missing from the delta
  });
  it("names the other proposals of the combined case", () => {
    expect(otherProposals(impact)).toEqual(["p1"]);
    expect(otherProposals({ ...impact, combined: { ...impact.combined, proposals: ["p2"] } })).toEqual([]);
  });
});

describe("alternatives", () => {
  it("lays out one row per figure and one value per plan (optimum first)", () => {
    const rows = alternativeRows(alternatives);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.values]));
    expect(rows.map((r) => r.key)).toEqual([
      "cost",
      "costIncrease",
      "pv",
      "heatPump",
      "storage",
      "offsite",
      "positivity",
      "co2",
      "selfSufficiency",
    ]);
    expect(byKey.cost).toEqual([2_000_000, 2_090_000, null]);
    expect(byKey.costIncrease?.[1]).toBeCloseTo(4.5);
    expect(byKey.pv).toEqual([3000, 1200, null]);
    expect(byKey.positivity?.[0]).toBeCloseTo(102);
    expect(byKey.co2).toEqual([-50, 1500, null]);
    expect(byKey.selfSufficiency?.[0]).toBeCloseTo(41);
  });
  it("names plans by their direction", () => {
    expect(alternatives.plans.map(planKey)).toEqual([
      "altPlan_optimum",
      "altPlan_min_pv",
      "altPlan_max_storage",
    ]);
    expect(planKey({ ...alternatives.plans[0]!, name: "random", direction: null })).toBeUndefined();
  });
  it("builds the query with slack as a fraction", () => {
    expect(alternativesQuery({ slackPct: 5, count: 4, typicalDays: 4 })).toBe(
      "slack=0.05&count=4&typicalDays=4",
    );
    expect(alternativesQuery({ slackPct: 12.5, count: 2, typicalDays: 4 })).toContain("slack=0.125");
  });
  it("loads the alternatives through a 202 run (fake fetch with the contract's bodies)", async () => {
    const url = "/api/v1/versions/v1/alternatives?slack=0.05&count=2&typicalDays=4";
    const answers: Record<string, Response[]> = {
      [url]: [
        Response.json(
          { status: "queued", runId: "r9", progress: 0, message: null },
          { status: 202, headers: { location: "/api/v1/runs/r9" } },
        ),
        Response.json(alternatives),
      ],
      "/api/v1/runs/r9": [
        Response.json({
          id: "r9",
          versionId: "v1",
          kind: "alternatives",
          status: "running",
          progress: 0.5,
          error: null,
        }),
        Response.json({
          id: "r9",
          versionId: "v1",
          kind: "alternatives",
          status: "succeeded",
          progress: 1,
          error: null,
        }),
      ],
    };
    const calls: string[] = [];
    const fetch = ((input: RequestInfo | URL) => {
      calls.push(String(input));
      const next = answers[String(input)]?.shift();
      return Promise.resolve(next ?? new Response("", { status: 404 }));
    }) as typeof globalThis.fetch;
    const seen: number[] = [];
    const out = await getAlternatives("v1", "slack=0.05&count=2&typicalDays=4", {
      fetch,
      pollMs: 1,
      onProgress: (p) => seen.push(p.progress),
    });
    expect(out.plans.map((p) => p.name)).toEqual(["optimum", "min pv", "max storage"]);
    expect(seen).toEqual([0, 0.5]);
    expect(calls).toEqual([url, "/api/v1/runs/r9", "/api/v1/runs/r9", url]);
  });
});

describe("commitments", () => {
  it("maps 422 issue paths of createCommitment to form fields", () => {
    expect(commitmentFieldOfIssue("body.year")).toBe("year");
    expect(commitmentFieldOfIssue("body.stakeholderId")).toBe("stakeholderId");
    expect(commitmentFieldOfIssue("body.proposalId")).toBe("target");
    expect(commitmentFieldOfIssue("body.buildingGroupId")).toBe("target");
    expect(commitmentFieldOfIssue("body")).toBe("form");
    expect(
      commitmentIssues([
        { code: "too_small", path: "body.year", message: "at least 1900" },
        { code: "unknown-proposal", path: "body.proposalId", message: "no such proposal" },
      ]),
    ).toEqual({ year: ["at least 1900"], target: ["no such proposal"] });
  });
  it("sends a proposal or a building group, and an empty year as null", () => {
    expect(
      commitmentBody({ stakeholderId: "sok", target: "proposal:p1", year: "2030", description: "d" }),
    ).toEqual({
      stakeholderId: "sok",
      proposalId: "p1",
      year: 2030,
      description: "d",
    });
    expect(commitmentBody({ stakeholderId: "sok", target: "group:g-1", year: "", description: "" })).toEqual({
      stakeholderId: "sok",
      buildingGroupId: "g-1",
      year: null,
      description: "",
    });
    expect(
      commitmentBody({ stakeholderId: "", target: "", year: "2030", description: "" }),
    ).not.toHaveProperty("proposalId");
  });
});
