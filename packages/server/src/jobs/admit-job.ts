import { randomUUID } from "node:crypto";
import { jobInputHash } from "./input-hash.js";
import type { ResultCache } from "./result-cache.js";
import type { EnqueueRequest, HandlerRef } from "./types.js";

/** What an adapter needs to know about a request it accepts: its id, time limit, input hash and cache hit. */
export interface AdmittedJob {
  readonly id: string;
  readonly timeLimitS: number | null;
  readonly inputHash: string;
  readonly hit: { result: unknown } | undefined;
}

/**
 * The checks and look-ups every JobQueue adapter does first in `enqueue`: the queue is open, the kind has a
 * handler, the time limit is positive; then the id (given or a new UUID), the input hash and the cache hit
 * (unless `noCache`). Throws on a request that cannot be accepted.
 */
export async function admitJob(
  request: EnqueueRequest,
  queue: {
    readonly closed: boolean;
    readonly handlers: ReadonlyMap<string, HandlerRef>;
    readonly cache: ResultCache | undefined;
  },
): Promise<AdmittedJob> {
  if (queue.closed) throw new Error("job queue is closed");
  if (!queue.handlers.has(request.kind))
    throw new Error(`no handler registered for job kind ${request.kind}`);
  const id = request.id ?? randomUUID();
  const timeLimitS = request.timeLimitS ?? null;
  if (timeLimitS !== null && !(timeLimitS > 0)) throw new Error(`timeLimitS must be > 0, got ${timeLimitS}`);
  const inputHash = jobInputHash(request.kind, request.input, request.options);
  const hit = queue.cache && !request.noCache ? await queue.cache.get(request.kind, inputHash) : undefined;
  return { id, timeLimitS, inputHash, hit };
}
