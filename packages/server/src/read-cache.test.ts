import { describe, expect, it } from "vitest";
import type { ServerStore } from "./ports.js";
import { withReadCache } from "./read-cache.js";

/** A fake store that counts loads and lets the test change what the "database" holds. */
function fakeStore() {
  const db = {
    token: { id: "t1", userId: "u1", name: "x", createdAt: "" } as unknown,
    version: { id: "v1" } as unknown,
  };
  const loads: string[] = [];
  const store = {
    tokens: {
      getByHash: async (h: string) => (loads.push(`token:${h}`), db.token),
      delete: async () => {
        db.token = undefined;
      },
    },
    versions: { get: async (id: string) => (loads.push(`version:${id}`), db.version) },
  } as unknown as ServerStore;
  return { db, loads, store };
}

describe("withReadCache", () => {
  it("shares concurrent loads, serves from cache within the TTL, and refreshes after it (stale once)", async () => {
    let t = 0;
    const { db, loads, store } = fakeStore();
    const cached = withReadCache(store, { ttlMs: 1000, now: () => t });
    await Promise.all([cached.tokens.getByHash("h"), cached.tokens.getByHash("h")]);
    expect(loads).toEqual(["token:h"]);
    t = 500;
    await cached.tokens.getByHash("h");
    expect(loads).toHaveLength(1);
    db.token = undefined; // revoked by another server process
    t = 1500;
    expect(await cached.tokens.getByHash("h")).toBeDefined(); // served stale while refreshing
    await new Promise((r) => setTimeout(r, 0));
    expect(await cached.tokens.getByHash("h")).toBeUndefined();
  });

  it("forgets tokens at once when they are revoked through it", async () => {
    const { store } = fakeStore();
    const cached = withReadCache(store, { ttlMs: 60_000 });
    expect(await cached.tokens.getByHash("h")).toBeDefined();
    await cached.tokens.delete("t1");
    expect(await cached.tokens.getByHash("h")).toBeUndefined();
  });

  it("keeps immutable versions beyond the TTL", async () => {
    let t = 0;
    const { loads, store } = fakeStore();
    const cached = withReadCache(store, { ttlMs: 10, now: () => t });
    await cached.versions.get("v1");
    t = 1e9;
    await cached.versions.get("v1");
    expect(loads).toEqual(["version:v1"]);
  });
});
