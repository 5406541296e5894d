/**
 * The Redis adapter of the JobQueue port: jobs go through BullMQ so that worker processes on many
 * machines share the load (`startWorker`, `kera worker`). Job state and events live in Redis
 * (redis-state.ts), so any server process can answer `get`, `cancel` and `subscribe` for any job.
 * By default this process also runs a worker (`worker: { concurrency }`); pass `worker: false` for a
 * producer only.
 */
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import {
  DEFAULT_PREFIX,
  DEFAULT_QUEUE_NAME,
  DEFAULT_STATE_TTL_S,
  finish,
  startWorker,
  type BullmqJobData,
  type RunningWorker,
} from "./bullmq-worker.js";
import { admitJob } from "./admit-job.js";
import { EventHub } from "./event-hub.js";
import { createRedisResultCache } from "./redis-result-cache.js";
import {
  parseEventMessage,
  parseSnapshot,
  redisKeys,
  redisOptionsFromUrl,
  transition,
} from "./redis-state.js";
import { chainResultCaches, type ResultCache } from "./result-cache.js";
import { encodeValue } from "./serialize.js";
import { isTerminal, type EnqueueRequest, type HandlerRef, type JobQueue } from "./types.js";

export interface BullmqJobQueueOptions {
  redisUrl: string;
  /** BullMQ queue name (default "kera-jobs"); tests use a unique one per run. */
  queueName?: string;
  /** Redis key prefix (default "kera"). */
  prefix?: string;
  /** Run a worker in this process too (default { concurrency: KERA_WORKERS or cores - 1 }); false: producer only. */
  worker?: { concurrency?: number; cancelGraceMs?: number } | false;
  /** Extra cache consulted after Redis (e.g. results persisted in the store); false disables caching. */
  cache?: ResultCache | false;
  stateTtlS?: number;
  onError?: (error: unknown) => void;
}

export async function createBullmqJobQueue(options: BullmqJobQueueOptions): Promise<JobQueue> {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const keys = redisKeys(prefix, queueName);
  const ttlS = options.stateTtlS ?? DEFAULT_STATE_TTL_S;
  const onError = options.onError ?? (() => {});
  const connection = redisOptionsFromUrl(options.redisUrl);
  const redis = new Redis(connection);
  const subscriber = new Redis(connection);
  const redisCache = createRedisResultCache(redis, keys);
  const cache =
    options.cache === false
      ? undefined
      : options.cache
        ? chainResultCaches(redisCache, options.cache)
        : redisCache;
  const handlers = new Map<string, HandlerRef>();
  const hub = new EventHub(onError);
  const queue = new Queue<BullmqJobData>(queueName, { connection, prefix });
  const queueEvents = new QueueEvents(queueName, { connection, prefix });
  let closed = false;

  try {
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    await queue.close();
    await queueEvents.close();
    throw new Error(`Redis at ${options.redisUrl} is not reachable`, { cause: error });
  }
  await subscriber.subscribe(keys.events);
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== keys.events) return;
    try {
      const event = parseEventMessage(message);
      if (event) hub.emit(event);
    } catch (error) {
      onError(error);
    }
  });
  // Our processor never throws, so a BullMQ failure means the job stalled too often (its workers died).
  queueEvents.on("failed", ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
    finish(
      redis,
      keys,
      jobId,
      "interrupted",
      { error: { code: "interrupted", message: failedReason } },
      ttlS,
    ).catch(onError);
  });
  await queue.waitUntilReady();
  await queueEvents.waitUntilReady();

  let worker: RunningWorker | undefined;
  if (options.worker !== false) {
    worker = await startWorker({
      redisUrl: options.redisUrl,
      handlers,
      queueName,
      prefix,
      stateTtlS: ttlS,
      cache: options.cache === false ? false : redisCache,
      onError,
      ...(options.worker?.concurrency !== undefined ? { concurrency: options.worker.concurrency } : {}),
      ...(options.worker?.cancelGraceMs !== undefined ? { cancelGraceMs: options.worker.cancelGraceMs } : {}),
    });
  }

  async function get(id: string) {
    return parseSnapshot(await redis.hgetall(keys.job(id)));
  }

  return {
    adapter: "bullmq",

    registerHandler(kind, handler) {
      handlers.set(kind, { module: handler.module, exportName: handler.exportName });
    },

    async enqueue(request: EnqueueRequest) {
      const { id, timeLimitS, inputHash, hit } = await admitJob(request, { closed, handlers, cache });
      const at = new Date().toISOString();
      const created = await transition(
        redis,
        keys,
        id,
        "create",
        { type: "queued", jobId: id, at, kind: request.kind, inputHash },
        {
          id,
          kind: request.kind,
          status: "queued",
          progress: "0",
          message: "",
          inputHash,
          cached: hit ? "1" : "0",
          timeLimitS: timeLimitS === null ? "" : String(timeLimitS),
          workerId: "",
          createdAt: at,
          startedAt: "",
          finishedAt: "",
        },
        0,
      );
      if (created === 0) throw new Error(`job ${id} already exists`);
      if (hit) {
        await finish(redis, keys, id, "succeeded", { result: hit.result, cached: true }, ttlS);
        return id;
      }
      await queue.add(
        request.kind,
        {
          kind: request.kind,
          payload: encodeValue({ input: request.input, options: request.options ?? null }),
          timeLimitS,
          inputHash,
        },
        { jobId: id, removeOnComplete: true, removeOnFail: 1000, attempts: 1 },
      );
      return id;
    },

    get,

    async cancel(id) {
      const snapshot = await get(id);
      if (!snapshot || isTerminal(snapshot.status)) return false;
      await redis.set(keys.cancelFlag(id), "1", "EX", ttlS);
      if (snapshot.status === "queued") {
        const seq = await transition(
          redis,
          keys,
          id,
          "queued",
          { type: "cancelled", jobId: id, at: new Date().toISOString() },
          { status: "cancelled", finishedAt: new Date().toISOString() },
          ttlS,
        );
        if (seq > 0) {
          await queue.remove(id).catch(() => 0); // best effort: a worker that takes it anyway sees the cancelled state
          return true;
        }
      }
      await redis.publish(keys.cancel, id);
      return true;
    },

    subscribe(id, listener) {
      return hub.subscribe(id, listener, () => get(id));
    },

    subscribeAll(listener) {
      return hub.subscribeAll(listener);
    },

    async ping() {
      await redis.ping();
    },

    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      if (worker) await worker.close(closeOptions);
      await queueEvents.close();
      await queue.close();
      subscriber.disconnect();
      await redis.quit();
      hub.clear();
    },
  };
}
