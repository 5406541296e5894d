/**
 * Glue between the job queue and @kera/store's runs (type-only import: the server wires the real store).
 * - reconcileRuns: on start, runs the database still shows as queued/running are compared with the
 *   queue; those the queue no longer knows (their worker is gone: crash, kill -9, in-process queue
 *   restarted) are marked `interrupted` so they can be run again; finished ones are brought up to date.
 * - createStoreResultCache: serves a job from a stored succeeded run with the same kind and input hash
 *   (store runs with `inputHash = jobInputHash(kind, input, options)` for this to hit).
 */
import type { JsonValue, Store } from "@kera/store";
import type { ResultCache } from "./result-cache.js";
import type { JobQueue } from "./types.js";

type RunsPort = Pick<Store["runs"], "listByStatus" | "finish">;
type ResultsPort = Pick<Store["results"], "get" | "save">;

export interface ReconcileReport {
  /** Runs marked interrupted (unknown to the queue). */
  interrupted: string[];
  /** Runs whose finished state was copied from the queue. */
  synced: string[];
  /** Runs the queue still has queued or running. */
  active: string[];
}

export async function reconcileRuns(input: {
  queue: Pick<JobQueue, "get">;
  runs: RunsPort;
  results?: ResultsPort;
  now?: () => Date;
}): Promise<ReconcileReport> {
  const now = input.now ?? (() => new Date());
  const report: ReconcileReport = { interrupted: [], synced: [], active: [] };
  for (const run of await input.runs.listByStatus(["queued", "running"])) {
    const job = await input.queue.get(run.id);
    if (!job) {
      const done = await input.runs.finish(run.id, {
        status: "interrupted",
        error: { code: "interrupted", message: "the worker running this job stopped; run it again" },
        at: now(),
      });
      if (done) report.interrupted.push(run.id);
      continue;
    }
    if (job.status === "queued" || job.status === "running") {
      report.active.push(run.id);
      continue;
    }
    if (job.status === "succeeded" && input.results) {
      const result = job.result as
        { summary?: unknown; series?: Record<string, ArrayLike<number>> } | undefined;
      await input.results.save({
        runId: run.id,
        summary: (result?.summary ?? result ?? null) as JsonValue,
        ...(result?.series ? { series: result.series } : {}),
      });
    }
    const done = await input.runs.finish(run.id, {
      status: job.status,
      error: job.error ?? null,
      at: job.finishedAt ? new Date(job.finishedAt) : now(),
    });
    if (done) report.synced.push(run.id);
  }
  return report;
}

/** A read-only ResultCache over stored runs: { summary, series } of the newest succeeded run with that input hash. */
export function createStoreResultCache(store: {
  runs: Pick<Store["runs"], "findSucceeded">;
  results: ResultsPort;
}): ResultCache {
  return {
    async get(kind, inputHash) {
      if (kind !== "simulate" && kind !== "optimize") return undefined;
      const run = await store.runs.findSucceeded(kind, inputHash);
      if (!run) return undefined;
      const result = await store.results.get(run.id);
      return result ? { result: { summary: result.summary, series: result.series } } : undefined;
    },
    async set() {
      // results are persisted with their runs by the server; nothing to do here
    },
  };
}
