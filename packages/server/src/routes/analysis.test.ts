/**
 * Analyses run as jobs (routes/analysis.ts), over the real in-process worker pool, the real engine and HiGHS:
 * each endpoint answers 202 with its run, the run succeeds in a worker thread, and the endpoint then answers 200
 * from the stored result; asking again never starts a duplicate, a failed or cancelled run is not reused, errors
 * known without computing stay synchronous, and a cooperation run's summary keeps the partner lens.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAlternatives } from "../compute/alternatives.js";
import { computeCooperation, type CooperationDto } from "../compute/cooperation.js";
import { indicatorsOf } from "../compute/indicators.js";
import { runJob } from "../compute/run-job.js";
import { RunInputError, runScenario } from "../compute/run-scenario.js";
import { runInputHash, startRun } from "../compute/start-run.js";
import { RUN_KINDS, runHandlerRef, storeResultCache } from "../create-jobs.js";
import { createInProcessJobQueue } from "../jobs/index.js";
import type { RunRecord, VersionRecord } from "../ports.js";
import { createQueueJobs } from "../queue-jobs.js";
import {
  createHarness,
  microModel,
  sizableModel,
  twoPartnerModel,
  type Actor,
  type Harness,
} from "../test-support/harness.js";
import { applyChange } from "./participation.js";

const TERMINAL = new Set(["succeeded", "failed", "cancelled", "interrupted"]);

interface Pending {
  status: "queued" | "running";
  runId: string;
  progress: number;
  message: string | null;
}

let h: Harness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness(
    {},
    {
      jobs: (store, logger) => {
        const queue = createInProcessJobQueue({ workers: 1, cache: storeResultCache(store) });
        for (const kind of RUN_KINDS) queue.registerHandler(kind, runHandlerRef());
        return createQueueJobs(queue, store, logger);
      },
    },
  );
  admin = h.actors.district_admin;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function newVersion(model: unknown, message: string): Promise<VersionRecord> {
  const latest = await h.store.versions.latest(h.baselineScenarioId);
  const created = await h.store.versions.create({
    scenarioId: h.baselineScenarioId,
    parentVersionId: latest?.id ?? null,
    model,
    author: null,
    message,
  });
  if (!created.ok) throw new Error("version conflict");
  return created.version;
}

/** Polls GET /api/v1/runs/{runId} as a client does, until the run has finished. */
async function waitForRun(runId: string, timeoutMs = 180_000): Promise<RunRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await h.call(admin, "GET", `/api/v1/runs/${runId}`);
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunRecord;
    if (TERMINAL.has(run.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} did not finish: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** GET → 202 (the run, Location header) → the run succeeds → GET → 200. Returns both answers. */
async function flow(actor: Actor, url: string): Promise<{ pending: Pending; body: unknown; ms: number }> {
  const t0 = performance.now();
  const first = await h.call(actor, "GET", url);
  const ms = performance.now() - t0;
  expect(first.status, await first.clone().text()).toBe(202);
  const pending = (await first.json()) as Pending;
  expect(["queued", "running"]).toContain(pending.status);
  expect(pending.progress).toBeGreaterThanOrEqual(0);
  expect(pending.progress).toBeLessThanOrEqual(1);
  expect(first.headers.get("location")).toBe(`/api/v1/runs/${pending.runId}`);
  const run = await waitForRun(pending.runId);
  expect(run.status, run.error ?? "").toBe("succeeded");
  const second = await h.call(actor, "GET", url);
  expect(second.status, await second.clone().text()).toBe(200);
  return { pending, body: await second.json(), ms };
}

const runsOf = async (versionId: string, kind: string) =>
  (await h.store.runs.listByVersion(versionId)).filter((r) => r.kind === kind);

describe("GET /versions/{id}/cooperation as a job", () => {
  it("202 → the run succeeds → 200 equal to a direct analysis; no duplicate run; the partner lens holds on the run's summary", async () => {
    const model = twoPartnerModel();
    const version = await newVersion(model, "battery to the grid company");
    const url = `/api/v1/versions/${version.id}/cooperation?typicalDays=1`;

    const first = await h.call(admin, "GET", url);
    expect(first.status).toBe(202);
    const pending = (await first.json()) as Pending;
    // Asking again (before and while it computes) returns the same run and starts no other.
    const again = await h.call(h.actors.partner, "GET", url);
    expect(again.status).toBe(202);
    expect(((await again.json()) as Pending).runId).toBe(pending.runId);
    expect((await runsOf(version.id, "cooperation")).map((r) => r.id)).toEqual([pending.runId]);

    const run = await waitForRun(pending.runId);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.progress).toBe(1);

    const res = await h.call(admin, "GET", url);
    expect(res.status).toBe(200);
    const dto = (await res.json()) as CooperationDto;
    const direct = await computeCooperation(model, { typicalDays: 1, metric: "cost" });
    expect(dto).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(dto.players).toEqual(["housing-a", "caruna"]);
    expect((await runsOf(version.id, "cooperation")).map((r) => r.id)).toEqual([pending.runId]);

    // The partner (housing-org owns housing-a) sees the totals and only its own row, on both routes.
    const mine = (await (await h.call(h.actors.partner, "GET", url)).json()) as CooperationDto;
    expect(mine.totals).toEqual(dto.totals);
    expect(mine.partners.map((p) => p.stakeholder)).toEqual(["housing-a"]);
    const summary = await h.call(h.actors.partner, "GET", `/api/v1/runs/${pending.runId}/summary`);
    expect(summary.status).toBe(200);
    const lensed = ((await summary.json()) as { summary: CooperationDto }).summary;
    expect(lensed).toEqual(mine);
    expect(JSON.stringify(lensed)).not.toContain('"stakeholder":"caruna"');
    const full = await h.call(admin, "GET", `/api/v1/runs/${pending.runId}/summary`);
    expect(((await full.json()) as { summary: CooperationDto }).summary.partners).toHaveLength(2);
    // A researcher sees pseudonyms; a resident, who may not read the analysis, may not read its run either.
    const researcher = await h.call(h.actors.researcher, "GET", `/api/v1/runs/${pending.runId}/summary`);
    expect(JSON.stringify(await researcher.json())).not.toMatch(/housing-a|caruna/);
    const resident = await h.call(h.actors.resident, "GET", `/api/v1/runs/${pending.runId}/summary`);
    expect(resident.status).toBe(403);
    // No hourly series for analyses; the run is listed with its kind.
    const series = await h.call(admin, "GET", `/api/v1/runs/${pending.runId}/series`);
    expect(await series.json()).toEqual({ runId: pending.runId, series: {} });
    const listed = await h.call(admin, "GET", `/api/v1/versions/${version.id}/runs`);
    expect(((await listed.json()) as { items: RunRecord[] }).items.map((r) => r.kind)).toContain(
      "cooperation",
    );
  }, 240_000);

  it("concurrent requests for the same input share one run", async () => {
    const version = await newVersion(twoPartnerModel(), "concurrent");
    const url = `/api/v1/versions/${version.id}/cooperation?typicalDays=3&metric=co2`;
    const answers = await Promise.all(
      [admin, h.actors.partner, h.actors.researcher, admin, h.actors.platform_admin].map((a) =>
        h.call(a, "GET", url),
      ),
    );
    const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as Pending).runId));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(ids).size).toBe(1);
    expect((await runsOf(version.id, "cooperation")).map((r) => r.id)).toEqual([ids[0]]);
    expect((await waitForRun(ids[0]!)).status).toBe("succeeded");
  }, 120_000);

  it("unknown players are a synchronous 422 and start no run", async () => {
    const version = await newVersion(twoPartnerModel(), "players");
    const res = await h.call(
      admin,
      "GET",
      `/api/v1/versions/${version.id}/cooperation?players=housing-a,nobody`,
    );
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { issues: { path: string; message: string }[] };
    expect(problem.issues.map((i) => [i.path, i.message])).toEqual([
      ["query.players", "no stakeholder nobody"],
    ]);
    expect(await runsOf(version.id, "cooperation")).toEqual([]);
  });

  it("a failed or cancelled run is not reused: the next GET starts a new run", async () => {
    const model = twoPartnerModel();
    const version = await newVersion(model, "failures");
    const options = { typicalDays: 2, metric: "cost" };
    // Finished-but-unsuccessful runs with exactly the input the endpoint asks for.
    const ended: string[] = [];
    for (const status of ["failed", "cancelled", "interrupted"] as const) {
      const r = await h.store.runs.create({
        versionId: version.id,
        kind: "cooperation",
        options,
        inputHash: runInputHash("cooperation", model, options),
        createdBy: null,
      });
      await h.store.runs.finish(r.id, status, status === "cancelled" ? null : "simulated");
      ended.push(r.id);
    }
    const url = `/api/v1/versions/${version.id}/cooperation?typicalDays=2`;
    const res = await h.call(admin, "GET", url);
    expect(res.status).toBe(202);
    const started = (await res.json()) as Pending;
    expect(ended).not.toContain(started.runId);
    expect((await runsOf(version.id, "cooperation")).length).toBe(4);
    expect((await waitForRun(started.runId)).status).toBe("succeeded");
    expect((await h.call(admin, "GET", url)).status).toBe(200);

    // A run whose input cannot be computed fails in the worker with the path-qualified reason.
    const bad = await startRun(h, version, "cooperation", { typicalDays: 0 }, null);
    const badRun = await waitForRun(bad.id);
    expect(badRun.status).toBe("failed");
    expect(badRun.error).toContain("options.typicalDays: an integer 1..60");
  }, 240_000);
});

