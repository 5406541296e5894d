/**
 * A BullMQ worker: takes jobs from the Redis queue and runs each in a worker thread (same runner as the
 * in-process pool), so time limits can terminate CPU-bound handlers. `kera worker` starts one per
 * process; the server also runs one unless told not to. Many processes on many machines share a queue.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { createRedisResultCache } from "./redis-result-cache.js";
import { redisKeys, redisOptionsFromUrl, transition, type RedisKeys } from "./redis-state.js";
import type { ResultCache } from "./result-cache.js";
import { decodeValue, encodeValue } from "./serialize.js";
import { ThreadRunner } from "./thread-runner.js";
import type { HandlerRef, JobError } from "./types.js";
import { defaultWorkerCount } from "./worker-count.js";

export const DEFAULT_QUEUE_NAME = "kera-jobs";
export const DEFAULT_PREFIX = "kera";
/** Finished job state is kept this long in Redis (7 days). */
export const DEFAULT_STATE_TTL_S = 7 * 24 * 3600;

/** BullMQ job payload. */
export interface BullmqJobData {
  kind: string;
  /** node:v8 structured clone of { input, options }, base64 */
  payload: string;
  timeLimitS: number | null;
  inputHash: string;
}

export interface StartWorkerOptions {
  redisUrl: string;
  /** Handlers by kind; a Map is read at each job, so later additions are seen. */
  handlers: ReadonlyMap<string, HandlerRef> | Readonly<Record<string, HandlerRef>>;
  /** Parallel jobs (threads) in this process (default: KERA_WORKERS, else cores - 1). */
  concurrency?: number;
  queueName?: string;
  prefix?: string;
  cancelGraceMs?: number;
  /** Default `<host>:<pid>:<random>`. */
  workerId?: string;
  stateTtlS?: number;
  /** Progress updates are sent at most this often (default 100 ms); the last one always. */
  progressIntervalMs?: number;
  /** Cache for results (default: Redis). */
  cache?: ResultCache | false;
  /**
   * BullMQ lock on an active job (default 30 000 ms), renewed while the process lives. When a worker
   * process dies, another worker's stalled check (every `stalledIntervalMs`, default 30 000) finds the
   * expired lock; the job is then failed by BullMQ and marked `interrupted` (default `maxStalledCount` 0:
   * not re-run automatically, the user runs it again).
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  onError?: (error: unknown) => void;
}

export interface RunningWorker {
  readonly workerId: string;
  /** Stops taking jobs; running jobs may finish for `drainTimeoutMs` (default 0), the rest are interrupted. */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}

const iso = () => new Date().toISOString();

