/** Random small feasible, bounded LPs/MIPs for property tests (fast-check). */
import { createLpBuilder, type LpModel } from "@kera/engine";
import fc from "fast-check";

export interface RandomLpSpec {
  readonly cols: readonly { lb: number; width: number; x0: number; cost: number; integer: boolean }[];
  readonly rows: readonly {
    terms: readonly (readonly [number, number])[];
    kind: "eq" | "le" | "ge" | "range";
    slack: number;
  }[];
  readonly offset: number;
}

const coef = fc
  .double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true })
  .map((v) => (Math.abs(v) < 1e-3 ? 0 : v));

/**
 * Every column has finite bounds [lb, lb + width] (so the LP is bounded) and a point x0 inside them; every
 * row's bounds contain A·x0 (so the LP is feasible). Integer columns get integer bounds and x0.
 */
export function randomLpSpec(options: { allowIntegers?: boolean } = {}): fc.Arbitrary<RandomLpSpec> {
  return fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.record({
      cols: fc.array(
        fc.record({
          lb: fc.integer({ min: -5, max: 5 }),
          width: fc.integer({ min: 0, max: 8 }),
          x0: fc.double({ min: 0, max: 1, noNaN: true }),
          cost: coef,
          integer: options.allowIntegers ? fc.boolean() : fc.constant(false),
        }),
        { minLength: n, maxLength: n },
      ),
      rows: fc.array(
        fc.record({
          terms: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), coef), { minLength: 1, maxLength: 6 }),
          kind: fc.constantFrom("eq" as const, "le" as const, "ge" as const, "range" as const),
          slack: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        { maxLength: 7 },
      ),
      offset: fc.integer({ min: -5, max: 5 }),
    }),
  );
}

export function buildRandomLp(spec: RandomLpSpec): LpModel {
  const lp = createLpBuilder();
  const x0 = spec.cols.map((c) => {
    const v = c.lb + c.x0 * c.width;
    return c.integer ? Math.round(v) : v;
  });
  spec.cols.forEach((c, j) =>
    lp.addVariable({
      name: `asset-${j}:flowOut[${j}]`,
      lb: c.lb,
      ub: c.lb + c.width,
      cost: c.cost,
      integer: c.integer,
    }),
  );
  spec.rows.forEach((r, i) => {
    const activity = r.terms.reduce((sum, [j, a]) => sum + a * x0[j]!, 0);
    const [lb, ub] =
      r.kind === "eq"
        ? [activity, activity]
        : r.kind === "le"
          ? [-Infinity, activity + r.slack]
          : r.kind === "ge"
            ? [activity - r.slack, Infinity]
            : [activity - r.slack, activity + r.slack + 1];
    lp.addConstraint({ name: `bus:balance[${i}]`, terms: r.terms, lb, ub });
  });
  lp.addObjectiveConstant(spec.offset);
  return lp.build();
}
