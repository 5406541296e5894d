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
export { createInProcessJobQueue, defaultWorkerCount } from "./in-process-queue.js";
export type { InProcessJobQueueOptions } from "./in-process-queue.js";
export { createMemoryResultCache, chainResultCaches } from "./result-cache.js";
export type { ResultCache } from "./result-cache.js";
export { jobInputHash } from "./input-hash.js";
