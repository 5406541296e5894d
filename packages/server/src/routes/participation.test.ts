/**
 * Participation routes: proposals, supports, comments and moderation, decisions, impact, commitments and the tracker.
 * The shared harness is seeded here with targets and gets a second resident; the route × role matrix of these operations is in the
 * shared authorisation matrix (authorization-matrix.test.ts), the bad-input cases are here.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../compute/run-scenario.js";
import { REDACTED } from "../redact.js";
import { createHarness, microModel, type Actor, type Harness } from "../test-support/harness.js";
import { applyChange, indicatorsOf } from "./participation.js";

/** The shared harness, seeded with TARGETS, and a second resident. */
type Fixture = Harness & {
  scenarioId: string;
  baseVersionId: string;
  actors: Harness["actors"] & { resident2: Actor };
};

/** Target of the micro district: 2030, positivity ratio 5 and a CO2 cap no simulation reaches. */
const TARGETS = [{ year: 2030, energyPositivityRatio: 5, co2Max: 1e9 }];

async function createFixture(): Promise<Fixture> {
  const h = await createHarness({}, { model: { ...microModel(), targets: TARGETS } });
  const resident2 = await h.addActor("resident", "residents", "resident2@example.org");
  return {
    ...h,
    scenarioId: h.baselineScenarioId,
    baseVersionId: h.baselineVersionId,
    actors: { ...h.actors, resident2 },
  };
}

const NEW_PV = { kind: "pv", id: "pv-new", owner: "housing-a", location: "block-1", capacity: 80 };

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
}, 60_000);
afterAll(async () => f?.close());

const body = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

