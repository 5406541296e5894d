/**
 * The default JobQueue adapter: an in-memory FIFO served by a pool of worker threads in this process.
 * Job state lives in memory (the server records it in the store through `recordJobsInStore`).
 */
import { hostname } from "node:os";
import { admitJob } from "./admit-job.js";
import { EventHub } from "./event-hub.js";
import { createMemoryResultCache, type ResultCache } from "./result-cache.js";
import { ThreadRunner } from "./thread-runner.js";
import { defaultWorkerCount } from "./worker-count.js";
import {
  isTerminal,
  type EnqueueRequest,
  type HandlerRef,
  type JobError,
  type JobEvent,
  type JobEventBody,
  type JobQueue,
  type JobSnapshot,
} from "./types.js";

export interface InProcessJobQueueOptions {
  /** Worker threads (default: env KERA_WORKERS, else max(1, cores - 1)). */
  workers?: number;
  /** Result cache; `false` disables caching (default: in-memory LRU of 200 results). */
  cache?: ResultCache | false;
  /** How long an aborted handler may take to stop before its thread is terminated (default 2000 ms). */
  cancelGraceMs?: number;
  /** Finished jobs kept for `get` (default 1000; the oldest are forgotten first). */
  keepFinished?: number;
  /** Called with listener/cache errors (default: ignored). */
  onError?: (error: unknown) => void;
  /** Clock (default Date.now). */
  now?: () => number;
}

interface JobRecord {
  snapshot: JobSnapshot;
  input: unknown;
  options: unknown;
  controller: AbortController | undefined;
  abortReason: "cancel" | "time-limit" | "shutdown" | undefined;
}

