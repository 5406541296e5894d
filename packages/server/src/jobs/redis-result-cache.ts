import type { Redis } from "ioredis";
import type { RedisKeys } from "./redis-state.js";
import type { ResultCache } from "./result-cache.js";
import { decodeValue, encodeValue } from "./serialize.js";

/** Result cache in Redis (shared by every server and worker on the queue), entries expire after ttlS. */
export function createRedisResultCache(redis: Redis, keys: RedisKeys, ttlS = 7 * 24 * 3600): ResultCache {
  return {
    async get(kind, inputHash) {
      const text = await redis.get(keys.cache(kind, inputHash));
      return text === null ? undefined : { result: decodeValue(text) };
    },
    async set(kind, inputHash, result) {
      await redis.set(keys.cache(kind, inputHash), encodeValue(result), "EX", ttlS);
    },
  };
}
