/**
 * The authorisation matrix: every operation the app serves × every role. The table below is an independent copy of
 * the intended policy (not imported from auth/policy.ts), so a policy change must be made in both places; a route
 * without a row here fails the test, and so does a row for a route that does not exist. Each row also builds a valid
 * request, so "allowed" means a 2xx answer (cancelling an already finished run: 409 after the gate).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret, newSecret } from "./auth/secrets.js";
import type { Role } from "./ports.js";
import { createAccount } from "./users.js";
import {
  createHarness,
  openProposal,
  PASSWORD,
  sizableModel,
  waitForRun,
  type Actor,
  type Harness,
} from "./test-support/harness.js";

const ALL: Role[] = ["platform_admin", "district_admin", "partner", "researcher", "resident", "anonymous"];
const SIGNED_IN: Role[] = ["platform_admin", "district_admin", "partner", "researcher", "resident"];
const EDITORS: Role[] = ["platform_admin", "district_admin", "partner"];
const ANALYSTS: Role[] = ["platform_admin", "district_admin", "partner", "researcher"];
const ADMINS: Role[] = ["platform_admin", "district_admin"];
const PA: Role[] = ["platform_admin"];
const SUPPORTERS: Role[] = ["partner", "resident"];
const COMMENTERS: Role[] = ["platform_admin", "district_admin", "partner", "resident"];

interface Fixture {
  h: Harness;
  scenarioId: string; // created by the partner (its organisation owns it)
  runId: string; // a succeeded run on that scenario
}
interface Req {
  method: string;
  path: string;
  body?: unknown;
  okStatuses?: number[];
}
type Build = (f: Fixture, actor: Actor, n: number) => Promise<Req> | Req;

const latest = async (f: Fixture) => (await f.h.store.versions.latest(f.scenarioId))!.id;

export const MATRIX: Record<string, { method: string; path: string; allowed: Role[]; build: Build }> = {
  getHealth: {
    method: "get",
    path: "/api/health",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/health" }),
  },
  getReady: {
    method: "get",
    path: "/api/ready",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/ready" }),
  },
  getOpenApi: {
    method: "get",
    path: "/api/openapi.json",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/openapi.json" }),
  },
  getDocs: {
    method: "get",
    path: "/api/docs",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/docs" }),
  },
  login: {
    method: "post",
    path: "/api/v1/auth/login",
    allowed: ALL,
    build: () => ({
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email: "resident@example.org", password: PASSWORD },
    }),
  },
  logout: {
    method: "post",
    path: "/api/v1/auth/logout",
    allowed: SIGNED_IN,
    build: () => ({ method: "POST", path: "/api/v1/auth/logout" }),
  },
  getMe: {
    method: "get",
    path: "/api/v1/auth/me",
    allowed: SIGNED_IN,
    build: () => ({ method: "GET", path: "/api/v1/auth/me" }),
  },
  createToken: {
    method: "post",
    path: "/api/v1/auth/tokens",
    allowed: SIGNED_IN,
    build: () => ({ method: "POST", path: "/api/v1/auth/tokens", body: { name: "ci" } }),
  },
  deleteToken: {
    method: "delete",
    path: "/api/v1/auth/tokens/{tokenId}",
    allowed: SIGNED_IN,
    build: async (f, actor) => {
      const owner = actor.userId ?? f.h.actors.resident.userId!;
      const t = await f.h.store.tokens.create({
        userId: owner,
        name: "x",
        tokenHash: hashSecret(newSecret()),
      });
      return { method: "DELETE", path: `/api/v1/auth/tokens/${t.id}` };
    },
  },
  listDistricts: {
    method: "get",
    path: "/api/v1/districts",
    allowed: SIGNED_IN,
    build: () => ({ method: "GET", path: "/api/v1/districts" }),
  },
  getDistrict: {
    method: "get",
    path: "/api/v1/districts/{districtId}",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}` }),
  },
  createDistrict: {
    method: "post",
    path: "/api/v1/districts",
    allowed: PA,
    build: (_f, actor, n) => ({
      method: "POST",
      path: "/api/v1/districts",
      body: { slug: `d-${actor.role.replace("_", "-")}-${n}`, name: "New district" },
    }),
  },
  updateDistrict: {
    method: "patch",
    path: "/api/v1/districts/{districtId}",
    allowed: ADMINS,
    build: (f) => ({
      method: "PATCH",
      path: `/api/v1/districts/${f.h.districtId}`,
      body: { name: "Micro district" },
    }),
  },
  listScenarios: {
    method: "get",
    path: "/api/v1/districts/{districtId}/scenarios",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/scenarios` }),
  },
  createScenario: {
    method: "post",
    path: "/api/v1/districts/{districtId}/scenarios",
    allowed: EDITORS,
    build: (f) => ({
      method: "POST",
      path: `/api/v1/districts/${f.h.districtId}/scenarios`,
      body: { name: "Proposal", fromVersionId: f.h.baselineVersionId },
    }),
  },
  getScenario: {
    method: "get",
    path: "/api/v1/scenarios/{scenarioId}",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/scenarios/${f.scenarioId}` }),
  },
  branchScenario: {
    method: "post",
    path: "/api/v1/scenarios/{scenarioId}/branch",
    allowed: EDITORS,
    build: (f) => ({
      method: "POST",
      path: `/api/v1/scenarios/${f.h.baselineScenarioId}/branch`,
      body: { name: "Branch" },
    }),
  },
  listVersions: {
    method: "get",
    path: "/api/v1/scenarios/{scenarioId}/versions",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/scenarios/${f.scenarioId}/versions` }),
  },
  createVersion: {
    method: "post",
    path: "/api/v1/scenarios/{scenarioId}/versions",
    allowed: EDITORS,
    build: async (f) => {
      const parent = await latest(f);
      const v = await f.h.store.versions.get(parent);
      return {
        method: "POST",
        path: `/api/v1/scenarios/${f.scenarioId}/versions`,
        body: { parentVersionId: parent, model: v!.model, message: "edit" },
      };
    },
  },
  getVersion: {
    method: "get",
    path: "/api/v1/versions/{versionId}",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/versions/${f.h.baselineVersionId}` }),
  },
  diffVersion: {
    method: "get",
    path: "/api/v1/versions/{versionId}/diff",
    allowed: ANALYSTS,
    build: async (f) => ({ method: "GET", path: `/api/v1/versions/${await latest(f)}/diff` }),
  },
  listRuns: {
    method: "get",
    path: "/api/v1/versions/{versionId}/runs",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/versions/${f.h.baselineVersionId}/runs` }),
  },
  createRun: {
    method: "post",
    path: "/api/v1/versions/{versionId}/runs",
    allowed: EDITORS,
    build: async (f) => ({
      method: "POST",
      path: `/api/v1/versions/${await latest(f)}/runs`,
      body: { kind: "simulate" },
    }),
  },
  getRun: {
    method: "get",
    path: "/api/v1/runs/{runId}",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/runs/${f.runId}` }),
  },
  getRunEvents: {
    method: "get",
    path: "/api/v1/runs/{runId}/events",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/runs/${f.runId}/events` }),
  },
  cancelRun: {
    method: "post",
    path: "/api/v1/runs/{runId}/cancel",
    allowed: EDITORS,
    build: (f) => ({ method: "POST", path: `/api/v1/runs/${f.runId}/cancel`, okStatuses: [202, 409] }),
  },
  getCooperation: {
    method: "get",
    path: "/api/v1/versions/{versionId}/cooperation",
    allowed: ANALYSTS,
    build: async (f) => ({
      method: "GET",
      path: `/api/v1/versions/${await latest(f)}/cooperation?typicalDays=1`,
    }),
  },
  getAlternatives: {
    method: "get",
    path: "/api/v1/versions/{versionId}/alternatives",
    allowed: ANALYSTS,
    build: async (f) => ({
      method: "GET",
      path: `/api/v1/versions/${await sizableVersion(f)}/alternatives?count=1&typicalDays=1`,
    }),
  },
  getRunSummary: {
    method: "get",
    path: "/api/v1/runs/{runId}/summary",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/runs/${f.runId}/summary` }),
  },
  getRunSeries: {
    method: "get",
    path: "/api/v1/runs/{runId}/series",
    allowed: ANALYSTS,
    build: (f) => ({ method: "GET", path: `/api/v1/runs/${f.runId}/series?format=csv` }),
  },
  getPublicDistrict: {
    method: "get",
    path: "/api/v1/public/districts/{slug}",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/v1/public/districts/micro" }),
  },
  getPublicInputs: {
    method: "get",
    path: "/api/v1/public/districts/{slug}/inputs",
    allowed: ALL,
    build: () => ({ method: "GET", path: "/api/v1/public/districts/micro/inputs" }),
  },
  getVersionInputs: {
    method: "get",
    path: "/api/v1/versions/{versionId}/inputs",
    allowed: SIGNED_IN,
    build: async (f) => ({ method: "GET", path: `/api/v1/versions/${await latest(f)}/inputs` }),
  },
  listStakeholders: {
    method: "get",
    path: "/api/v1/districts/{districtId}/stakeholders",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/stakeholders` }),
  },
  createStakeholder: {
    method: "post",
    path: "/api/v1/districts/{districtId}/stakeholders",
    allowed: ADMINS,
    build: (f, _a, n) => ({
      method: "POST",
      path: `/api/v1/districts/${f.h.districtId}/stakeholders`,
      body: { id: `sh-${n}`, name: "New partner", kind: "builder" },
    }),
  },
  listUsers: {
    method: "get",
    path: "/api/v1/users",
    allowed: PA,
    build: () => ({ method: "GET", path: "/api/v1/users" }),
  },
  createUser: {
    method: "post",
    path: "/api/v1/users",
    allowed: PA,
    build: (_f, _a, n) => ({
      method: "POST",
      path: "/api/v1/users",
      body: { email: `new${n}@example.org`, password: PASSWORD, role: "resident", organisation: "residents" },
    }),
  },
  updateUserRole: {
    method: "put",
    path: "/api/v1/users/{userId}/role",
    allowed: PA,
    build: async (f, _a, n) => {
      const u = await createAccount(f.h.store, {
        email: `role${n}@example.org`,
        password: PASSWORD,
        role: "resident",
        organisation: "residents",
      });
      if (!u.ok) throw new Error("setup");
      return {
        method: "PUT",
        path: `/api/v1/users/${u.user.id}/role`,
        body: { role: "researcher", organisation: "vtt", districtId: f.h.districtId },
      };
    },
  },
  listAudit: {
    method: "get",
    path: "/api/v1/audit",
    allowed: PA,
    build: () => ({ method: "GET", path: "/api/v1/audit?limit=5" }),
  },
  // participation (routes/participation.ts)
  listProposals: {
    method: "get",
    path: "/api/v1/districts/{districtId}/proposals",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/proposals` }),
  },
  createProposal: {
    method: "post",
    path: "/api/v1/districts/{districtId}/proposals",
    allowed: EDITORS,
    build: (f) => ({
      method: "POST",
      path: `/api/v1/districts/${f.h.districtId}/proposals`,
      body: { baseVersionId: f.h.baselineVersionId, title: "t", change: {} },
    }),
  },
  getProposal: {
    method: "get",
    path: "/api/v1/proposals/{proposalId}",
    allowed: SIGNED_IN,
    build: async (f) => ({ method: "GET", path: `/api/v1/proposals/${(await openProposal(f.h)).id}` }),
  },
  supportProposal: {
    method: "post",
    path: "/api/v1/proposals/{proposalId}/support",
    allowed: SUPPORTERS,
    build: async (f) => ({
      method: "POST",
      path: `/api/v1/proposals/${(await openProposal(f.h)).id}/support`,
    }),
  },
  listComments: {
    method: "get",
    path: "/api/v1/districts/{districtId}/comments",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/comments` }),
  },
  createComment: {
    method: "post",
    path: "/api/v1/districts/{districtId}/comments",
    allowed: COMMENTERS,
    build: (f) => ({
      method: "POST",
      path: `/api/v1/districts/${f.h.districtId}/comments`,
      body: { assetId: "pv-block-1", body: "hello" },
    }),
  },
  hideComment: {
    method: "post",
    path: "/api/v1/comments/{commentId}/hide",
    allowed: ADMINS,
    build: async (f) => {
      const c = await f.h.participation.comments.create({
        districtId: f.h.districtId,
        proposalId: null,
        assetId: "pv-block-1",
        parentCommentId: null,
        author: null,
        body: "x",
      });
      return { method: "POST", path: `/api/v1/comments/${c.id}/hide`, body: { reason: "r" } };
    },
  },
  acceptProposal: {
    method: "post",
    path: "/api/v1/proposals/{proposalId}/accept",
    allowed: ADMINS,
    build: async (f) => ({
      method: "POST",
      path: `/api/v1/proposals/${(await openProposal(f.h)).id}/accept`,
      body: {},
    }),
  },
  declineProposal: {
    method: "post",
    path: "/api/v1/proposals/{proposalId}/decline",
    allowed: ADMINS,
    build: async (f) => ({
      method: "POST",
      path: `/api/v1/proposals/${(await openProposal(f.h)).id}/decline`,
      body: { reason: "r" },
    }),
  },
  withdrawProposal: {
    method: "post",
    path: "/api/v1/proposals/{proposalId}/withdraw",
    allowed: EDITORS,
    build: async (f) => ({
      method: "POST",
      path: `/api/v1/proposals/${(await openProposal(f.h)).id}/withdraw`,
      body: {},
    }),
  },
  getProposalImpact: {
    method: "get",
    path: "/api/v1/proposals/{proposalId}/impact",
    allowed: SIGNED_IN,
    build: async (f) => ({ method: "GET", path: `/api/v1/proposals/${(await openProposal(f.h)).id}/impact` }),
  },
  listCommitments: {
    method: "get",
    path: "/api/v1/districts/{districtId}/commitments",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/commitments` }),
  },
  createCommitment: {
    method: "post",
    path: "/api/v1/districts/{districtId}/commitments",
    allowed: EDITORS,
    build: (f) => ({
      method: "POST",
      path: `/api/v1/districts/${f.h.districtId}/commitments`,
      body: { stakeholderId: "housing-a", buildingGroupId: "block-1", year: 2030 },
    }),
  },
  getTracker: {
    method: "get",
    path: "/api/v1/districts/{districtId}/tracker",
    allowed: SIGNED_IN,
    build: (f) => ({ method: "GET", path: `/api/v1/districts/${f.h.districtId}/tracker` }),
  },
};

/** A version of the sizable micro district (alternatives need something to size), made once. */
let sizable: Promise<string> | undefined;
function sizableVersion(f: Fixture): Promise<string> {
  sizable ??= (async () => {
    const s = await f.h.store.scenarios.create({
      districtId: f.h.districtId,
      name: "Sizable",
      parentScenarioId: null,
      createdBy: null,
      organisation: null,
    });
    const v = await f.h.store.versions.create({
      scenarioId: s.id,
      parentVersionId: null,
      model: sizableModel(),
      author: null,
      message: "extendable PV",
    });
    if (!v.ok) throw new Error("version");
    return v.version.id;
  })();
  return sizable;
}