/** An analysis endpoint (impact, tracker): 202 with its run, the run succeeds, then 200 with the result. */
async function analysis(actor: Actor, url: string): Promise<Response> {
  const first = await f.call(actor, "GET", url);
  expect(first.status, await first.clone().text()).toBe(202);
  const { runId } = await body<{ runId: string }>(first);
  expect(first.headers.get("location")).toBe(`/api/v1/runs/${runId}`);
  for (let i = 0; i < 6000; i++) {
    const run = await f.store.runs.get(runId);
    if (run && run.status !== "queued" && run.status !== "running") {
      expect(run.status, run.error ?? "").toBe("succeeded");
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const again = await f.call(actor, "GET", url);
  expect(again.status, await again.clone().text()).toBe(200);
  return again;
}
const problem = async (res: Response) => {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return body<{ status: number; code: string; issues?: { path: string; code: string; message: string }[] }>(
    res,
  );
};

async function propose(actor: Actor, extra: Record<string, unknown> = {}) {
  const res = await f.call(actor, "POST", `/api/v1/districts/${f.districtId}/proposals`, {
    baseVersionId: f.baseVersionId,
    title: "More PV on block 1",
    rationale: "the roof has room",
    change: { assets: [NEW_PV] },
    investmentEur: 64000,
    payer: "housing-a",
    operator: "housing-a",
    ...extra,
  });
  expect(res.status).toBe(201);
  return body<{ id: string; investmentEur: unknown; status: string }>(res);
}

async function auditActions(target: string): Promise<string[]> {
  const entries = await f.store.audit.list({ limit: 1000 });
  return entries.filter((e) => e.target === target).map((e) => e.action);
}

async function simulateDirect(model: unknown) {
  const out = await runScenario(
    { model, kind: "simulate", options: {} },
    () => undefined,
    new AbortController().signal,
  );
  return indicatorsOf(out.summary);
}

describe("proposals", () => {
  it("creates, lists and gets a proposal, with an audit entry", async () => {
    const p = await propose(f.actors.partner);
    expect(p).toMatchObject({ status: "open", investmentEur: 64000 });
    const list = await body<{ items: { id: string }[] }>(
      await f.call(f.actors.resident, "GET", `/api/v1/districts/${f.districtId}/proposals`),
    );
    expect(list.items.map((x) => x.id)).toContain(p.id);
    const got = await body<{ id: string; change: unknown }>(
      await f.call(f.actors.researcher, "GET", `/api/v1/proposals/${p.id}`),
    );
    expect(got.id).toBe(p.id);
    expect(await auditActions(`proposal:${p.id}`)).toEqual(["proposal.create"]);
  });

  it("answers 422 with paths into the change, and 404 for unknown proposals", async () => {
    const url = `/api/v1/districts/${f.districtId}/proposals`;
    const bad = await f.call(f.actors.partner, "POST", url, {
      baseVersionId: f.baseVersionId,
      title: "Bad",
      change: { assets: [{ ...NEW_PV, capacity: -3 }] },
    });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).issues?.map((i) => i.path)).toContain("body.change.assets[0].capacity");

    const resized = await f.call(f.actors.partner, "POST", url, {
      baseVersionId: f.baseVersionId,
      title: "Shrink",
      change: { buildingGroups: [{ id: "block-1", heatedFloorArea: -1 }] },
    });
    expect((await problem(resized)).issues?.map((i) => i.path)).toContain(
      "body.change.buildingGroups[0].heatedFloorArea",
    );

    const refs = await f.call(f.actors.partner, "POST", url, {
      baseVersionId: "ver_missing",
      title: "x",
      change: {},
    });
    expect((await problem(refs)).issues?.map((i) => i.path)).toEqual(["body.baseVersionId"]);
    const payer = await f.call(f.actors.partner, "POST", url, {
      baseVersionId: f.baseVersionId,
      title: "x",
      change: {},
      payer: "nobody",
    });
    expect((await problem(payer)).issues?.map((i) => i.path)).toEqual(["body.payer"]);

    expect((await f.call(f.actors.partner, "GET", "/api/v1/proposals/prp_missing")).status).toBe(404);
    expect((await f.call(f.actors.partner, "GET", "/api/v1/districts/dst_missing/proposals")).status).toBe(
      404,
    );
  });

  it("redacts the investment of another organisation's proposal", async () => {
    const p = await propose(f.actors.partner);
    const seen = async (a: Actor) =>
      (await body<{ investmentEur: unknown }>(await f.call(a, "GET", `/api/v1/proposals/${p.id}`)))
        .investmentEur;
    expect(await seen(f.actors.partner)).toBe(64000);
    expect(await seen(f.actors.district_admin)).toBe(64000);
    expect(await seen(f.actors.otherPartner)).toBe(REDACTED);
    expect(await seen(f.actors.resident)).toBe(REDACTED);
    const list = await body<{ items: { id: string; investmentEur: unknown }[] }>(
      await f.call(f.actors.otherPartner, "GET", `/api/v1/districts/${f.districtId}/proposals`),
    );
    expect(list.items.find((x) => x.id === p.id)?.investmentEur).toBe(REDACTED);
  });

  it("support is one per user and idempotent; only the first is audited", async () => {
    const p = await propose(f.actors.partner);
    const url = `/api/v1/proposals/${p.id}/support`;
    const first = await f.call(f.actors.resident, "POST", url);
    expect(first.status).toBe(201);
    expect(await body(first)).toEqual({ added: true, supportCount: 1 });
    const again = await f.call(f.actors.resident, "POST", url);
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual({ added: false, supportCount: 1 });
    expect(await body(await f.call(f.actors.resident2, "POST", url))).toEqual({
      added: true,
      supportCount: 2,
    });
    const got = await body<{ supportCount: number; supportedByMe: boolean }>(
      await f.call(f.actors.resident, "GET", `/api/v1/proposals/${p.id}`),
    );
    expect(got).toMatchObject({ supportCount: 2, supportedByMe: true });
    expect((await auditActions(`proposal:${p.id}`)).filter((a) => a === "proposal.support")).toHaveLength(2);
    expect((await f.call(f.actors.researcher, "POST", url)).status).toBe(403);
  });
});

