import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createGame, mapWithConcurrency } from "./cooperative-game.js";
import { proportionalAllocation, shapleyExact, shapleySampled } from "./shapley.js";
import { coreCheck } from "./core-check.js";

/** A game given by a table of values per bitmask (index 0 = empty set, forced to 0). */
const tableGame = (n: number, table: readonly number[]) => {
  const players = Array.from({ length: n }, (_, i) => `p${i}`);
  return createGame(players, async (members) => {
    let mask = 0;
    for (const m of members) mask |= 1 << Number(m.slice(1));
    return mask === 0 ? 0 : (table[mask] ?? 0);
  });
};

const arbGame = (minN = 2, maxN = 6) =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .array(fc.double({ min: -1000, max: 1000, noNaN: true }), {
        minLength: 2 ** n,
        maxLength: 2 ** n,
      })
      .map((t) => ({ n, table: [0, ...t.slice(1)] })),
  );

const FC = { seed: 20261127, numRuns: 60 };
const close = (a: number, b: number, scale = 1): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, scale);

describe("exact Shapley value on synthetic games", () => {
  it("is efficient: the shares sum to the grand coalition's value", async () => {
    await fc.assert(
      fc.asyncProperty(arbGame(), async ({ n, table }) => {
        const r = await shapleyExact(tableGame(n, table));
        const sum = Object.values(r.shares).reduce((a, b) => a + b, 0);
        expect(r.grandValue).toBe(table[2 ** n - 1]);
        expect(close(sum, r.grandValue, 1000)).toBe(true);
      }),
      FC,
    );
  });

  it("gives each player its own value in an additive game", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 7 }),
        async (a) => {
          const table = Array.from({ length: 2 ** a.length }, (_, m) =>
            a.reduce((s, x, i) => (m & (1 << i) ? s + x : s), 0),
          );
          const r = await shapleyExact(tableGame(a.length, table));
          a.forEach((x, i) => expect(close(r.shares[`p${i}`] ?? NaN, x, 100)).toBe(true));
        },
      ),
      FC,
    );
  });

  it("gives symmetric players equal shares", async () => {
    await fc.assert(
      fc.asyncProperty(arbGame(2, 6), async ({ n, table }) => {
        // Players 0 and 1 are made symmetric: a coalition with exactly one of them is valued as if it held player 0.
        const sym = table.map((_, m) => ((m & 3) === 2 ? (table[(m & ~2) | 1] ?? 0) : (table[m] ?? 0)));
        const r = await shapleyExact(tableGame(n, sym));
        expect(close(r.shares.p0 ?? NaN, r.shares.p1 ?? NaN, 1000)).toBe(true);
      }),
      FC,
    );
  });

  it("gives a null player (who adds nothing to any coalition) nothing", async () => {
    await fc.assert(
      fc.asyncProperty(arbGame(1, 5), async ({ n, table }) => {
        // Add player n who changes no coalition's value.
        const extended = Array.from({ length: 2 ** (n + 1) }, (_, m) => table[m & ~(1 << n)] ?? 0);
        const r = await shapleyExact(tableGame(n + 1, extended));
        expect(Math.abs(r.shares[`p${n}`] ?? NaN)).toBeLessThan(1e-7 * 1000);
        // ... and the others keep their shares in the game without it.
        const base = await shapleyExact(tableGame(n, table));
        for (let i = 0; i < n; i++)
          expect(close(r.shares[`p${i}`] ?? NaN, base.shares[`p${i}`] ?? NaN, 1000)).toBe(true);
      }),
      FC,
    );
  });

  it("is additive: the allocation of a sum of games is the sum of the allocations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -500, max: 500, noNaN: true }), {
              minLength: 2 ** n,
              maxLength: 2 ** n,
            }),
            fc.array(fc.double({ min: -500, max: 500, noNaN: true }), {
              minLength: 2 ** n,
              maxLength: 2 ** n,
            }),
          ),
        ),
        async ([n, a, b]) => {
          const sum = a.map((x, m) => x + (b[m] ?? 0));
          const [ra, rb, rs] = await Promise.all([
            shapleyExact(tableGame(n, a)),
            shapleyExact(tableGame(n, b)),
            shapleyExact(tableGame(n, sum)),
          ]);
          for (let i = 0; i < n; i++) {
            const p = `p${i}`;
            expect(close((ra.shares[p] ?? 0) + (rb.shares[p] ?? 0), rs.shares[p] ?? NaN, 1000)).toBe(true);
          }
        },
      ),
      FC,
    );
  });

  it("matches a hand-computed three-player game", async () => {
    // v({1})=v({2})=v({3})=0, v({1,2})=v({1,3})=60, v({2,3})=0, v(N)=90 (player 1 is needed by every pair):
    // phi_1 = (2 x 0 + 60 + 60 + 2 x 90) / 6 = 50; phi_2 = (2 x 0 + 60 + 0 + 2 x (90 - 60)) / 6 = 20 = phi_3.
    const table = [0, 0, 0, 60, 0, 60, 0, 90];
    const r = await shapleyExact(tableGame(3, table));
    expect(r.shares.p0).toBeCloseTo(50, 10);
    expect(r.shares.p1).toBeCloseTo(20, 10);
    expect(r.shares.p2).toBeCloseTo(20, 10);
    expect(r.evaluations).toBe(7);
  });
});