let f: Fixture;
beforeAll(async () => {
  const h = await createHarness({ loginRateLimit: 1000 });
  const partner = h.actors.partner;
  const created = await h.call(partner, "POST", `/api/v1/districts/${h.districtId}/scenarios`, {
    name: "Housing proposal",
    fromVersionId: h.baselineVersionId,
  });
  expect(created.status).toBe(201);
  const scenario = (await created.json()) as { id: string; latestVersionId: string };
  const run = await h.call(partner, "POST", `/api/v1/versions/${scenario.latestVersionId}/runs`, {});
  const runId = ((await run.json()) as { id: string }).id;
  expect(await waitForRun(h, runId)).toBe("succeeded");
  f = { h, scenarioId: scenario.id, runId };
}, 60_000);
afterAll(async () => f?.h.close());

describe("authorisation matrix", () => {
  it("has exactly one row per served operation, and every OpenAPI operation is served", async () => {
    const served = f.h.app.operations.map((r) => `${r.method} ${r.path} ${r.operationId}`).sort();
    const table = Object.entries(MATRIX)
      .map(([id, row]) => `${row.method} ${row.path} ${id}`)
      .sort();
    expect(table).toEqual(served);
    const doc = (await (await f.h.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    expect(documented.length).toBeGreaterThan(30);
    for (const d of documented) expect(served).toContain(d);
  });

  let n = 0;
  for (const [operationId, row] of Object.entries(MATRIX)) {
    it(`${operationId}: ${row.method.toUpperCase()} ${row.path}`, async () => {
      for (const role of ALL) {
        const actor = f.h.actors[role];
        const req = await row.build(f, actor, ++n);
        const res = await f.h.call(actor, req.method, req.path, req.body);
        await res.arrayBuffer();
        const allowed = row.allowed.includes(role);
        const expected = allowed
          ? (req.okStatuses ?? [200, 201, 202, 204])
          : [role === "anonymous" ? 401 : 403];
        expect({ role, status: res.status }).toEqual({ role, status: expect.toBeOneOf(expected) });
      }
    });
  }
});

describe("partner ownership", () => {
  it("a partner cannot change another organisation's scenario or its runs", async () => {
    const other = f.h.actors.otherPartner;
    const parent = await latest(f);
    const v = await f.h.store.versions.get(parent);
    const edit = await f.h.call(other, "POST", `/api/v1/scenarios/${f.scenarioId}/versions`, {
      parentVersionId: parent,
      model: v!.model,
    });
    expect(edit.status).toBe(403);
    expect((await edit.json()) as { code: string }).toMatchObject({ code: "forbidden" });
    expect((await f.h.call(other, "POST", `/api/v1/versions/${parent}/runs`, {})).status).toBe(403);
    expect((await f.h.call(other, "POST", `/api/v1/runs/${f.runId}/cancel`)).status).toBe(403);
    // ... but may read it and branch it into its own proposal.
    expect((await f.h.call(other, "GET", `/api/v1/scenarios/${f.scenarioId}`)).status).toBe(200);
    expect(
      (await f.h.call(other, "POST", `/api/v1/scenarios/${f.scenarioId}/branch`, { name: "Mine" })).status,
    ).toBe(201);
  });

  it("roles are per district: a district admin of one district is a resident elsewhere", async () => {
    const admin = f.h.actors.platform_admin;
    const res = await f.h.call(admin, "POST", "/api/v1/districts", { slug: "elsewhere", name: "Elsewhere" });
    const other = (await res.json()) as { id: string };
    const city = f.h.actors.district_admin;
    expect((await f.h.call(city, "PATCH", `/api/v1/districts/${other.id}`, { name: "x" })).status).toBe(403);
    expect(
      (await f.h.call(city, "PATCH", `/api/v1/districts/${f.h.districtId}`, { name: "Micro district" }))
        .status,
    ).toBe(200);
  });
});