describe("GET /proposals/{id}/impact and /districts/{id}/tracker as variants runs", () => {
  const NEW_PV = { kind: "pv", owner: "housing-a", location: "block-1", capacity: 60 };

  it("impact: 202 → one variants run → 200 equal to direct simulations; tracker likewise; 409 stays synchronous", async () => {
    const base = await h.store.versions.get(h.baselineVersionId);
    const change = { assets: [{ ...NEW_PV, id: "pv-variant" }] };
    const create = await h.call(h.actors.partner, "POST", `/api/v1/districts/${h.districtId}/proposals`, {
      baseVersionId: h.baselineVersionId,
      title: "More PV",
      change,
    });
    expect(create.status).toBe(201);
    const proposal = (await create.json()) as { id: string };
    const { pending, body } = await flow(h.actors.resident, `/api/v1/proposals/${proposal.id}/impact`);
    const runs = await runsOf(h.baselineVersionId, "variants");
    expect(runs.map((r) => r.id)).toContain(pending.runId);
    const simulate = async (model: unknown) =>
      indicatorsOf(
        (
          await runScenario(
            { model, kind: "simulate", options: {} },
            () => undefined,
            new AbortController().signal,
          )
        ).summary,
      );
    const impact = body as {
      baseline: unknown;
      alone: { indicators: { generationKWh: number }; delta: { generationKWh: number } };
    };
    expect(impact.baseline).toEqual(await simulate(base!.model));
    const alone = await simulate(applyChange(base!.model, change).model);
    expect(impact.alone.indicators).toEqual(alone);
    expect(impact.alone.delta.generationKWh).toBeGreaterThan(0);
    // Asking again: 200 from the same run, no new run.
    expect((await h.call(h.actors.resident, "GET", `/api/v1/proposals/${proposal.id}/impact`)).status).toBe(
      200,
    );
    expect((await runsOf(h.baselineVersionId, "variants")).length).toBe(runs.length);

    // Tracker (the model has no targets: only the current plan is simulated).
    const tracker = await flow(h.actors.resident, `/api/v1/districts/${h.districtId}/tracker`);
    const t = tracker.body as { versionId: string; current: unknown; targets: unknown[] };
    const latest = (await h.store.versions.latest(h.baselineScenarioId))!;
    expect(t.versionId).toBe(latest.id);
    expect(t.current).toEqual(await simulate(latest.model));

    // A change that no longer applies: 409 before any run.
    const broken = await h.participation.proposals.create({
      districtId: h.districtId,
      baseVersionId: h.baselineVersionId,
      title: "broken",
      rationale: "",
      change: { assets: [{ id: "pv-block-1", capacity: -5 }] },
      investmentEur: null,
      payer: null,
      operator: null,
      author: null,
      organisation: "housing-org",
    });
    const before = (await h.store.runs.listByVersion(h.baselineVersionId)).length;
    const conflict = await h.call(admin, "GET", `/api/v1/proposals/${broken.id}/impact`);
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { code: string }).code).toBe("change-conflict");
    expect((await h.store.runs.listByVersion(h.baselineVersionId)).length).toBe(before);
    await h.participation.proposals.decide(broken.id, {
      status: "declined",
      reason: "x",
      acceptedVersionId: null,
    });
  }, 240_000);
});

