import type { ServerStore } from "./ports.js";

/**
 * A read-through cache in front of the store, so that read endpoints do not hit the database on every request
 * (the embedded PGlite serves one query at a time). Writes through this wrapper invalidate what they change.
 * - Immutable records are kept until evicted (LRU): versions, results, finished runs.
 * - Mutable records (accounts, sessions, tokens, memberships, districts, lists) are kept for `ttlMs` (default
 *   2 s): a change made through this process is seen at once; one made by another server process sharing the
 *   database (PostgreSQL deployments) within `ttlMs` plus one refresh. Revoking a token or a session therefore
 *   takes effect at once on the server that did it and within about 2 s on every other server.
 */
export interface ReadCacheOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  /** Results hold hourly series (hundreds of kB each): a separate, smaller LRU. */
  readonly maxResults?: number;
  readonly now?: () => number;
}

class Lru {
  readonly #map = new Map<string, { value: Promise<unknown>; expiresAt: number; refreshing?: boolean }>();
  constructor(readonly max: number) {}
  /** The entry, also when expired (the caller decides whether to serve it stale). */
  peek(key: string): { value: Promise<unknown>; expiresAt: number; refreshing?: boolean } | undefined {
    const hit = this.#map.get(key);
    if (!hit) return undefined;
    this.#map.delete(key);
    this.#map.set(key, hit);
    return hit;
  }
  set(key: string, value: Promise<unknown>, expiresAt: number): void {
    this.#map.delete(key);
    this.#map.set(key, { value, expiresAt });
    while (this.#map.size > this.max) {
      const oldest = this.#map.keys().next().value;
      if (oldest === undefined) break;
      this.#map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.#map.delete(key);
  }
  deletePrefix(prefix: string): void {
    for (const key of [...this.#map.keys()]) if (key.startsWith(prefix)) this.#map.delete(key);
  }
}

const FOREVER = Number.POSITIVE_INFINITY;

export function withReadCache(store: ServerStore, options: ReadCacheOptions = {}): ServerStore {
  const ttlMs = options.ttlMs ?? 2000;
  const now = options.now ?? Date.now;
  const lru = new Lru(options.maxEntries ?? 5000);
  const results = new Lru(options.maxResults ?? 32);

  /**
   * Caches the promise (concurrent misses share one query); failures and `undefined` are not kept. An expired
   * entry is served once more while one refresh runs in the background (stale-while-revalidate), so that
   * requests never queue behind a cache refresh.
   */
  function cached<T>(
    cache: Lru,
    key: string,
    ttl: number | ((value: T) => number),
    load: () => Promise<T>,
  ): Promise<T> {
    const t = now();
    const hit = cache.peek(key);
    if (hit && hit.expiresAt > t) return hit.value as Promise<T>;
    const lifeOf = (value: T) => (typeof ttl === "number" ? ttl : ttl(value));
    const remember = (promise: Promise<T>) => {
      promise.then(
        (value) => {
          const life = value === undefined ? 0 : lifeOf(value);
          if (life <= 0) cache.delete(key);
          else cache.set(key, promise, now() + life);
        },
        () => cache.delete(key),
      );
    };
    if (hit && !hit.refreshing) {
      hit.refreshing = true;
      remember(load());
      return hit.value as Promise<T>;
    }
    if (hit) return hit.value as Promise<T>;
    const promise = load();
    cache.set(key, promise, t + 60_000); // until it resolves
    remember(promise);
    return promise;
  }
  const finishedForever = (run: { status: string } | undefined) =>
    run && run.status !== "queued" && run.status !== "running" ? FOREVER : 0;

  const s = store;
  return {
    users: {
      ...s.users,
      get: (id) => cached(lru, `u:${id}`, ttlMs, () => s.users.get(id)),
      create: async (u) => {
        const created = await s.users.create(u);
        lru.deletePrefix("u:");
        return created;
      },
    },
    memberships: {
      listForUser: (userId) => cached(lru, `m:${userId}`, ttlMs, () => s.memberships.listForUser(userId)),
      set: async (m) => {
        await s.memberships.set(m);
        lru.delete(`m:${m.userId}`);
        lru.deletePrefix("s:"); // scenario owners are derived from memberships
      },
    },
    sessions: {
      ...s.sessions,
      get: (idHash) => cached(lru, `ses:${idHash}`, ttlMs, () => s.sessions.get(idHash)),
      delete: async (idHash) => {
        await s.sessions.delete(idHash);
        lru.delete(`ses:${idHash}`);
      },
    },
    tokens: {
      ...s.tokens,
      getByHash: (hash) => cached(lru, `tk:${hash}`, ttlMs, () => s.tokens.getByHash(hash)),
      delete: async (id) => {
        await s.tokens.delete(id);
        lru.deletePrefix("tk:");
      },
    },
    districts: {
      get: (id) => cached(lru, `d:id:${id}`, ttlMs, () => s.districts.get(id)),
      getBySlug: (slug) => cached(lru, `d:slug:${slug}`, ttlMs, () => s.districts.getBySlug(slug)),
      list: () => cached(lru, "d:list", ttlMs, () => s.districts.list()),
      create: async (d) => {
        const created = await s.districts.create(d);
        lru.deletePrefix("d:");
        return created;
      },
      update: async (id, patch) => {
        const updated = await s.districts.update(id, patch);
        lru.deletePrefix("d:");
        return updated;
      },
    },
    scenarios: {
      get: (id) => cached(lru, `s:${id}`, ttlMs, () => s.scenarios.get(id)),
      listByDistrict: (districtId) =>
        cached(lru, `sl:${districtId}`, ttlMs, () => s.scenarios.listByDistrict(districtId)),
      create: async (sc) => {
        const created = await s.scenarios.create(sc);
        lru.delete(`sl:${sc.districtId}`);
        return created;
      },
    },
    versions: {
      get: (id) => cached(lru, `v:${id}`, FOREVER, () => s.versions.get(id)),
      latest: (scenarioId) =>
        cached(lru, `vlatest:${scenarioId}`, ttlMs, () => s.versions.latest(scenarioId)),
      listByScenario: (scenarioId) =>
        cached(lru, `vl:${scenarioId}`, ttlMs, () => s.versions.listByScenario(scenarioId)),
      create: async (v) => {
        const created = await s.versions.create(v);
        lru.delete(`vl:${v.scenarioId}`);
        lru.delete(`vlatest:${v.scenarioId}`);
        return created;
      },
      forget: (scenarioId) => {
        lru.delete(`vl:${scenarioId}`);
        lru.delete(`vlatest:${scenarioId}`);
        s.versions.forget?.(scenarioId);
      },
    },
    runs: {
      ...s.runs,
      get: (id) => cached(lru, `r:${id}`, finishedForever, () => s.runs.get(id)),
      listByVersion: (versionId) =>
        cached(lru, `rl:${versionId}`, ttlMs, () => s.runs.listByVersion(versionId)),
      create: async (r) => {
        const created = await s.runs.create(r);
        lru.delete(`rl:${r.versionId}`);
        return created;
      },
      markStarted: async (id, workerId) => {
        const changed = await s.runs.markStarted(id, workerId);
        lru.delete(`r:${id}`);
        lru.deletePrefix("rl:");
        return changed;
      },
      updateProgress: async (id, fraction, message) => {
        await s.runs.updateProgress(id, fraction, message);
        lru.delete(`r:${id}`);
      },
      finish: async (id, status, error) => {
        const changed = await s.runs.finish(id, status, error);
        lru.delete(`r:${id}`);
        lru.deletePrefix("rl:");
        return changed;
      },
      interruptOrphans: async () => {
        const ids = await s.runs.interruptOrphans();
        lru.deletePrefix("r");
        return ids;
      },
    },
    results: {
      get: (runId) => cached(results, runId, FOREVER, () => s.results.get(runId)),
      put: async (r) => {
        await s.results.put(r);
        results.delete(r.runId);
      },
    },
    stakeholders: {
      listByDistrict: (districtId) =>
        cached(lru, `sh:${districtId}`, ttlMs, () => s.stakeholders.listByDistrict(districtId)),
      create: async (sh) => {
        const created = await s.stakeholders.create(sh);
        lru.delete(`sh:${sh.districtId}`);
        return created;
      },
    },
    audit: s.audit,
    ping: () => s.ping(),
    close: () => s.close(),
  };
}
