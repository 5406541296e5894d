/**
 * Redis for tests: KERA_TEST_REDIS_URL (default redis://127.0.0.1:6379), a unique queue name per run,
 * and cleanup that deletes every key of that queue. Fails loudly (never skips) when Redis is down.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { redisOptionsFromUrl } from "../redis-state.js";

export const TEST_REDIS_URL = process.env.KERA_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const TEST_PREFIX = "kera-test";

export function uniqueQueueName(): string {
  return `jobs-${process.pid}-${randomBytes(4).toString("hex")}`;
}

export async function assertRedisReachable(): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(TEST_REDIS_URL),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis at ${TEST_REDIS_URL} is not reachable; start it or set KERA_TEST_REDIS_URL`, {
      cause: error,
    });
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key of the queue (BullMQ's and ours). */
export async function deleteQueueKeys(queueName: string): Promise<number> {
  const redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  try {
    let cursor = "0";
    let deleted = 0;
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `${TEST_PREFIX}:${queueName}:*`, "COUNT", 500);
      cursor = next;
      if (found.length > 0) deleted += await redis.del(...found);
    } while (cursor !== "0");
    return deleted;
  } finally {
    await redis.quit();
  }
}
