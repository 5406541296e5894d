import { createStore, MEMORY_DATA_DIR, type Store } from "@kera/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "./in-process-queue.js";
import { jobInputHash } from "./input-hash.js";
import { createStoreResultCache, reconcileRuns } from "./store-bridge.js";
import { collect, registerTestHandlers } from "./test-support/job-queue-contract.js";

describe("job queue ↔ store", () => {
  let store: Store;
  let versionId: string;
  beforeAll(async () => {
    store = await createStore({ kind: "pglite", dataDir: MEMORY_DATA_DIR });
    const d = await store.districts.create({ slug: "kera", name: "Kera" });
    const s = await store.scenarios.create({ districtId: d.id, name: "baseline" });
    versionId = (
      await store.versions.create({ scenarioId: s.id, parentVersionId: null, model: { id: "kera" } })
    ).id;
  }, 60_000);
  afterAll(async () => store.close());

  it("after a restart, runs the new queue does not know are marked interrupted and can be re-run", async () => {
    const t = new Date("2026-06-01T00:00:00Z");
    const orphan = await store.runs.create({ versionId, kind: "simulate", inputHash: "h1" });
    await store.runs.markStarted(orphan.id, "old-process", t);
    const waiting = await store.runs.create({ versionId, kind: "simulate", inputHash: "h2" });
    const queue = createInProcessJobQueue({ workers: 2 });
    registerTestHandlers(queue);
    try {
      const live = await store.runs.create({ versionId, kind: "simulate", inputHash: "h3" });
      await queue.enqueue({ id: live.id, kind: "sleepUntilCancelled", input: {} });
      const report = await reconcileRuns({ queue, runs: store.runs, results: store.results, now: () => t });
      expect(report.interrupted.sort()).toEqual([orphan.id, waiting.id].sort());
      expect(report.active).toEqual([live.id]);
      expect((await store.runs.get(orphan.id))?.status).toBe("interrupted");
      // re-run: a fresh job for the same version and input
      const again = await store.runs.create({ versionId, kind: "simulate", inputHash: orphan.inputHash });
      const id = await queue.enqueue({ id: again.id, kind: "sum", input: { numbers: [1, 2] } });
      expect((await collect(queue, id)).at(-1)?.type).toBe("succeeded");
      // finished in the queue, still "running" in the store → synced with its result
      await store.runs.markStarted(again.id, "this-process", t);
      const synced = await reconcileRuns({ queue, runs: store.runs, results: store.results, now: () => t });
      expect(synced.synced).toContain(again.id);
      expect((await store.runs.get(again.id))?.status).toBe("succeeded");
      expect(await store.results.getSummary(again.id)).toMatchObject({ sum: 3 });
      await queue.cancel(live.id);
      await collect(queue, live.id);
    } finally {
      await queue.close();
    }
  });

  it("serves a job from a stored succeeded run with the same input hash", async () => {
    const input = { model: { id: "kera" }, hours: 24 };
    const hash = jobInputHash("simulate", input, { mode: "fast" });
    const run = await store.runs.create({ versionId, kind: "simulate", inputHash: hash });
    await store.results.save({
      runId: run.id,
      summary: { kpi: 1 },
      series: { load: Float64Array.from([1, 2, 3]) },
    });
    await store.runs.finish(run.id, { status: "succeeded", at: new Date() });
    const queue = createInProcessJobQueue({ workers: 1, cache: createStoreResultCache(store) });
    queue.registerHandler("simulate", { module: "/nonexistent/handler.mjs", exportName: "never" });
    try {
      const id = await queue.enqueue({ kind: "simulate", input, options: { mode: "fast" } });
      const done = (await collect(queue, id)).at(-1);
      expect(done).toMatchObject({ type: "succeeded", cached: true });
      const result = (await queue.get(id))?.result as { summary: unknown; series: { load: Float64Array } };
      expect(result.summary).toEqual({ kpi: 1 });
      expect(Array.from(result.series.load)).toEqual([1, 2, 3]);
      // a different option misses the cache and reaches the (broken) handler
      const miss = await queue.enqueue({ kind: "simulate", input, options: { mode: "exact" } });
      expect((await collect(queue, miss)).at(-1)).toMatchObject({
        type: "failed",
        error: { code: "bad-handler" },
      });
    } finally {
      await queue.close();
    }
  });
});
