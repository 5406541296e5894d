/** Graceful shutdown re-queues unfinished runs; the next start computes them. */
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { requeueLeftovers, requeueUnfinished } from "./lifecycle.js";
import { createHarness, waitForRun, type Harness } from "./test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h?.close());

it("marks a run still running at shutdown interrupted, queues a copy, and the next start computes the copy", async () => {
  const logger = pino({ level: "silent" });
  const version = (await h.store.versions.get(h.baselineVersionId))!;
  const run = await h.store.runs.create({
    versionId: version.id,
    kind: "simulate",
    options: {},
    inputHash: "sha256:test",
    createdBy: null,
  });
  expect(await h.store.runs.markStarted(run.id, "worker-of-a-stopping-server")).toBe(true);
  const finished = await h.store.runs.create({
    versionId: version.id,
    kind: "simulate",
    options: {},
    inputHash: "sha256:other",
    createdBy: null,
  });
  await h.store.runs.markStarted(finished.id, "w");
  await h.store.runs.finish(finished.id, "succeeded", null);

  const copies = await requeueUnfinished(h.store, [run.id, finished.id], logger);
  expect(copies).toHaveLength(1);
  expect((await h.store.runs.get(run.id))?.status).toBe("interrupted");
  const copy = (await h.store.runs.get(copies[0]!))!;
  expect(copy).toMatchObject({ status: "queued", versionId: version.id, inputHash: "sha256:test" });

  const requeued = await requeueLeftovers(h.store, h.jobs, logger);
  expect(requeued).toEqual([copy.id]);
  expect(await waitForRun(h, copy.id)).toBe("succeeded");
});

it("does not copy or re-queue a variants run (its documents are not stored): it is interrupted, asked for again", async () => {
  const logger = pino({ level: "silent" });
  const running = await h.store.runs.create({
    versionId: h.baselineVersionId,
    kind: "variants",
    options: { purpose: "impact" },
    inputHash: "sha256:variants-running",
    createdBy: null,
  });
  await h.store.runs.markStarted(running.id, "worker-of-a-stopping-server");
  expect(await requeueUnfinished(h.store, [running.id], logger)).toEqual([]);
  expect((await h.store.runs.get(running.id))?.status).toBe("interrupted");

  const queued = await h.store.runs.create({
    versionId: h.baselineVersionId,
    kind: "variants",
    options: { purpose: "tracker" },
    inputHash: "sha256:variants-queued",
    createdBy: null,
  });
  expect(await requeueLeftovers(h.store, h.jobs, logger)).toEqual([]);
  const after = await h.store.runs.get(queued.id);
  expect(after?.status).toBe("interrupted");
  expect(after?.error).toContain("ask again");
});
