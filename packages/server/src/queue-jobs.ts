import type { Logger } from "pino";
import { runJobInput, type RunJobResult } from "./compute/simulate-job.js";
import type { JobEvent as QueueEvent, JobQueue } from "./jobs/types.js";
import type { JobEvent, ServerJobs, ServerStore } from "./ports.js";
import { createRunListeners } from "./run-listeners.js";

/**
 * Adapts the job queue (in-process worker pool or BullMQ) to ServerJobs: the run id is the job id; every queue
 * event is written to the store (run status, progress, result) BEFORE it is passed on, so a listener that re-reads
 * the store always sees the state the event announces.
 */
export function createQueueJobs(
  queue: JobQueue,
  store: ServerStore,
  logger: Logger,
  options: { timeLimitS?: number } = {},
): ServerJobs & { readonly queue: JobQueue } {
  const { emit, subscribe } = createRunListeners();
  const chains = new Map<string, Promise<void>>();

  const persist = async (e: QueueEvent): Promise<JobEvent | undefined> => {
    const id = e.jobId;
    switch (e.type) {
      case "queued":
        return { type: "queued" };
      case "started":
        await store.runs.markStarted(id, e.workerId || "worker");
        return { type: "running" };
      case "progress":
        await store.runs.updateProgress(id, e.fraction, e.message);
        return {
          type: "progress",
          fraction: e.fraction,
          ...(e.message === null ? {} : { message: e.message }),
        };
      case "succeeded": {
        const result = e.result as RunJobResult;
        // A cache hit never started (finish() needs queued|running), nor did a run whose start event was missed;
        // a run recorded as started keeps its start time and worker.
        if (e.cached || (await store.runs.get(id))?.status === "queued")
          await store.runs.markStarted(id, e.cached ? "cache" : "worker");
        await store.results.put({ runId: id, summary: result.summary, series: result.series });
        await store.runs.finish(id, "succeeded", null);
        return { type: "succeeded", result: result.summary };
      }
      case "failed":
        await store.runs.finish(id, "failed", `${e.error.code}: ${e.error.message}`);
        return { type: "failed", error: e.error };
      case "cancelled":
        await store.runs.finish(id, "cancelled", null);
        return { type: "cancelled" };
      case "interrupted":
        await store.runs.finish(id, "interrupted", e.error.message);
        return { type: "failed", error: e.error };
    }
  };

  const unsubscribeAll = queue.subscribeAll((e) => {
    const previous = chains.get(e.jobId) ?? Promise.resolve();
    const next = previous
      .then(() => persist(e))
      .then((mapped) => {
        if (mapped) emit(e.jobId, mapped);
      })
      .catch((error: unknown) =>
        logger.error({ err: error, runId: e.jobId, event: e.type }, "recording a job event failed"),
      )
      .finally(() => {
        if (chains.get(e.jobId) === next) chains.delete(e.jobId);
      });
    chains.set(e.jobId, next);
  });

  return {
    queue,
    async enqueueRun(run, model) {
      await queue.enqueue({
        id: run.id,
        kind: run.kind,
        input: runJobInput(model, run.kind, run.options),
        options: run.options,
        ...(options.timeLimitS === undefined ? {} : { timeLimitS: options.timeLimitS }),
      });
    },
    cancel: (runId) => queue.cancel(runId),
    subscribe,
    async ping() {
      try {
        await queue.ping();
        return true;
      } catch {
        return false;
      }
    },
    async close(graceMs = 10_000) {
      await queue.close({ drainTimeoutMs: graceMs });
      await Promise.all([...chains.values()]);
      unsubscribeAll();
    },
  };
}
