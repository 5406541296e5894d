/** Result caches keyed by (kind, input hash). */

export interface ResultCache {
  get(kind: string, inputHash: string): Promise<{ result: unknown } | undefined>;
  set(kind: string, inputHash: string, result: unknown): Promise<void>;
}

/** In-memory LRU for the in-process pool (default 200 entries). */
export function createMemoryResultCache(maxEntries = 200): ResultCache {
  const entries = new Map<string, unknown>();
  return {
    async get(kind, inputHash) {
      const key = `${kind}\u0000${inputHash}`;
      if (!entries.has(key)) return undefined;
      const result = entries.get(key);
      entries.delete(key);
      entries.set(key, result);
      return { result: structuredClone(result) };
    },
    async set(kind, inputHash, result) {
      const key = `${kind}\u0000${inputHash}`;
      entries.delete(key);
      entries.set(key, structuredClone(result));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}

/** Looks in each cache in turn; a hit in a later one is copied into the earlier ones. Sets go to all. */
export function chainResultCaches(...caches: ResultCache[]): ResultCache {
  return {
    async get(kind, inputHash) {
      for (let i = 0; i < caches.length; i++) {
        const hit = await caches[i]?.get(kind, inputHash);
        if (hit) {
          for (let j = 0; j < i; j++) await caches[j]?.set(kind, inputHash, hit.result);
          return hit;
        }
      }
      return undefined;
    },
    async set(kind, inputHash, result) {
      for (const c of caches) await c.set(kind, inputHash, result);
    },
  };
}
