/**
 * One analysis flow on BullMQ and the real Redis (KERA_TEST_REDIS_URL, default redis://127.0.0.1:6379; a unique
 * queue per run, its keys deleted after; fails, never skips, when Redis is down): GET cooperation → 202 → the run
 * is taken by the BullMQ worker (the handler `kera worker` registers for every run kind) → 200 from the stored result,
 * equal to a direct analysis; asking again while it computes starts no second run.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { computeCooperation, type CooperationDto } from "../compute/cooperation.js";
import { RUN_KINDS, runHandlerRef, storeResultCache } from "../create-jobs.js";
import { createBullmqJobQueue } from "../jobs/index.js";
import {
  assertRedisReachable,
  deleteQueueKeys,
  TEST_PREFIX,
  TEST_REDIS_URL,
  uniqueQueueName,
} from "../jobs/test-support/redis.js";
import { createQueueJobs } from "../queue-jobs.js";
import { createHarness, microModel, type Harness } from "../test-support/harness.js";

const queueName = uniqueQueueName();
let h: Harness;

beforeAll(async () => {
  await assertRedisReachable();
  h = await createHarness(
    {},
    {
      jobs: async (store, logger) => {
        const queue = await createBullmqJobQueue({
          redisUrl: TEST_REDIS_URL,
          queueName,
          prefix: TEST_PREFIX,
          worker: { concurrency: 1 },
          cache: storeResultCache(store),
        });
        for (const kind of RUN_KINDS) queue.registerHandler(kind, runHandlerRef());
        return createQueueJobs(queue, store, logger);
      },
    },
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
  await deleteQueueKeys(queueName);
});

it("cooperation on BullMQ: 202 → the worker computes the run → 200 equal to a direct analysis", async () => {
  const model = microModel() as { assets: { kind: string; owner: string }[] };
  for (const a of model.assets) if (a.kind === "battery") a.owner = "caruna";
  const created = await h.store.versions.create({
    scenarioId: h.baselineScenarioId,
    parentVersionId: h.baselineVersionId,
    model,
    author: null,
    message: "two partners",
  });
  if (!created.ok) throw new Error("version");
  const url = `/api/v1/versions/${created.version.id}/cooperation?typicalDays=1`;
  const admin = h.actors.district_admin;
  const first = await h.call(admin, "GET", url);
  expect(first.status).toBe(202);
  const { runId } = (await first.json()) as { runId: string };
  expect(first.headers.get("location")).toBe(`/api/v1/runs/${runId}`);
  const again = await h.call(admin, "GET", url);
  if (again.status === 202) expect(((await again.json()) as { runId: string }).runId).toBe(runId);
  let status = "queued";
  for (let i = 0; i < 1200 && (status === "queued" || status === "running"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = ((await (await h.call(admin, "GET", `/api/v1/runs/${runId}`)).json()) as { status: string })
      .status;
  }
  expect(status).toBe("succeeded");
  const done = await h.call(admin, "GET", url);
  expect(done.status).toBe(200);
  const direct = await computeCooperation(model, { typicalDays: 1, metric: "cost" });
  expect((await done.json()) as CooperationDto).toEqual(JSON.parse(JSON.stringify(direct)));
  const runs = (await h.store.runs.listByVersion(created.version.id)).filter((r) => r.kind === "cooperation");
  expect(runs.map((r) => r.id)).toEqual([runId]);
}, 180_000);
