/**
 * The job-queue adapter over the real in-process worker pool: runs are computed in a worker thread, every event is
 * recorded in the store before it is passed on, the event stream ends with the final status, and an identical run
 * is served from the store's earlier result (the persistent cache) without computing again.
 */
import { createStore, MEMORY_DATA_DIR } from "@kera/store";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "./app.js";
import { testConfig } from "./config.js";
import { RUN_KINDS, runHandlerRef, storeResultCache } from "./create-jobs.js";
import { createInProcessJobQueue } from "./jobs/index.js";
import type { JobEvent, ServerJobs, ServerStore } from "./ports.js";
import { createQueueJobs } from "./queue-jobs.js";
import { withReadCache } from "./read-cache.js";
import { createDistrictWithBaseline } from "./seed.js";
import { adaptStore } from "./store-adapter.js";
import { microModel, PASSWORD } from "./test-support/harness.js";
import { createAccount } from "./users.js";
import { hashSecret, newSecret } from "./auth/secrets.js";

let store: ServerStore;
let jobs: ServerJobs;
let versionId = "";
beforeAll(async () => {
  store = withReadCache(adaptStore(await createStore({ kind: "pglite", dataDir: MEMORY_DATA_DIR })));
  const queue = createInProcessJobQueue({ workers: 1, cache: storeResultCache(store) });
  for (const kind of RUN_KINDS) queue.registerHandler(kind, runHandlerRef());
  jobs = createQueueJobs(queue, store, pino({ level: "silent" }));
  const created = await createDistrictWithBaseline(
    { store },
    { slug: "micro", name: "Micro", model: microModel(), userId: null, organisation: null },
  );
  if (!created.ok || !created.version) throw new Error("seed");
  versionId = created.version.id;
}, 60_000);
afterAll(async () => {
  await jobs?.close(1000);
  await store?.close();
});

it("computes a run in a worker thread, records it, streams it, and serves the identical run from the store", async () => {
  const app = createApp({ store, jobs, logger: pino({ level: "silent" }), config: testConfig() });
  const { startRun } = await import("./compute/start-run.js");
  const version = (await store.versions.get(versionId))!;
  const run = await startRun({ store, jobs }, version, "simulate", {}, null);
  const events: JobEvent[] = [];
  let runningAt = Number.NaN;
  jobs.subscribe(run.id, (e) => {
    events.push(e);
    if (e.type === "running") runningAt = Date.now();
  });
  // The SSE stream of the app: it ends once the run has finished, with the final status last.
  const account = await createAccount(store, {
    email: "a@example.org",
    password: PASSWORD,
    role: "researcher",
    organisation: "vtt",
  });
  if (!account.ok) throw new Error("account");
  const token = newSecret();
  await store.tokens.create({ userId: account.user.id, name: "t", tokenHash: hashSecret(token) });
  const res = await app.request(`/api/v1/runs/${run.id}/events`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const stream = await res.text();
  const statuses = [...stream.matchAll(/event: status\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!).status);
  expect(statuses.at(-1)).toBe("succeeded");
  const stored = await store.runs.get(run.id);
  expect(stored).toMatchObject({ status: "succeeded", progress: 1 });
  expect(stored!.startedAt).not.toBeNull();
  // The start is recorded when a worker takes the run (before `running` is announced), not with the result.
  expect(Date.parse(stored!.startedAt!)).toBeLessThanOrEqual(runningAt);
  const result = await store.results.get(run.id);
  const firstSeries = Object.values(result?.series ?? {})[0];
  expect(firstSeries).toHaveLength(24); // the micro district's timeline
  expect(events.some((e) => e.type === "succeeded")).toBe(true);

  // Same version, kind and options: served from the store's result (the input hash matches the queue's).
  const again = await startRun({ store, jobs }, version, "simulate", {}, null);
  expect(again.inputHash).toBe(run.inputHash);
  for (let i = 0; i < 400 && (await store.runs.get(again.id))?.status !== "succeeded"; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  expect((await store.results.get(again.id))?.summary).toEqual(result?.summary);
}, 120_000);