describe("comments and moderation", () => {
  it("threads comments on a proposal and on an asset; the admin hides one with a reason", async () => {
    const p = await propose(f.actors.partner);
    const url = `/api/v1/districts/${f.districtId}/comments`;
    const root = await body<{ id: string }>(
      await f.call(f.actors.resident, "POST", url, { proposalId: p.id, body: "Will it shade the yard?" }),
    );
    const replyRes = await f.call(f.actors.partner, "POST", url, {
      proposalId: p.id,
      parentCommentId: root.id,
      body: "No, it is on the roof.",
    });
    expect(replyRes.status).toBe(201);
    const reply = await body<{ id: string; parentCommentId: string }>(replyRes);
    expect(reply.parentCommentId).toBe(root.id);
    const onAsset = await f.call(f.actors.resident, "POST", url, {
      assetId: "pv-block-1",
      body: "Nice panels",
    });
    expect(onAsset.status).toBe(201);
    const onGroup = await f.call(f.actors.resident, "POST", url, { assetId: "block-1", body: "A map note" });
    expect(onGroup.status).toBe(201);

    const unknownAsset = await f.call(f.actors.resident, "POST", url, { assetId: "nope", body: "x" });
    expect((await problem(unknownAsset)).issues?.map((i) => i.path)).toEqual(["body.assetId"]);
    const crossThread = await f.call(f.actors.resident, "POST", url, {
      assetId: "pv-block-1",
      parentCommentId: root.id,
      body: "x",
    });
    expect((await problem(crossThread)).issues?.map((i) => i.path)).toEqual(["body.parentCommentId"]);
    const noTarget = await f.call(f.actors.resident, "POST", url, { body: "x" });
    expect((await problem(noTarget)).issues?.map((i) => i.path)).toEqual(["body.proposalId"]);
    expect((await f.call(f.actors.researcher, "POST", url, { proposalId: p.id, body: "x" })).status).toBe(
      403,
    );

    const hide = await f.call(f.actors.district_admin, "POST", `/api/v1/comments/${reply.id}/hide`, {
      reason: "advertising",
    });
    expect(hide.status).toBe(200);
    expect(await auditActions(`comment:${reply.id}`)).toEqual(["comment.hide", "comment.create"]);
    expect(
      (await f.call(f.actors.partner, "POST", `/api/v1/comments/${root.id}/hide`, { reason: "x" })).status,
    ).toBe(403);
    const seen = async (a: Actor) =>
      (
        await body<{
          items: { id: string; body: string | null; hidden: boolean; hiddenReason: string | null }[];
        }>(await f.call(a, "GET", `${url}?proposalId=${p.id}`))
      ).items;
    const asResident = await seen(f.actors.resident);
    expect(asResident.map((x) => x.id)).toEqual([root.id, reply.id]);
    expect(asResident[1]).toMatchObject({ body: null, hidden: true, hiddenReason: "advertising" });
    expect((await seen(f.actors.district_admin))[1]?.body).toBe("No, it is on the roof.");
  });
});

describe("decisions", () => {
  it("accept creates a new version whose model contains the change; decided proposals stay decided", async () => {
    const p = await propose(f.actors.partner);
    const before = await f.store.versions.latest(f.scenarioId);
    const res = await f.call(f.actors.district_admin, "POST", `/api/v1/proposals/${p.id}/accept`, {});
    expect(res.status).toBe(201);
    const out = await body<{
      proposal: { status: string; acceptedVersionId: string };
      version: { id: string };
    }>(res);
    expect(out.proposal.status).toBe("accepted");
    expect(out.proposal.acceptedVersionId).toBe(out.version.id);
    const version = await f.store.versions.get(out.version.id);
    expect(version?.parentVersionId).toBe(before?.id);
    const assets = (version?.model as { assets: { id: string; capacity: number }[] }).assets;
    expect(assets.find((a) => a.id === "pv-new")?.capacity).toBe(80);
    expect(assets.find((a) => a.id === "pv-block-1")?.capacity).toBe(50);
    expect(version?.message).toContain(p.id);
    expect(await auditActions(`proposal:${p.id}`)).toContain("proposal.accept");
    expect(
      (await f.call(f.actors.district_admin, "POST", `/api/v1/proposals/${p.id}/accept`, {})).status,
    ).toBe(409);
    expect(
      (await f.call(f.actors.district_admin, "POST", `/api/v1/proposals/${p.id}/decline`, { reason: "x" }))
        .status,
    ).toBe(409);
    expect((await f.call(f.actors.resident, "POST", `/api/v1/proposals/${p.id}/support`)).status).toBe(409);
  });

  it("decline needs a reason and is audited", async () => {
    const p = await propose(f.actors.partner);
    const url = `/api/v1/proposals/${p.id}/decline`;
    const noReason = await f.call(f.actors.district_admin, "POST", url, { reason: " " });
    expect((await problem(noReason)).issues?.map((i) => i.path)).toEqual(["body.reason"]);
    expect((await f.call(f.actors.partner, "POST", url, { reason: "mine" })).status).toBe(403);
    const res = await f.call(f.actors.district_admin, "POST", url, { reason: "grid connection too small" });
    expect(await body(res)).toMatchObject({
      status: "declined",
      decisionReason: "grid connection too small",
    });
    expect(await auditActions(`proposal:${p.id}`)).toEqual(["proposal.decline", "proposal.create"]);
  });
});