describe("GET /versions/{id}/alternatives", () => {
  it("202 → 200: every plan within (1 + slack) of the optimum, which equals a plan-mode optimisation; plans differ in the pushed group", async () => {
    const model = sizableModel();
    const version = await newVersion(model, "something to size");
    const slack = 0.05;
    const { body, pending } = await flow(
      h.actors.partner,
      `/api/v1/versions/${version.id}/alternatives?slack=${slack}&count=4&typicalDays=1`,
    );
    const alt = body as Awaited<ReturnType<typeof computeAlternatives>>;
    // The run's summary is the analysis: analysts read it, residents (refused the analysis) may not.
    expect((await h.call(h.actors.researcher, "GET", `/api/v1/runs/${pending.runId}/summary`)).status).toBe(
      200,
    );
    expect((await h.call(h.actors.resident, "GET", `/api/v1/runs/${pending.runId}/summary`)).status).toBe(
      403,
    );
    expect(alt.status).toBe("optimal");
    expect([alt.slack, alt.typicalDays]).toEqual([slack, 1]);
    expect(alt.plans.map((p) => p.name)).toEqual([
      "optimum",
      "min pv",
      "max pv",
      "max storage",
      "min storage",
    ]);
    const optimum = alt.optimumEur!;
    expect(optimum).toBeGreaterThan(0);
    for (const p of alt.plans) {
      expect(p.status).toBe("optimal");
      expect(p.costEur!).toBeLessThanOrEqual((1 + slack) * optimum + 1e-6 * optimum);
      expect(p.costEur!).toBeGreaterThanOrEqual(optimum - 1e-6 * optimum);
      expect(p.costIncrease!).toBeCloseTo((p.costEur! - optimum) / optimum, 9);
      expect(p.indicators).not.toBeNull();
      expect(p.totals.pv).toBeCloseTo(p.capacities["pv-extra"]!.value, 9);
      expect(p.capacities["pv-extra"]!.unit).toBe("kWp");
      expect(p.capacities["battery-extra"]!.unit).toBe("kWh");
    }
    const [best, minPv, maxPv, maxStorage, minStorage] = alt.plans;
    expect(minPv!.totals.pv).toBeLessThanOrEqual(best!.totals.pv + 1e-6);
    expect(maxPv!.totals.pv).toBeGreaterThan(minPv!.totals.pv + 1e-3);
    expect(maxStorage!.totals.storage).toBeGreaterThanOrEqual(best!.totals.storage - 1e-6);
    // A battery sized from 0 kWh can charge (its power scales with the capacity): "max storage" builds one.
    expect(maxStorage!.totals.storage).toBeGreaterThan(minStorage!.totals.storage + 0.1);
    expect(minStorage!.totals.storage).toBeLessThanOrEqual(best!.totals.storage + 1e-6);
    // More PV, more generation in the full-year replay.
    expect(maxPv!.indicators!.generationKWh).toBeGreaterThan(minPv!.indicators!.generationKWh);

    // The optimum is the plan-mode optimisation of the same version on the same typical day (another job path).
    const run = await h.call(admin, "POST", `/api/v1/versions/${version.id}/runs`, {
      kind: "optimize",
      options: { mode: "plan", typicalDays: 1 },
    });
    expect(run.status).toBe(202);
    const optimized = await waitForRun(((await run.json()) as RunRecord).id);
    expect(optimized.status).toBe("succeeded");
    const summary = (await (await h.call(admin, "GET", `/api/v1/runs/${optimized.id}/summary`)).json()) as {
      summary: { objectiveEur: number; capacities: Record<string, { value: number }> };
    };
    expect(summary.summary.objectiveEur).toBeCloseTo(optimum, 6);
  }, 240_000);

  it("422 nothing-to-size without an extendable asset, 422 on a bad query; neither starts a run", async () => {
    const none = await h.call(admin, "GET", `/api/v1/versions/${h.baselineVersionId}/alternatives`);
    expect(none.status).toBe(422);
    expect(((await none.json()) as { code: string }).code).toBe("nothing-to-size");
    const bad = await h.call(
      admin,
      "GET",
      `/api/v1/versions/${h.baselineVersionId}/alternatives?slack=0.9&count=9`,
    );
    expect(bad.status).toBe(422);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(issues).toEqual(["query.count", "query.slack"]);
    expect(await runsOf(h.baselineVersionId, "alternatives")).toEqual([]);
    // The job checks too (a document edited past the route's check): the run fails with nothing-to-size.
    const version = (await h.store.versions.get(h.baselineVersionId))!;
    const direct = await computeAlternatives(version.model, { slack: 0.05, count: 1, typicalDays: 1 }).catch(
      (e: unknown) => e,
    );
    expect((direct as { code?: string }).code).toBe("nothing-to-size");
  });
});

