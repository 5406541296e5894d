import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { RunJobResult } from "./compute/simulate-job.js";
import { SIMULATE_JOB_EXPORT } from "./compute/simulate-job.js";
import type { ServerConfig } from "./config.js";
import { createInlineJobs } from "./inline-jobs.js";
import {
  chainResultCaches,
  createBullmqJobQueue,
  createInProcessJobQueue,
  createMemoryResultCache,
  type HandlerRef,
  type ResultCache,
} from "./jobs/index.js";
import { RUN_KINDS as PORT_RUN_KINDS, type RunKind, type ServerJobs, type ServerStore } from "./ports.js";
import { createQueueJobs } from "./queue-jobs.js";

/** The run handler module (dist/compute/simulate-job.js when built; the .ts source under tests, loaded via tsx). */
export function runHandlerRef(): HandlerRef {
  const ext = extname(fileURLToPath(import.meta.url));
  return {
    module: fileURLToPath(new URL(`./compute/simulate-job${ext}`, import.meta.url)),
    exportName: SIMULATE_JOB_EXPORT,
  };
}

/** Every run kind has the same handler (compute/simulate-job.ts dispatches on the kind). */
export const RUN_KINDS: readonly RunKind[] = PORT_RUN_KINDS;

/** Results of succeeded runs in the store, as a cache for the job queue (identical inputs are not recomputed). */
export function storeResultCache(store: ServerStore): ResultCache {
  return {
    async get(kind, inputHash) {
      if (!(RUN_KINDS as readonly string[]).includes(kind)) return undefined;
      const run = await store.runs.findSucceeded(kind as RunKind, inputHash);
      const result = run && (await store.results.get(run.id));
      if (!result) return undefined;
      const series: Record<string, number[]> = {};
      for (const [name, values] of Object.entries(result.series)) series[name] = Array.from(values);
      return { result: { summary: result.summary, series } satisfies RunJobResult };
    },
    async set() {
      // results are saved with their run (queue-jobs.ts)
    },
  };
}

export type JobsMode = "inline" | "in-process" | "bullmq";

/**
 * The job queue for the configured deployment: BullMQ when REDIS_URL is set (this process also works on jobs),
 * else the in-process worker-thread pool, or inline on the main thread with KERA_WORKERS=0.
 */
export async function createJobs(
  config: ServerConfig,
  store: ServerStore,
  logger: Logger,
): Promise<{ jobs: ServerJobs; mode: JobsMode }> {
  if (config.workers === 0 && !config.redisUrl)
    return { jobs: createInlineJobs(store, logger), mode: "inline" };
  const onError = (error: unknown) => logger.error({ err: error }, "job queue error");
  const queue = config.redisUrl
    ? await createBullmqJobQueue({
        redisUrl: config.redisUrl,
        ...(config.queueName === undefined ? {} : { queueName: config.queueName }),
        worker:
          config.workers === 0 ? false : config.workers === undefined ? {} : { concurrency: config.workers },
        cache: storeResultCache(store),
        onError,
      })
    : createInProcessJobQueue({
        ...(config.workers === undefined ? {} : { workers: config.workers }),
        cache: chainResultCaches(createMemoryResultCache(), storeResultCache(store)),
        onError,
      });
  const ref = runHandlerRef();
  for (const kind of RUN_KINDS) queue.registerHandler(kind, ref);
  return { jobs: createQueueJobs(queue, store, logger), mode: config.redisUrl ? "bullmq" : "in-process" };
}