describe("sampled Shapley value", () => {
  it("agrees with the exact value within its confidence interval (seeded)", async () => {
    let inside = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(arbGame(3, 7), fc.integer({ min: 1, max: 1e6 }), async ({ n, table }, seed) => {
        const exact = await shapleyExact(tableGame(n, table));
        const sampled = await shapleySampled(tableGame(n, table), { samples: 400, seed, confidence: 0.999 });
        for (const p of Object.keys(exact.shares)) {
          const [lo, hi] = sampled.interval[p] ?? [NaN, NaN];
          const x = exact.shares[p] ?? NaN;
          total++;
          if (x >= lo - 1e-9 && x <= hi + 1e-9) inside++;
        }
        expect(sampled.samples).toBe(400);
      }),
      { seed: 20261127, numRuns: 30 },
    );
    // 99.9 % intervals: essentially every exact share lies inside.
    expect(inside / total).toBeGreaterThanOrEqual(0.99);
  });

  it("is exact with zero width for an additive game and deterministic for a seed", async () => {
    const a = [3, -2, 7, 0, 11];
    const table = Array.from({ length: 32 }, (_, m) => a.reduce((s, x, i) => (m & (1 << i) ? s + x : s), 0));
    const r1 = await shapleySampled(tableGame(5, table), { samples: 20, seed: 7 });
    const r2 = await shapleySampled(tableGame(5, table), { samples: 20, seed: 7 });
    expect(r1).toEqual(r2);
    a.forEach((x, i) => {
      expect(r1.shares[`p${i}`]).toBeCloseTo(x, 10);
      expect(r1.standardError[`p${i}`]).toBeLessThan(1e-9);
    });
  });

  it("narrows its interval with more samples", async () => {
    const table = [0, 0, 0, 60, 0, 60, 0, 90];
    const few = await shapleySampled(tableGame(3, table), { samples: 50, seed: 3 });
    const many = await shapleySampled(tableGame(3, table), { samples: 5000, seed: 3 });
    expect(many.standardError.p0 ?? 1).toBeLessThan((few.standardError.p0 ?? 0) / 3);
  });
});

describe("proportional allocation and the core", () => {
  it("proportional shares sum to v(N) and follow the weights", () => {
    const s = proportionalAllocation(["a", "b", "c"], 120, { a: 1, b: 2, c: 3 });
    expect(s).toEqual({ a: 20, b: 40, c: 60 });
    expect(proportionalAllocation(["a", "b"], 10, {})).toEqual({ a: 5, b: 5 });
  });

  it("finds Shapley in the core of convex games", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 7 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        async (n, k) => {
          // v(S) = k |S|^2 is convex (supermodular): Shapley lies in the core (Shapley 1971).
          const table = Array.from({ length: 2 ** n }, (_, m) => {
            let c = 0;
            for (let x = m; x; x &= x - 1) c++;
            return k * c * c;
          });
          const game = tableGame(n, table);
          const r = await shapleyExact(game);
          const check = await coreCheck(game, r.shares);
          expect(check.inCore).toBe(true);
          expect(check.mostViolated).toBeUndefined();
        },
      ),
      FC,
    );
  });

  it("reports the most violated coalition when the core is empty", async () => {
    // Three players, any pair earns 1, all three earn 1: the core is empty; with 1/3 each a pair gains 1/3.
    const table = [0, 0, 0, 1, 0, 1, 1, 1];
    const game = tableGame(3, table);
    const r = await shapleyExact(game);
    const check = await coreCheck(game, r.shares);
    expect(check.inCore).toBe(false);
    expect(check.mostViolated?.members).toHaveLength(2);
    expect(check.mostViolated?.excess).toBeCloseTo(1 / 3, 10);
    // An inefficient allocation is never in the core.
    expect((await coreCheck(game, { p0: 1, p1: 1, p2: 1 })).inCore).toBe(false);
  });

  it("runs coalition evaluations with bounded concurrency", async () => {
    let active = 0;
    let peak = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });
});