describe("withdrawal", () => {
  it("the proposing partner withdraws its proposal; another partner may not", async () => {
    const p = await propose(f.actors.partner);
    const url = `/api/v1/proposals/${p.id}/withdraw`;
    const other = await f.call(f.actors.otherPartner, "POST", url, { reason: "not mine" });
    expect(other.status).toBe(403);
    const res = await f.call(f.actors.partner, "POST", url, { reason: "financing fell through" });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ status: "withdrawn", decisionReason: "financing fell through" });
    expect(await auditActions(`proposal:${p.id}`)).toEqual(["proposal.withdraw", "proposal.create"]);
    expect((await f.call(f.actors.partner, "POST", url, {})).status).toBe(409);
    const open = await body<{ items: { id: string }[] }>(
      await f.call(f.actors.partner, "GET", `/api/v1/districts/${f.districtId}/proposals?status=open`),
    );
    expect(open.items.map((x) => x.id)).not.toContain(p.id);
    const badStatus = await f.call(
      f.actors.partner,
      "GET",
      `/api/v1/districts/${f.districtId}/proposals?status=x`,
    );
    expect((await problem(badStatus)).issues?.map((i) => i.path)).toEqual(["query.status"]);
  });
});

describe("impact, commitments and the tracker", () => {
  it("impact alone equals a direct simulation of base + change; combined applies every open proposal", async () => {
    const p = await propose(f.actors.partner, {
      change: { assets: [{ ...NEW_PV, id: "pv-impact", capacity: 40 }] },
    });
    const res = await analysis(f.actors.resident, `/api/v1/proposals/${p.id}/impact`);
    const impact = await body<{
      baseline: { generationKWh: number; co2NetKg: number };
      alone: { indicators: { generationKWh: number }; delta: { generationKWh: number } };
      combined: { proposals: string[]; indicators: { generationKWh: number } };
    }>(res);
    const base = (await f.store.versions.get(f.baseVersionId))!.model;
    const direct = await simulateDirect(
      applyChange(base, { assets: [{ ...NEW_PV, id: "pv-impact", capacity: 40 }] }).model,
    );
    expect(impact.alone.indicators).toEqual(direct);
    expect(impact.baseline).toEqual(await simulateDirect(base));
    expect(impact.alone.delta.generationKWh).toBeCloseTo(
      direct.generationKWh - impact.baseline.generationKWh,
      6,
    );
    expect(impact.alone.delta.generationKWh).toBeGreaterThan(0);
    const open = await f.participation.proposals.listByDistrict(f.districtId, "open");
    expect(impact.combined.proposals).toEqual(open.map((x) => x.id));
    expect(impact.combined.indicators.generationKWh).toBeGreaterThan(impact.alone.indicators.generationKWh);
  }, 60_000);

  it("commitments are recorded for own stakeholders; the tracker matches direct simulations", async () => {
    const p = await propose(f.actors.partner, {
      change: { assets: [{ ...NEW_PV, id: "pv-tracked", capacity: 120 }] },
    });
    const url = `/api/v1/districts/${f.districtId}/commitments`;
    const ok = await f.call(f.actors.partner, "POST", url, {
      stakeholderId: "housing-a",
      proposalId: p.id,
      year: 2029,
      description: "build in 2029",
    });
    expect(ok.status).toBe(201);
    const commitment = await body<{ id: string }>(ok);
    expect(await auditActions(`commitment:${commitment.id}`)).toEqual(["commitment.create"]);
    expect(
      (
        await f.call(f.actors.otherPartner, "POST", url, {
          stakeholderId: "housing-a",
          proposalId: p.id,
          year: 2029,
        })
      ).status,
    ).toBe(403);
    const later = await f.call(f.actors.district_admin, "POST", url, {
      stakeholderId: "caruna",
      buildingGroupId: "block-1",
      year: 2031,
    });
    expect(later.status).toBe(201);
    const both = await f.call(f.actors.partner, "POST", url, {
      stakeholderId: "housing-a",
      proposalId: p.id,
      buildingGroupId: "block-1",
      year: 2030,
    });
    expect((await problem(both)).issues?.map((i) => i.path)).toEqual(["body.proposalId"]);
    const unknown = await f.call(f.actors.partner, "POST", url, {
      stakeholderId: "nobody",
      buildingGroupId: "nope",
      year: 2030,
    });
    expect((await problem(unknown)).issues?.map((i) => i.path)).toEqual([
      "body.stakeholderId",
      "body.buildingGroupId",
    ]);
    const listed = await body<{ items: { id: string }[] }>(await f.call(f.actors.resident, "GET", url));
    expect(listed.items.map((x) => x.id)).toContain(commitment.id);

    const tracker = await body<{
      versionId: string;
      current: { energyPositivityRatio: number; co2NetKg: number };
      targets: {
        year: number;
        needed: { energyPositivityRatio: number };
        withCommitments: { energyPositivityRatio: number; generationKWh: number };
        committedProposals: string[];
        commitments: string[];
        met: { current: boolean; withCommitments: boolean };
        missing: { energyPositivityRatio: number; co2Kg: number };
      }[];
    }>(await analysis(f.actors.resident, `/api/v1/districts/${f.districtId}/tracker`));
    const latest = (await f.store.versions.latest(f.scenarioId))!;
    expect(tracker.versionId).toBe(latest.id);
    const current = await simulateDirect(latest.model);
    expect(tracker.current).toEqual(current);
    const withTracked = await simulateDirect(
      applyChange(latest.model, { assets: [{ ...NEW_PV, id: "pv-tracked", capacity: 120 }] }).model,
    );
    expect(tracker.targets).toHaveLength(1);
    const row = tracker.targets[0]!;
    expect(row.year).toBe(2030);
    expect(row.committedProposals).toEqual([p.id]);
    expect(row.commitments).toEqual([commitment.id]);
    expect(row.withCommitments).toEqual(withTracked);
    const currentRatio = current.energyPositivityRatio ?? Number.NaN;
    expect(row.withCommitments.energyPositivityRatio).toBeGreaterThan(currentRatio);
    expect(row.met.current).toBe(currentRatio >= 5);
    expect(row.missing.energyPositivityRatio).toBeCloseTo(
      Math.max(0, 5 - withTracked.energyPositivityRatio!),
      9,
    );
    expect(row.missing.co2Kg).toBe(0);
  }, 60_000);
});

