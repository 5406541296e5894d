/** Route behaviour: success paths, path-qualified 422s for every operation with input, and problem+json errors. */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACTED } from "./redact.js";
import { createHarness, microModel, openProposal, waitForRun, type Harness } from "./test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h?.close());

const problem = async (res: Response) => {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as { status: number; code: string; issues?: { path: string; code: string }[] };
};

/** A bad request per operation that takes a body or query, and a path its 422 must name. */
type BadRequest = { method: string; path: string; body?: unknown; issuePath: string };

const BAD: Record<string, (h: Harness) => BadRequest | Promise<BadRequest>> = {
  login: () => ({
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email: "nope", password: "x" },
    issuePath: "body.email",
  }),
  createToken: () => ({
    method: "POST",
    path: "/api/v1/auth/tokens",
    body: { name: "" },
    issuePath: "body.name",
  }),
  createDistrict: () => ({
    method: "POST",
    path: "/api/v1/districts",
    body: { slug: "Bad Slug!", name: "x" },
    issuePath: "body.slug",
  }),
  updateDistrict: (h) => ({
    method: "PATCH",
    path: `/api/v1/districts/${h.districtId}`,
    body: { name: 5 },
    issuePath: "body.name",
  }),
  createScenario: (h) => {
    const model = microModel();
    (model.buildingGroups as { heatedFloorArea: number }[])[0]!.heatedFloorArea = -5;
    return {
      method: "POST",
      path: `/api/v1/districts/${h.districtId}/scenarios`,
      body: { name: "Bad", model },
      issuePath: "body.model.buildingGroups[0].heatedFloorArea",
    };
  },
  branchScenario: (h) => ({
    method: "POST",
    path: `/api/v1/scenarios/${h.baselineScenarioId}/branch`,
    body: { name: "" },
    issuePath: "body.name",
  }),
  createVersion: (h) => ({
    method: "POST",
    path: `/api/v1/scenarios/${h.baselineScenarioId}/versions`,
    body: {
      parentVersionId: h.baselineVersionId,
      model: { ...microModel(), timeline: { start: "2035-13-45" } },
    },
    issuePath: "body.model.timeline.start",
  }),
  diffVersion: (h) => ({
    method: "GET",
    path: `/api/v1/versions/${h.baselineVersionId}/diff?against=`,
    issuePath: "query.against",
  }),
  createRun: (h) => ({
    method: "POST",
    path: `/api/v1/versions/${h.baselineVersionId}/runs`,
    body: { kind: "explode" },
    issuePath: "body.kind",
  }),
  getCooperation: (h) => ({
    method: "GET",
    path: `/api/v1/versions/${h.baselineVersionId}/cooperation?typicalDays=0`,
    issuePath: "query.typicalDays",
  }),
  getAlternatives: (h) => ({
    method: "GET",
    path: `/api/v1/versions/${h.baselineVersionId}/alternatives?slack=0.9`,
    issuePath: "query.slack",
  }),
  getRunSeries: () => ({
    method: "GET",
    path: `/api/v1/runs/RUN/series?format=xml`,
    issuePath: "query.format",
  }),
  createStakeholder: (h) => ({
    method: "POST",
    path: `/api/v1/districts/${h.districtId}/stakeholders`,
    body: { id: "x", name: "X", kind: "alien" },
    issuePath: "body.kind",
  }),
  createUser: () => ({
    method: "POST",
    path: "/api/v1/users",
    body: { email: "a@b.c", password: "long enough password", role: "emperor", organisation: "x1" },
    issuePath: "body.role",
  }),
  updateUserRole: (h) => ({
    method: "PUT",
    path: `/api/v1/users/${h.actors.resident.userId}/role`,
    body: { role: "resident", organisation: "Bad Org" },
    issuePath: "body.organisation",
  }),
  listAudit: () => ({ method: "GET", path: "/api/v1/audit?limit=0", issuePath: "query.limit" }),
  // participation (routes/participation.ts)
  listProposals: (h) => ({
    method: "GET",
    path: `/api/v1/districts/${h.districtId}/proposals?status=maybe`,
    issuePath: "query.status",
  }),
  createProposal: (h) => ({
    method: "POST",
    path: `/api/v1/districts/${h.districtId}/proposals`,
    body: { baseVersionId: h.baselineVersionId, title: "", change: {} },
    issuePath: "body.title",
  }),
  acceptProposal: async (h) => ({
    method: "POST",
    path: `/api/v1/proposals/${(await openProposal(h)).id}/accept`,
    body: { message: "x".repeat(2001) },
    issuePath: "body.message",
  }),
  declineProposal: async (h) => ({
    method: "POST",
    path: `/api/v1/proposals/${(await openProposal(h)).id}/decline`,
    body: { reason: "  " },
    issuePath: "body.reason",
  }),
  withdrawProposal: async (h) => ({
    method: "POST",
    path: `/api/v1/proposals/${(await openProposal(h)).id}/withdraw`,
    body: { reason: "x".repeat(5001) },
    issuePath: "body.reason",
  }),
  listComments: (h) => ({
    method: "GET",
    path: `/api/v1/districts/${h.districtId}/comments?assetId=${"x".repeat(201)}`,
    issuePath: "query.assetId",
  }),
  createComment: (h) => ({
    method: "POST",
    path: `/api/v1/districts/${h.districtId}/comments`,
    body: { body: "no target" },
    issuePath: "body.proposalId",
  }),
  hideComment: async (h) => {
    const c = await h.participation.comments.create({
      districtId: h.districtId,
      proposalId: null,
      assetId: "pv-block-1",
      parentCommentId: null,
      author: null,
      body: "x",
    });
    return {
      method: "POST",
      path: `/api/v1/comments/${c.id}/hide`,
      body: { reason: "" },
      issuePath: "body.reason",
    };
  },
  createCommitment: (h) => ({
    method: "POST",
    path: `/api/v1/districts/${h.districtId}/commitments`,
    body: { stakeholderId: "housing-a", buildingGroupId: "block-1", year: 1800 },
    issuePath: "body.year",
  }),
  getTracker: (h) => ({
    method: "GET",
    path: `/api/v1/districts/${h.districtId}/tracker?scenarioId=Not%20An%20Id`,
    issuePath: "query.scenarioId",
  }),
};

