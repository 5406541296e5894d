/**
 * The job queue port. Simulate and optimise requests become jobs with progress, cancellation and
 * time limits. Adapters: the in-process worker-thread pool (default) and BullMQ on Redis. Both pass
 * the same contract suite (test-support/job-queue-contract.ts).
 */

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "interrupted",
];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/**
 * Why a job failed. Codes: `time-limit` (ran longer than timeLimitS), `handler-error` (the handler
 * threw without a code of its own; otherwise the handler's `code` is kept), `worker-crashed` (the
 * worker thread or process died), `unknown-kind`, `bad-handler` (module or export not loadable),
 * `interrupted` (the worker went away, e.g. kill -9; run it again).
 */
export interface JobError {
  code: string;
  message: string;
}

/** Where a handler lives: a module (absolute path or file: URL; .js/.mjs, or .ts via tsx) and an export name. */
export interface HandlerRef {
  module: string;
  exportName: string;
}

/** What a handler receives inside the worker. `input`/`options` are structured clones. */
export interface JobContext<I = unknown, O = unknown> {
  jobId: string;
  kind: string;
  input: I;
  options: O;
  /** Aborted on cancel or when the time limit is reached; stop soon after (the thread is terminated otherwise). */
  signal: AbortSignal;
  /** Report progress: fraction 0..1 (clamped) and an optional human-readable message. */
  progress(fraction: number, message?: string): void;
}

/**
 * A handler: the export named in a HandlerRef. Its result must be structured-cloneable (plain data,
 * typed arrays, Dates, Maps); it is cached and sent to subscribers.
 */
export type JobHandler<I = unknown, O = unknown, R = unknown> = (context: JobContext<I, O>) => Promise<R> | R;

export interface EnqueueRequest<I = unknown, O = unknown> {
  kind: string;
  input: I;
  options?: O;
  /** Wall-clock limit for running (not waiting), seconds; exceeded → failed with code `time-limit`. */
  timeLimitS?: number;
  /** Use this id (e.g. the run id created in the store first); must be unused. Default: a new UUID. */
  id?: string;
  /** Skip the cache lookup (the result is still cached). */
  noCache?: boolean;
}

export interface JobSnapshot {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  message: string | null;
  /** Content hash of (kind, input, options): identical requests share it (and the cache entry). */
  inputHash: string;
  /** True when the result came from the cache without running. */
  cached: boolean;
  timeLimitS: number | null;
  workerId: string | null;
  /** ISO 8601 UTC instants. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Present when succeeded. */
  result?: unknown;
  /** Present when failed or interrupted. */
  error?: JobError;
  /** Increases with every state change; events carry it too. */
  seq: number;
}

interface EventBase {
  jobId: string;
  /** Same counter as JobSnapshot.seq: listeners never see an older event after a newer one. */
  seq: number;
  /** ISO 8601 UTC */
  at: string;
}

export type JobEvent =
  | (EventBase & { type: "queued"; kind: string; inputHash: string })
  | (EventBase & { type: "started"; workerId: string })
  | (EventBase & { type: "progress"; fraction: number; message: string | null })
  | (EventBase & { type: "succeeded"; result: unknown; cached: boolean })
  | (EventBase & { type: "failed"; error: JobError })
  | (EventBase & { type: "cancelled" })
  | (EventBase & { type: "interrupted"; error: JobError });

export type JobListener = (event: JobEvent) => void;

/** A JobEvent without the fields the queue fills in (jobId, seq, at). */
export type JobEventBody = JobEvent extends infer E
  ? E extends JobEvent
    ? Omit<E, "jobId" | "seq" | "at">
    : never
  : never;

export interface JobQueue {
  /** Which adapter this is ("in-process" or "bullmq"). */
  readonly adapter: "in-process" | "bullmq";
  /** Registers the handler run for `kind` (replaces an earlier one). */
  registerHandler(kind: string, handler: HandlerRef): void;
  /** Queues a job and returns its id; a cache hit returns a job that has already succeeded (cached: true). */
  enqueue<I, O>(request: EnqueueRequest<I, O>): Promise<string>;
  /** The job's state, or undefined if unknown (or expired). */
  get(id: string): Promise<JobSnapshot | undefined>;
  /** Cancels a queued or running job; false if it was unknown or already finished. */
  cancel(id: string): Promise<boolean>;
  /**
   * Listens to one job: first the current state (as the matching event, asynchronously), then every
   * change until a terminal event. Returns an unsubscribe function. Unknown ids deliver nothing.
   */
  subscribe(id: string, listener: JobListener): () => void;
  /** Listens to every job's events (e.g. to record runs in the store). */
  subscribeAll(listener: JobListener): () => void;
  /** Checks the queue is usable (readiness probe). */
  ping(): Promise<void>;
  /**
   * Stops the queue. `drainTimeoutMs` > 0 lets running jobs finish for that long first; jobs still
   * running afterwards are marked `interrupted` (the in-process pool) or left to BullMQ's stall recovery.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}
