/** Small models with a known outcome for the status mapping of the Solver contract. */
import { createLpBuilder, type LpModel } from "@kera/engine";

/** x ≥ 2 (row) and x ≤ 1 (bound): infeasible. */
export function infeasibleModel(): LpModel {
  const lp = createLpBuilder();
  const x = lp.addVariable({ name: "pv:capacity", ub: 1, cost: 1 });
  lp.addConstraint({ name: "district:pvTarget", terms: [[x, 1]], lb: 2 });
  return lp.build();
}

/** Selling without limit: min −x − y, x − y ≤ 1, x, y ≥ 0: unbounded. */
export function unboundedModel(): LpModel {
  const lp = createLpBuilder();
  const x = lp.addVariable({ name: "grid:flowOut", cost: -1 });
  const y = lp.addVariable({ name: "grid:flowIn", cost: -1 });
  lp.addConstraint({
    name: "grid:net",
    terms: [
      [x, 1],
      [y, -1],
    ],
    ub: 1,
  });
  return lp.build();
}

/**
 * min 2 x + 3 y, x + y ≥ 4 (row "bus:balance"), x ≤ 3: optimum x = 3, y = 1, objective 9; the balance row's
 * dual is 3 (one more kWh of demand is met by y at 3 EUR), and a constant 10 on top gives 19.
 */
export function dualModel(): { model: LpModel; objective: number; balanceDual: number } {
  const lp = createLpBuilder();
  const x = lp.addVariable({ name: "cheap:flowOut", ub: 3, cost: 2 });
  const y = lp.addVariable({ name: "dear:flowOut", cost: 3 });
  lp.addConstraint({
    name: "bus:balance",
    terms: [
      [x, 1],
      [y, 1],
    ],
    lb: 4,
  });
  lp.addObjectiveConstant(10);
  return { model: lp.build(), objective: 19, balanceDual: 3 };
}

/**
 * Integer knapsack: max 5a + 4b + 3c s.t. 2a + 3b + c ≤ cap, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8, a, b, c
 * integer in 0..10 (the LP of Chvátal, "Linear Programming", 1983, ch. 2, with integrality added), written as
 * min −(…). Its optimum is checked against `knapsackOptimumByEnumeration`; with cap = 4.5 the LP relaxation
 * is fractional, so branch-and-bound must work.
 */
export function knapsackModel(firstCapacity: number): LpModel {
  const lp = createLpBuilder();
  const value = [5, 4, 3];
  const rows = [
    [2, 3, 1],
    [4, 1, 2],
    [3, 4, 2],
  ];
  const caps = [firstCapacity, 11, 8];
  const cols = value.map((v, j) =>
    lp.addVariable({ name: `item:${"abc"[j]}`, cost: -v, ub: 10, integer: true }),
  );
  rows.forEach((coefs, i) => {
    lp.addConstraint({
      name: `knapsack:capacity${i}`,
      terms: coefs.map((c, j) => [cols[j]!, c] as const),
      ub: caps[i]!,
    });
  });
  return lp.build();
}

/** Best knapsack value by enumeration (for `knapsackModel`). */
export function knapsackOptimumByEnumeration(firstCapacity: number): number {
  let best = 0;
  for (let a = 0; a <= 10; a++)
    for (let b = 0; b <= 10; b++)
      for (let c = 0; c <= 10; c++) {
        if (2 * a + 3 * b + c <= firstCapacity && 4 * a + b + 2 * c <= 11 && 3 * a + 4 * b + 2 * c <= 8) {
          best = Math.max(best, 5 * a + 4 * b + 3 * c);
        }
      }
  return -best;
}

/** mulberry32: a small seeded PRNG (public domain, Tommy Ettinger) for deterministic synthetic models. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic storage-dispatch LP big enough that HiGHS cannot finish within a tiny time limit: `hours` steps,
 * `storages` storages with random prices and demand, all on one bus.
 */
export function largeDispatchModel(hours: number, storages: number, seed = 1): LpModel {
  const random = seededRandom(seed);
  const lp = createLpBuilder({
    expectedCols: hours * (2 + 3 * storages),
    expectedRows: hours * (1 + storages),
  });
  const price = Array.from({ length: hours }, () => 0.02 + 0.3 * random());
  const demand = Array.from({ length: hours }, () => 5 + 20 * random());
  const imp = lp.addVariables("grid", "flowIn", hours, { cost: price, ub: 40 });
  const exp = lp.addVariables("grid", "flowOut", hours, { cost: price.map((p) => -0.8 * p), ub: 40 });
  const ch: number[] = [];
  const dis: number[] = [];
  const soc: number[] = [];
  for (let s = 0; s < storages; s++) {
    const power = 2 + 8 * random();
    ch.push(lp.addVariables(`storage-${s}`, "flowIn", hours, { ub: power }));
    dis.push(lp.addVariables(`storage-${s}`, "flowOut", hours, { ub: power }));
    soc.push(lp.addVariables(`storage-${s}`, "stateOfCharge", hours, { ub: power * (2 + 4 * random()) }));
  }
  for (let t = 0; t < hours; t++) {
    const terms: [number, number][] = [
      [imp + t, 1],
      [exp + t, -1],
    ];
    for (let s = 0; s < storages; s++) terms.push([ch[s]! + t, -1], [dis[s]! + t, 1]);
    lp.addConstraint({ name: `bus-el:balance[${t}]`, terms, lb: demand[t]!, ub: demand[t]! });
    for (let s = 0; s < storages; s++) {
      const prev = (t + hours - 1) % hours; // cyclic
      lp.addConstraint({
        name: `storage-${s}:socBalance[${t}]`,
        terms: [
          [soc[s]! + t, 1],
          [soc[s]! + prev, -0.999],
          [ch[s]! + t, -0.95],
          [dis[s]! + t, 1 / 0.95],
        ],
        lb: 0,
        ub: 0,
      });
    }
  }
  return lp.build();
}