async function succeededRun(versionId: string): Promise<string> {
  const res = await h.call(h.actors.platform_admin, "POST", `/api/v1/versions/${versionId}/runs`, {});
  expect(res.status).toBe(202);
  const id = ((await res.json()) as { id: string }).id;
  expect(await waitForRun(h, id)).toBe("succeeded");
  return id;
}

describe("bad input: 422 problem+json with issue paths", () => {
  it("every operation with a body or query parameters has a bad-input case", async () => {
    const doc = (await (await h.app.request("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { operationId: string; requestBody?: unknown; parameters?: { in: string }[] }>
      >;
    };
    const withInput = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .filter((op) => op.requestBody !== undefined || (op.parameters ?? []).some((p) => p.in === "query"))
      .map((op) => op.operationId)
      .sort();
    expect(Object.keys(BAD).sort()).toEqual(withInput);
  });

  for (const [operationId, build] of Object.entries(BAD)) {
    it(operationId, async () => {
      const req = await build(h);
      let path = req.path;
      if (path.includes("/runs/RUN/")) path = path.replace("RUN", await succeededRun(h.baselineVersionId));
      const res = await h.call(h.actors.platform_admin, req.method, path, req.body);
      expect(res.status).toBe(422);
      const body = await problem(res);
      expect(body.code).toBe("invalid-input");
      expect(body.issues?.map((i) => i.path)).toContain(req.issuePath);
    });
  }

  it("unknown ids are 404, malformed JSON 400, wrong media type 415, oversized bodies 413", async () => {
    const admin = h.actors.platform_admin;
    expect((await problem(await h.call(admin, "GET", "/api/v1/scenarios/nope"))).code).toBe("not-found");
    const malformed = await h.call(admin, "POST", "/api/v1/districts", undefined, {
      "content-type": "application/json",
    });
    expect(malformed.status).toBe(400);
    await problem(malformed);
    const res415 = await h.app.request("/api/v1/districts", {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "text/plain" },
      body: "slug=x",
    });
    expect(res415.status).toBe(415);
    const small = await createHarness({ bodyLimitBytes: 2048 });
    try {
      const big = await small.call(small.actors.platform_admin, "POST", "/api/v1/districts", {
        slug: "big",
        name: "x".repeat(5000),
      });
      expect(big.status).toBe(413);
      expect((await problem(big)).code).toBe("body-too-large");
    } finally {
      await small.close();
    }
    const unknown = await h.call(admin, "GET", "/api/v1/nothing-here");
    expect(unknown.status).toBe(404);
    await problem(unknown);
  }, 60_000);
});

describe("scenarios and immutable versions", () => {
  it("saves edits as new versions, rejects a stale parent with 409, and diffs versions by path", async () => {
    const city = h.actors.district_admin;
    const created = await h.call(city, "POST", `/api/v1/districts/${h.districtId}/scenarios`, {
      name: "More PV",
      model: microModel(),
    });
    expect(created.status).toBe(201);
    const scenario = (await created.json()) as { id: string; latestVersionId: string };
    const v1 = scenario.latestVersionId;
    const model = microModel();
    (model.assets as { capacity: number }[])[0]!.capacity = 80;
    const saved = await h.call(city, "POST", `/api/v1/scenarios/${scenario.id}/versions`, {
      parentVersionId: v1,
      model,
      message: "80 kWp",
    });
    expect(saved.status).toBe(201);
    const v2 = (await saved.json()) as { id: string; parentVersionId: string };
    expect(v2.parentVersionId).toBe(v1);
    const stale = await h.call(city, "POST", `/api/v1/scenarios/${scenario.id}/versions`, {
      parentVersionId: v1,
      model,
    });
    expect(stale.status).toBe(409);
    expect((await problem(stale)).code).toBe("stale-parent");
    const list = (await (await h.call(city, "GET", `/api/v1/scenarios/${scenario.id}/versions`)).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((v) => v.id)).toEqual([v1, v2.id]);
    const diff = (await (await h.call(city, "GET", `/api/v1/versions/${v2.id}/diff`)).json()) as {
      changes: { path: string; before: unknown; after: unknown }[];
    };
    expect(diff.changes).toEqual([{ path: "assets[0].capacity", op: "changed", before: 50, after: 80 }]);
  });
});

describe("runs and results", () => {
  it("computes a run, streams its events, and serves the summary and series as JSON and CSV", async () => {
    const runId = await succeededRun(h.baselineVersionId);
    const admin = h.actors.platform_admin;
    const run = (await (await h.call(admin, "GET", `/api/v1/runs/${runId}`)).json()) as {
      status: string;
      progress: number;
    };
    expect(run).toMatchObject({ status: "succeeded", progress: 1 });
    const events = await h.call(admin, "GET", `/api/v1/runs/${runId}/events`);
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    expect(await events.text()).toContain('"status":"succeeded"');
    // The API serves what the run stored (admins see it unredacted), whatever runScenario computes.
    const stored = (await h.store.results.get(runId))!;
    const summary = (await (await h.call(admin, "GET", `/api/v1/runs/${runId}/summary`)).json()) as {
      summary: Record<string, unknown>;
    };
    expect(summary.summary).toEqual(stored.summary);
    const series = (await (await h.call(admin, "GET", `/api/v1/runs/${runId}/series`)).json()) as {
      series: Record<string, number[]>;
    };
    const names = Object.keys(stored.series).sort();
    expect(Object.keys(series.series).sort()).toEqual(names);
    expect(names.length).toBeGreaterThan(0);
    const name = names[0]!;
    expect(series.series[name]).toHaveLength(stored.series[name]!.length);
    expect(series.series[name]).toHaveLength(24); // the micro district's timeline
    const csv = await h.call(
      admin,
      "GET",
      `/api/v1/runs/${runId}/series?format=csv&name=${encodeURIComponent(name)}`,
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe(`hour,${name}`);
    expect(lines).toHaveLength(25);
    expect(Number(lines[1]!.split(",")[1])).toBeCloseTo(stored.series[name]![0]!, 5);
    const zipped = await h.call(admin, "GET", `/api/v1/runs/${runId}/series`, undefined, {
      "accept-encoding": "gzip, br",
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString("utf8"))).toEqual(
      series,
    );
    const missing = await h.call(admin, "GET", `/api/v1/runs/${runId}/series?name=nope`);
    expect(missing.status).toBe(404);
    const cancel = await h.call(admin, "POST", `/api/v1/runs/${runId}/cancel`);
    expect(cancel.status).toBe(409);
  });

  it("the public endpoint shows the latest computed baseline to anonymous visitors", async () => {
    const runId = await succeededRun(h.baselineVersionId);
    const res = await h.call(h.actors.anonymous, "GET", "/api/v1/public/districts/micro");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      district: { slug: string };
      baseline: { runId: string; versionId: string; kpis: Record<string, unknown> };
    };
    expect(body.district.slug).toBe("micro");
    expect(body.baseline).toMatchObject({ runId, versionId: h.baselineVersionId });
    expect(Object.keys(body.baseline.kpis).length).toBeGreaterThan(0);
    expect((await h.call(h.actors.anonymous, "GET", "/api/v1/public/districts/nowhere")).status).toBe(404);
  });
});

describe("confidential data", () => {
  let versionId: string;
  beforeAll(async () => {
    const model = microModel();
    const assets = model.assets as Record<string, unknown>[];
    assets[0]!.costInvest = 1100; // housing-a's PV (partner's own)
    assets[2]!.costVariable = 0.01; // caruna's grid connection (another partner's)
    const res = await h.call(h.actors.district_admin, "POST", `/api/v1/districts/${h.districtId}/scenarios`, {
      name: "With costs",
      model,
    });
    versionId = ((await res.json()) as { latestVersionId: string }).latestVersionId;
  });
  const assetsAs = async (role: keyof Harness["actors"]) => {
    const res = await h.call(h.actors[role], "GET", `/api/v1/versions/${versionId}`);
    expect(res.status).toBe(200);
    return (
      (await res.json()) as { model: { assets: Record<string, unknown>[]; stakeholders: { id: string }[] } }
    ).model;
  };

  it("admins see everything; a partner sees its own costs but not another partner's", async () => {
    for (const role of ["platform_admin", "district_admin"] as const) {
      const m = await assetsAs(role);
      expect(m.assets[0]!.costInvest).toBe(1100);
      expect(m.assets[2]!.costVariable).toBe(0.01);
    }
    const partner = await assetsAs("partner");
    expect(partner.assets[0]!.costInvest).toBe(1100);
    expect(partner.assets[2]!.costVariable).toBe(REDACTED);
    const other = await assetsAs("otherPartner");
    expect(other.assets[0]!.costInvest).toBe(REDACTED);
    expect(other.assets[2]!.costVariable).toBe(0.01);
    const resident = await assetsAs("resident");
    expect(resident.assets[0]!.costInvest).toBe(REDACTED);
    expect(resident.assets[2]!.costVariable).toBe(REDACTED);
  });

  it("researchers see anonymised owners and no confidential figures", async () => {
    const m = await assetsAs("researcher");
    expect(m.assets.map((a) => a.owner)).toEqual(["stakeholder-1", "stakeholder-1", "stakeholder-2"]);
    expect(m.stakeholders.map((s) => s.id)).toEqual(["stakeholder-1", "stakeholder-2"]);
    expect(JSON.stringify(m)).not.toContain("housing-a");
    expect(m.assets[0]!.costInvest).toBe(REDACTED);
    const runId = await succeededRun(versionId);
    const summary = await (await h.call(h.actors.researcher, "GET", `/api/v1/runs/${runId}/summary`)).text();
    expect(summary).not.toContain("housing-a");
    expect(summary).not.toContain("caruna");
  });

  it("a partner's edit of a redacted document keeps the other partner's figures", async () => {
    const partner = h.actors.partner;
    const branch = await h.call(partner, "POST", `/api/v1/districts/${h.districtId}/scenarios`, {
      name: "Partner copy",
      fromVersionId: versionId,
    });
    const scenario = (await branch.json()) as { id: string; latestVersionId: string };
    const seen = (await (
      await h.call(partner, "GET", `/api/v1/versions/${scenario.latestVersionId}`)
    ).json()) as {
      model: { assets: Record<string, unknown>[] };
    };
    expect(seen.model.assets[2]!.costVariable).toBe(REDACTED);
    seen.model.assets[0]!.capacity = 60;
    const saved = await h.call(partner, "POST", `/api/v1/scenarios/${scenario.id}/versions`, {
      parentVersionId: scenario.latestVersionId,
      model: seen.model,
    });
    expect(saved.status).toBe(201);
    const stored = await h.store.versions.get(((await saved.json()) as { id: string }).id);
    const assets = (stored!.model as { assets: Record<string, unknown>[] }).assets;
    expect(assets[0]!.capacity).toBe(60);
    expect(assets[2]!.costVariable).toBe(0.01);
  });
});

describe("audit log", () => {
  it("records every mutating call with its actor", async () => {
    const admin = h.actors.platform_admin;
    await h.call(admin, "POST", "/api/v1/auth/tokens", { name: "audit-check" });
    const res = (await (await h.call(admin, "GET", "/api/v1/audit?limit=1000")).json()) as {
      items: { action: string; actor: string }[];
    };
    const actions = new Set(res.items.map((i) => i.action));
    for (const a of ["token.create", "scenario.create", "version.create", "run.create"]) {
      expect(actions).toContain(a);
    }
    expect(res.items.find((i) => i.action === "token.create")?.actor).toBe(admin.userId);
  });
});