describe("applyChange", () => {
  const item = fc.record({
    id: fc.constantFrom("a", "b", "c", "d"),
    capacity: fc.integer(),
    name: fc.string(),
  });
  const items = fc.uniqueArray(item, { selector: (x) => x.id, maxLength: 4 });
  const doc = fc.record({
    assets: items,
    name: fc.string(),
    site: fc.record({ lat: fc.double({ noNaN: true }) }),
  });
  const change = fc.record(
    { assets: items, name: fc.option(fc.string()), site: fc.record({ lat: fc.double({ noNaN: true }) }) },
    { requiredKeys: [] },
  );

  it("never changes its inputs, is idempotent, and {} changes nothing (property)", () => {
    fc.assert(
      fc.property(doc, change, (base, c) => {
        const before = JSON.stringify([base, c]);
        const once = applyChange(base, c as Record<string, unknown>).model;
        expect(JSON.stringify([base, c])).toBe(before);
        expect(applyChange(once, c as Record<string, unknown>).model).toEqual(once);
        expect(applyChange(base, {}).model).toEqual(base);
        if (c.name === null) expect("name" in once).toBe(false);
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it("merges assets by id, appends new ones, and maps merged paths back into the change", () => {
    const base = {
      assets: [
        { id: "a", capacity: 1 },
        { id: "b", capacity: 2 },
      ],
      name: "x",
    };
    const applied = applyChange(base, {
      assets: [
        { id: "c", capacity: 3 },
        { id: "a", capacity: 9 },
      ],
    });
    expect(applied.model.assets).toEqual([
      { id: "a", capacity: 9 },
      { id: "b", capacity: 2 },
      { id: "c", capacity: 3 },
    ]);
    expect(applied.changePath("assets[2].capacity")).toBe("assets[0].capacity");
    expect(applied.changePath("assets[0].capacity")).toBe("assets[1].capacity");
    expect(applied.changePath("assets[1].capacity")).toBeUndefined();
    expect(applied.changePath("name")).toBeUndefined();
  });
});
