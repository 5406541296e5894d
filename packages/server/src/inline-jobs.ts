import type { Logger } from "pino";
import { runJob } from "./compute/run-job.js";
import type { RunRecord, ServerJobs, ServerStore } from "./ports.js";
import { createRunListeners } from "./run-listeners.js";

/**
 * A ServerJobs that computes runs on the main thread, one at a time: for tests, and for `KERA_WORKERS=0`.
 * Progress and outcomes are written to the store before listeners hear of them.
 */
export function createInlineJobs(store: ServerStore, logger: Logger): ServerJobs {
  const { emit, subscribe } = createRunListeners();
  const controllers = new Map<string, AbortController>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const execute = async (run: RunRecord, model: unknown, controller: AbortController) => {
    if (controller.signal.aborted || !(await store.runs.markStarted(run.id, "inline"))) return;
    emit(run.id, { type: "running" });
    try {
      const out = await runJob(
        { model, kind: run.kind, options: run.options },
        (fraction, message) =>
          emit(run.id, { type: "progress", fraction, ...(message === undefined ? {} : { message }) }),
        controller.signal,
      );
      if (controller.signal.aborted) throw new Error("cancelled");
      await store.results.put({ runId: run.id, summary: out.summary, series: out.series });
      await store.runs.finish(run.id, "succeeded", null);
      emit(run.id, { type: "succeeded", result: out.summary });
    } catch (error) {
      if (controller.signal.aborted) {
        await store.runs.finish(run.id, "cancelled", null);
        emit(run.id, { type: "cancelled" });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        logger.error({ err: error, runId: run.id }, "run failed");
        await store.runs.finish(run.id, "failed", message);
        emit(run.id, { type: "failed", error: { code: "run-failed", message } });
      }
    } finally {
      controllers.delete(run.id);
    }
  };

  return {
    async enqueueRun(run, model) {
      if (closed) throw new Error("the job queue is closed");
      const controller = new AbortController();
      controllers.set(run.id, controller);
      emit(run.id, { type: "queued" });
      chain = chain
        .then(() => execute(run, model, controller))
        .catch((error: unknown) => logger.error({ err: error, runId: run.id }, "run bookkeeping failed"));
    },
    async cancel(runId) {
      const controller = controllers.get(runId);
      if (!controller) return false;
      controller.abort(new Error("cancelled"));
      const run = await store.runs.get(runId);
      if (run?.status === "queued" && (await store.runs.finish(runId, "cancelled", null))) {
        emit(runId, { type: "cancelled" });
      }
      return true;
    },
    subscribe,
    async ping() {
      return !closed;
    },
    async close() {
      closed = true;
      await chain;
    },
  };
}
