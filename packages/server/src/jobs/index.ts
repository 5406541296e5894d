export { TERMINAL_JOB_STATUSES, isTerminal } from "./types.js";
export type {
  EnqueueRequest,
  HandlerRef,
  JobContext,
  JobError,
  JobEvent,
  JobEventBody,
  JobHandler,
  JobListener,
  JobQueue,
  JobSnapshot,
  JobStatus,
} from "./types.js";
export { createInProcessJobQueue } from "./in-process-queue.js";
export { defaultWorkerCount } from "./worker-count.js";
export type { InProcessJobQueueOptions } from "./in-process-queue.js";
export { createMemoryResultCache, chainResultCaches } from "./result-cache.js";
export type { ResultCache } from "./result-cache.js";
export { jobInputHash } from "./input-hash.js";
export { createBullmqJobQueue } from "./bullmq-queue.js";
export type { BullmqJobQueueOptions } from "./bullmq-queue.js";
export { startWorker, DEFAULT_QUEUE_NAME, DEFAULT_PREFIX } from "./bullmq-worker.js";
export type { StartWorkerOptions, RunningWorker } from "./bullmq-worker.js";
export { createRedisResultCache } from "./redis-result-cache.js";
