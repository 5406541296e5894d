/**
 * Job state for the BullMQ adapter, kept in Redis so every server and worker process sees the same:
 * one hash per job (`<prefix>:job:<id>`), changed only through one Lua script that enforces the state
 * machine (nothing changes after a terminal status), bumps `seq` and publishes the event on
 * `<prefix>:events` atomically. Results travel as node:v8 structured-clone bytes (base64).
 */
import type { Redis } from "ioredis";
import { decodeValue } from "./serialize.js";
import type { JobError, JobEvent, JobSnapshot, JobStatus } from "./types.js";

export interface RedisKeys {
  job(id: string): string;
  cancelFlag(id: string): string;
  cache(kind: string, inputHash: string): string;
  events: string;
  cancel: string;
}

export function redisKeys(prefix: string, queueName: string): RedisKeys {
  const base = `${prefix}:${queueName}`;
  return {
    job: (id) => `${base}:job:${id}`,
    cancelFlag: (id) => `${base}:cancel:${id}`,
    cache: (kind, inputHash) => `${base}:cache:${kind}:${inputHash}`,
    events: `${base}:events`,
    cancel: `${base}:cancel`,
  };
}

const TRANSITION = `
local key = KEYS[1]
local guard = ARGV[3]
if guard == 'create' then
  if redis.call('EXISTS', key) == 1 then return 0 end
else
  local status = redis.call('HGET', key, 'status')
  if not status then return 0 end
  if status == 'succeeded' or status == 'failed' or status == 'cancelled' or status == 'interrupted' then return 0 end
  if guard ~= 'open' then
    local ok = false
    for s in string.gmatch(guard, '[^,]+') do if s == status then ok = true end end
    if not ok then return 0 end
  end
end
for i = 5, #ARGV, 2 do redis.call('HSET', key, ARGV[i], ARGV[i + 1]) end
local seq = redis.call('HINCRBY', key, 'seq', 1)
redis.call('PUBLISH', ARGV[1], seq .. '|' .. ARGV[2])
local ttl = tonumber(ARGV[4])
if ttl and ttl > 0 then redis.call('EXPIRE', key, ttl) end
return seq
`;

/** Event as published (before seq is attached); `resultB64` replaces `result` on the wire. */
export type WireEvent = Record<string, unknown> & { type: JobEvent["type"]; jobId: string; at: string };

/**
 * Applies a state change if the guard holds: "create" (the job must not exist), "open" (not terminal),
 * or a comma-separated list of allowed current statuses. Returns the new seq, or 0 if refused.
 */
export async function transition(
  redis: Redis,
  keys: RedisKeys,
  id: string,
  guard: string,
  event: WireEvent,
  fields: Record<string, string>,
  ttlS: number,
): Promise<number> {
  const args: string[] = [];
  for (const [k, v] of Object.entries(fields)) args.push(k, v);
  const seq = await redis.eval(
    TRANSITION,
    1,
    keys.job(id),
    keys.events,
    JSON.stringify(event),
    guard,
    String(ttlS),
    ...args,
  );
  return Number(seq);
}

/** Parses a published `seq|json` message into a JobEvent. */
export function parseEventMessage(message: string): JobEvent | undefined {
  const bar = message.indexOf("|");
  if (bar < 0) return undefined;
  const seq = Number(message.slice(0, bar));
  const wire = JSON.parse(message.slice(bar + 1)) as WireEvent;
  const { resultB64, ...rest } = wire;
  const event = { ...rest, seq } as Record<string, unknown>;
  if (typeof resultB64 === "string") event.result = decodeValue(resultB64);
  return event as unknown as JobEvent;
}

/** Reads a job hash into a snapshot (undefined if missing). */
export function parseSnapshot(hash: Record<string, string>): JobSnapshot | undefined {
  if (!hash.id || !hash.status) return undefined;
  const snapshot: JobSnapshot = {
    id: hash.id,
    kind: hash.kind ?? "",
    status: hash.status as JobStatus,
    progress: Number(hash.progress ?? 0),
    message: hash.message ? hash.message : null,
    inputHash: hash.inputHash ?? "",
    cached: hash.cached === "1",
    timeLimitS: hash.timeLimitS ? Number(hash.timeLimitS) : null,
    workerId: hash.workerId ? hash.workerId : null,
    createdAt: hash.createdAt ?? "",
    startedAt: hash.startedAt ? hash.startedAt : null,
    finishedAt: hash.finishedAt ? hash.finishedAt : null,
    seq: Number(hash.seq ?? 0),
  };
  if (hash.result) snapshot.result = decodeValue(hash.result);
  if (hash.error) snapshot.error = JSON.parse(hash.error) as JobError;
  return snapshot;
}

/** ioredis connection options from a redis:// or rediss:// URL (BullMQ needs maxRetriesPerRequest null). */
export function redisOptionsFromUrl(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
  maxRetriesPerRequest: null;
} {
  const u = new URL(url);
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new Error(`not a redis URL: ${u.protocol}`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
