/** Chooses the JobQueue adapter from configuration: BullMQ when a Redis URL is given, else the in-process pool. */
import { createBullmqJobQueue } from "./bullmq-queue.js";
import { createInProcessJobQueue } from "./in-process-queue.js";
import type { ResultCache } from "./result-cache.js";
import type { JobQueue } from "./types.js";
import { defaultWorkerCount } from "./worker-count.js";

export interface JobQueueConfig {
  /** BullMQ on this Redis when set (env REDIS_URL). */
  redisUrl?: string;
  /**
   * Worker threads in this process (env KERA_WORKERS; default max(1, cores - 1)). With Redis, 0 makes
   * this process a producer only (jobs then run in `kera worker` processes).
   */
  workers?: number;
  /** BullMQ queue name (env KERA_QUEUE_NAME, default "kera-jobs"). */
  queueName?: string;
  /** Extra result cache (e.g. createStoreResultCache(store)); false disables caching. */
  cache?: ResultCache | false;
  cancelGraceMs?: number;
  onError?: (error: unknown) => void;
}

/** Reads REDIS_URL, KERA_WORKERS and KERA_QUEUE_NAME. */
export function jobQueueConfigFromEnv(env: Readonly<Record<string, string | undefined>>): JobQueueConfig {
  const config: JobQueueConfig = {};
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl) config.redisUrl = redisUrl;
  const workers = Number.parseInt(env.KERA_WORKERS ?? "", 10);
  config.workers = Number.isInteger(workers) && workers >= 0 ? workers : defaultWorkerCount({});
  const queueName = env.KERA_QUEUE_NAME?.trim();
  if (queueName) config.queueName = queueName;
  return config;
}

export async function createJobQueue(config: JobQueueConfig = {}): Promise<JobQueue> {
  const workers = config.workers ?? defaultWorkerCount();
  const common = {
    ...(config.cancelGraceMs !== undefined ? { cancelGraceMs: config.cancelGraceMs } : {}),
    ...(config.onError ? { onError: config.onError } : {}),
  };
  if (config.redisUrl) {
    return createBullmqJobQueue({
      redisUrl: config.redisUrl,
      ...(config.queueName ? { queueName: config.queueName } : {}),
      ...(config.cache !== undefined ? { cache: config.cache } : {}),
      ...(config.onError ? { onError: config.onError } : {}),
      worker:
        workers === 0
          ? false
          : {
              concurrency: workers,
              ...(config.cancelGraceMs !== undefined ? { cancelGraceMs: config.cancelGraceMs } : {}),
            },
    });
  }
  return createInProcessJobQueue({
    workers: Math.max(1, workers),
    ...(config.cache !== undefined ? { cache: config.cache } : {}),
    ...common,
  });
}