describe("runJob (the handler of every run kind): progress and cancellation of the analyses", () => {
  const inputs = () =>
    [
      { kind: "cooperation", model: twoPartnerModel(), options: { typicalDays: 1 } },
      {
        kind: "variants",
        model: {
          variants: [
            { key: "a", model: microModel() },
            { key: "b", model: twoPartnerModel() },
          ],
        },
        options: {},
      },
      { kind: "alternatives", model: sizableModel(), options: { count: 2, typicalDays: 1 } },
    ] as const;

  it("reports progress rising to 1, and stores no series", async () => {
    for (const input of inputs()) {
      const seen: number[] = [];
      const out = await runJob(input, (f) => seen.push(f), new AbortController().signal);
      expect(seen.length, input.kind).toBeGreaterThan(2);
      expect(seen.at(-1), input.kind).toBe(1);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!, input.kind).toBeGreaterThanOrEqual(seen[i - 1]!);
      expect(out.series).toEqual({});
    }
  }, 120_000);

  it("stops when the signal is aborted", async () => {
    for (const input of inputs()) {
      const controller = new AbortController();
      const error = await runJob(
        input,
        (f) => {
          if (f > 0.1) controller.abort(new Error("cancelled"));
        },
        controller.signal,
      ).catch((e: unknown) => e);
      expect(error, input.kind).toBeInstanceOf(Error);
      expect((error as Error).message, input.kind).toBe("cancelled");
    }
  }, 120_000);

  it("variants: identical documents are simulated once and keep their keys; a bad list fails with a path", async () => {
    const out = await runJob(
      {
        kind: "variants",
        model: {
          variants: [
            { key: "x", model: microModel() },
            { key: "y", model: microModel() },
          ],
        },
        options: {},
      },
      () => undefined,
      new AbortController().signal,
    );
    const v = (out.summary as { variants: Record<string, unknown> }).variants;
    expect(Object.keys(v)).toEqual(["x", "y"]);
    expect(v.x).toEqual(v.y);
    const bad = await runJob(
      {
        kind: "variants",
        model: {
          variants: [
            { key: "x", model: microModel() },
            { key: "x", model: microModel() },
          ],
        },
        options: {},
      },
      () => undefined,
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect((bad as RunInputError).issues).toEqual([
      { path: "variants[1].key", message: "a string, unique in the run" },
    ]);
  });
});