export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const concurrency = options.concurrency ?? defaultWorkerCount();
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const keys = redisKeys(prefix, queueName);
  const ttlS = options.stateTtlS ?? DEFAULT_STATE_TTL_S;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const onError = options.onError ?? (() => {});
  const progressIntervalMs = options.progressIntervalMs ?? 100;
  const connection = redisOptionsFromUrl(options.redisUrl);
  const redis = new Redis(connection);
  const subscriber = new Redis(connection);
  const cache = options.cache === false ? undefined : (options.cache ?? createRedisResultCache(redis, keys));
  const runners = Array.from(
    { length: concurrency },
    () => new ThreadRunner({ graceMs: options.cancelGraceMs ?? 2000 }),
  );
  const controllers = new Map<string, { controller: AbortController; reason: string | undefined }>();
  const handlerFor = (kind: string): HandlerRef | undefined => {
    const h = options.handlers;
    return h instanceof Map ? h.get(kind) : (h as Record<string, HandlerRef>)[kind];
  };

  await subscriber.subscribe(keys.cancel);
  subscriber.on("message", (channel: string, jobId: string) => {
    if (channel !== keys.cancel) return;
    const c = controllers.get(jobId);
    if (c && !c.controller.signal.aborted) {
      c.reason ??= "cancel";
      c.controller.abort("cancel");
    }
  });

  const processJob = async (job: Job<BullmqJobData>): Promise<void> => {
    const id = job.id;
    if (!id) return;
    const data = job.data;
    if ((await redis.exists(keys.cancelFlag(id))) === 1) {
      await finish(redis, keys, id, "cancelled", {}, ttlS);
      return;
    }
    const started = await transition(
      redis,
      keys,
      id,
      "queued,running",
      { type: "started", jobId: id, at: iso(), workerId },
      { status: "running", workerId, startedAt: iso(), progress: "0", message: "" },
      0,
    );
    if (started === 0) return; // cancelled (or otherwise finished) while waiting
    const handler = handlerFor(data.kind);
    if (!handler) {
      await finish(
        redis,
        keys,
        id,
        "failed",
        { error: { code: "unknown-kind", message: `no handler for ${data.kind} on ${workerId}` } },
        ttlS,
      );
      return;
    }
    const entry = { controller: new AbortController(), reason: undefined as string | undefined };
    controllers.set(id, entry);
    // a cancel published between "started" and now would have found no controller
    if ((await redis.exists(keys.cancelFlag(id))) === 1) {
      entry.reason = "cancel";
      entry.controller.abort("cancel");
    }
    // no await between choosing a free runner and starting it (runner.run marks it busy synchronously)
    const runner = runners.find((r) => !r.busy);
    if (!runner) {
      controllers.delete(id);
      throw new Error("no free runner (concurrency mismatch)");
    }
    const timer =
      data.timeLimitS !== null
        ? setTimeout(() => {
            entry.reason ??= "time-limit";
            entry.controller.abort("time-limit");
          }, data.timeLimitS * 1000)
        : undefined;
    let lastProgressAt = 0;
    let progressChain: Promise<unknown> = Promise.resolve();
    try {
      const { input, options: jobOptions } = decodeValue(data.payload) as {
        input: unknown;
        options: unknown;
      };
      const outcome = await runner.run(
        { jobId: id, kind: data.kind, handler, input, options: jobOptions },
        (fraction, message) => {
          const now = Date.now();
          if (fraction < 1 && now - lastProgressAt < progressIntervalMs) return;
          lastProgressAt = now;
          progressChain = progressChain
            .then(() =>
              transition(
                redis,
                keys,
                id,
                "running",
                { type: "progress", jobId: id, at: iso(), fraction, message },
                { progress: String(fraction), message: message ?? "" },
                0,
              ),
            )
            .catch(onError);
        },
        entry.controller.signal,
      );
      await progressChain;
      if (outcome.kind === "succeeded") {
        if (cache) await cache.set(data.kind, data.inputHash, outcome.result).catch(onError);
        await finish(redis, keys, id, "succeeded", { result: outcome.result }, ttlS);
      } else if (outcome.kind === "failed") {
        await finish(redis, keys, id, "failed", { error: outcome.error }, ttlS);
      } else if (entry.reason === "time-limit") {
        await finish(
          redis,
          keys,
          id,
          "failed",
          {
            error: {
              code: "time-limit",
              message: `the job ran longer than its time limit of ${data.timeLimitS} s`,
            },
          },
          ttlS,
        );
      } else if (entry.reason === "shutdown") {
        await finish(
          redis,
          keys,
          id,
          "interrupted",
          {
            error: { code: "interrupted", message: `worker ${workerId} stopped before the job finished` },
          },
          ttlS,
        );
      } else {
        await finish(redis, keys, id, "cancelled", {}, ttlS);
      }
    } finally {
      if (timer) clearTimeout(timer);
      controllers.delete(id);
    }
  };

  const worker = new Worker<BullmqJobData>(queueName, processJob, {
    connection,
    prefix,
    concurrency,
    maxStalledCount: options.maxStalledCount ?? 0,
    ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
  });
  worker.on("error", onError);
  await worker.waitUntilReady();

  let closed = false;
  return {
    workerId,
    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      const drainMs = closeOptions.drainTimeoutMs ?? 0;
      const closing = worker.close();
      if (drainMs > 0 && controllers.size > 0) {
        await Promise.race([closing, new Promise((r) => setTimeout(r, drainMs).unref())]);
      }
      for (const c of controllers.values()) {
        c.reason ??= "shutdown";
        c.controller.abort("shutdown");
      }
      await closing;
      await Promise.all(runners.map((r) => r.close()));
      subscriber.disconnect();
      await redis.quit();
    },
  };
}

/** Terminal transition with its event. */
export async function finish(
  redis: Redis,
  keys: RedisKeys,
  id: string,
  status: "succeeded" | "failed" | "cancelled" | "interrupted",
  extra: { result?: unknown; error?: JobError; cached?: boolean },
  ttlS: number,
): Promise<boolean> {
  const at = iso();
  const fields: Record<string, string> = { status, finishedAt: at };
  let event: Record<string, unknown> & { type: typeof status; jobId: string; at: string };
  if (status === "succeeded") {
    const encoded = encodeValue(extra.result);
    fields.result = encoded;
    fields.progress = "1";
    event = { type: status, jobId: id, at, resultB64: encoded, cached: extra.cached ?? false };
  } else if (status === "failed" || status === "interrupted") {
    const error = extra.error ?? { code: status, message: status };
    fields.error = JSON.stringify(error);
    event = { type: status, jobId: id, at, error };
  } else {
    event = { type: status, jobId: id, at };
  }
  return (await transition(redis, keys, id, "open", event, fields, ttlS)) > 0;
}