export function createInProcessJobQueue(options: InProcessJobQueueOptions = {}): JobQueue {
  const size = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be an integer >= 1, got ${size}`);
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const cache = options.cache === false ? undefined : (options.cache ?? createMemoryResultCache());
  const keepFinished = options.keepFinished ?? 1000;
  const onError = options.onError ?? (() => {});
  const runners = Array.from(
    { length: size },
    () => new ThreadRunner({ graceMs: options.cancelGraceMs ?? 2000 }),
  );
  const handlers = new Map<string, HandlerRef>();
  const jobs = new Map<string, JobRecord>();
  const finishedOrder: string[] = [];
  const waiting: string[] = [];
  const hub = new EventHub(onError);
  const running = new Set<Promise<void>>();
  const workerIdBase = `${hostname()}:${process.pid}`;
  let closed = false;

  function update(record: JobRecord, patch: Partial<JobSnapshot>, event: JobEventBody) {
    const s = record.snapshot;
    record.snapshot = { ...s, ...patch, seq: s.seq + 1 };
    const full = { ...event, jobId: s.id, seq: record.snapshot.seq, at: iso() } as JobEvent;
    if (isTerminal(record.snapshot.status)) {
      finishedOrder.push(s.id);
      while (finishedOrder.length > keepFinished) {
        const old = finishedOrder.shift();
        if (old !== undefined) jobs.delete(old);
      }
    }
    hub.emit(full);
  }

  function finishWith(
    record: JobRecord,
    outcome: "succeeded" | "failed" | "cancelled" | "interrupted",
    extra: { result?: unknown; error?: JobError } = {},
  ) {
    if (isTerminal(record.snapshot.status)) return;
    const at = iso();
    switch (outcome) {
      case "succeeded":
        update(
          record,
          { status: "succeeded", progress: 1, finishedAt: at, result: extra.result },
          {
            type: "succeeded",
            result: extra.result,
            cached: record.snapshot.cached,
          },
        );
        return;
      case "failed": {
        const error = extra.error ?? { code: "handler-error", message: "failed" };
        update(record, { status: "failed", finishedAt: at, error }, { type: "failed", error });
        return;
      }
      case "cancelled":
        update(record, { status: "cancelled", finishedAt: at }, { type: "cancelled" });
        return;
      case "interrupted": {
        const error = extra.error ?? {
          code: "interrupted",
          message: "the job queue stopped before the job finished",
        };
        update(record, { status: "interrupted", finishedAt: at, error }, { type: "interrupted", error });
        return;
      }
    }
  }

  function pump(): void {
    if (closed) return;
    for (let slot = 0; slot < runners.length; slot++) {
      const runner = runners[slot];
      if (!runner || runner.busy) continue;
      const id = waiting.shift();
      if (id === undefined) return;
      const record = jobs.get(id);
      if (!record || record.snapshot.status !== "queued") {
        slot--; // this runner is still free: try the next waiting job
        continue;
      }
      const p = start(record, runner, `${workerIdBase}:${slot}`).finally(() => {
        running.delete(p);
        pump();
      });
      running.add(p);
    }
  }

  async function start(record: JobRecord, runner: ThreadRunner, workerId: string): Promise<void> {
    const handler = handlers.get(record.snapshot.kind);
    if (!handler) {
      finishWith(record, "failed", {
        error: { code: "unknown-kind", message: `no handler for ${record.snapshot.kind}` },
      });
      return;
    }
    const controller = new AbortController();
    record.controller = controller;
    update(record, { status: "running", startedAt: iso(), workerId }, { type: "started", workerId });
    const limitS = record.snapshot.timeLimitS;
    const timer =
      limitS !== null
        ? setTimeout(() => {
            record.abortReason = "time-limit";
            controller.abort("time-limit");
          }, limitS * 1000)
        : undefined;
    const outcome = await runner.run(
      {
        jobId: record.snapshot.id,
        kind: record.snapshot.kind,
        handler,
        input: record.input,
        options: record.options,
      },
      (fraction, message) => {
        if (record.snapshot.status !== "running") return;
        update(record, { progress: fraction, message }, { type: "progress", fraction, message });
      },
      controller.signal,
    );
    if (timer) clearTimeout(timer);
    record.controller = undefined;
    record.input = undefined;
    if (outcome.kind === "succeeded") {
      if (cache) {
        try {
          await cache.set(record.snapshot.kind, record.snapshot.inputHash, outcome.result);
        } catch (error) {
          onError(error);
        }
      }
      finishWith(record, "succeeded", { result: outcome.result });
    } else if (outcome.kind === "failed") {
      finishWith(record, "failed", { error: outcome.error });
    } else if (record.abortReason === "time-limit") {
      finishWith(record, "failed", {
        error: { code: "time-limit", message: `the job ran longer than its time limit of ${limitS} s` },
      });
    } else if (record.abortReason === "shutdown") {
      finishWith(record, "interrupted");
    } else {
      finishWith(record, "cancelled");
    }
  }

  return {
    adapter: "in-process",

    registerHandler(kind, handler) {
      handlers.set(kind, { module: handler.module, exportName: handler.exportName });
    },

    async enqueue(request: EnqueueRequest) {
      const { id, timeLimitS, inputHash, hit } = await admitJob(request, { closed, handlers, cache });
      // Checked after the cache look-up (an await), right before the job is recorded.
      if (jobs.has(id)) throw new Error(`job ${id} already exists`);
      const record: JobRecord = {
        snapshot: {
          id,
          kind: request.kind,
          status: "queued",
          progress: 0,
          message: null,
          inputHash,
          cached: hit !== undefined,
          timeLimitS,
          workerId: null,
          createdAt: iso(),
          startedAt: null,
          finishedAt: null,
          seq: 0,
        },
        input: hit ? undefined : request.input,
        options: request.options ?? null,
        controller: undefined,
        abortReason: undefined,
      };
      jobs.set(id, record);
      update(record, {}, { type: "queued", kind: request.kind, inputHash });
      if (hit) {
        finishWith(record, "succeeded", { result: hit.result });
      } else {
        waiting.push(id);
        pump();
      }
      return id;
    },

    async get(id) {
      const record = jobs.get(id);
      return record ? structuredClone(record.snapshot) : undefined;
    },

    async cancel(id) {
      const record = jobs.get(id);
      if (!record || isTerminal(record.snapshot.status)) return false;
      if (record.snapshot.status === "queued") {
        const i = waiting.indexOf(id);
        if (i >= 0) waiting.splice(i, 1);
        finishWith(record, "cancelled");
        return true;
      }
      if (!record.abortReason) record.abortReason = "cancel";
      record.controller?.abort("cancel");
      return true;
    },

    subscribe(id, listener) {
      return hub.subscribe(id, listener, async () => {
        const r = jobs.get(id);
        return r ? r.snapshot : undefined;
      });
    },

    subscribeAll(listener) {
      return hub.subscribeAll(listener);
    },

    async ping() {
      if (closed) throw new Error("job queue is closed");
    },

    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      for (const id of waiting.splice(0)) {
        const r = jobs.get(id);
        if (r) finishWith(r, "interrupted");
      }
      const drainMs = closeOptions.drainTimeoutMs ?? 0;
      if (drainMs > 0 && running.size > 0) {
        await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, drainMs).unref())]);
      }
      for (const r of jobs.values()) {
        if (r.snapshot.status === "running") {
          r.abortReason = "shutdown";
          r.controller?.abort("shutdown");
        }
      }
      await Promise.all(running);
      await Promise.all(runners.map((r) => r.close()));
      hub.clear();
    },
  };
}
