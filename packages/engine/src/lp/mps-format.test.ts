import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLpBuilder } from "./lp-builder.js";
import type { LpModel } from "./lp-model.js";
import { toMps } from "./mps-format.js";

/**
 * A small, independent reader of the free MPS subset `toMps` writes (ROWS, COLUMNS with MARKERs, RHS,
 * RANGES, BOUNDS), following the IBM CPLEX "MPS file format" reference, to check the writer round-trips.
 */
function readMps(text: string) {
  const rowType = new Map<string, string>();
  const cols: string[] = [];
  const colData = new Map<
    string,
    { cost: number; entries: Map<string, number>; lb: number; ub: number; int: boolean }
  >();
  const rhs = new Map<string, number>();
  const range = new Map<string, number>();
  let section = "";
  let inInt = false;
  let offset = 0;
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    if (!raw.startsWith(" ")) {
      section = raw.split(/\s+/)[0]!;
      continue;
    }
    const f = raw.trim().split(/\s+/);
    if (section === "ROWS") rowType.set(f[1]!, f[0]!);
    else if (section === "COLUMNS") {
      if (f[1] === "'MARKER'") {
        inInt = f[2] === "'INTORG'";
        continue;
      }
      let c = colData.get(f[0]!);
      if (!c) {
        c = { cost: 0, entries: new Map(), lb: 0, ub: Infinity, int: inInt };
        colData.set(f[0]!, c);
        cols.push(f[0]!);
      }
      if (f[1] === "obj") c.cost = Number(f[2]);
      else c.entries.set(f[1]!, Number(f[2]));
    } else if (section === "RHS") {
      if (f[1] === "obj") offset = -Number(f[2]);
      else rhs.set(f[1]!, Number(f[2]));
    } else if (section === "RANGES") range.set(f[1]!, Number(f[2]));
    else if (section === "BOUNDS") {
      const c = colData.get(f[2]!)!;
      const v = Number(f[3]);
      if (f[0] === "UP") {
        c.ub = v;
      } else if (f[0] === "LO") c.lb = v;
      else if (f[0] === "FX") c.lb = c.ub = v;
      else if (f[0] === "FR") [c.lb, c.ub] = [-Infinity, Infinity];
      else if (f[0] === "MI") c.lb = -Infinity;
      else if (f[0] === "PL") c.ub = Infinity;
    }
  }
  const rows = [...rowType.keys()].filter((r) => rowType.get(r) !== "N");
  const bounds = rows.map((r) => {
    const t = rowType.get(r)!;
    const b = rhs.get(r) ?? 0;
    const R = range.get(r);
    if (t === "E") return [b, b];
    if (t === "L") return R === undefined ? [-Infinity, b] : [b - Math.abs(R), b];
    return R === undefined ? [b, Infinity] : [b, b + Math.abs(R)];
  });
  return { cols, colData, rows, bounds, offset };
}

function modelArb() {
  const bound = fc.oneof(fc.constant(-Infinity), fc.constant(Infinity), fc.integer({ min: -5, max: 5 }));
  return fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      cols: fc.array(
        fc.record({ a: bound, b: bound, cost: fc.integer({ min: -4, max: 4 }), int: fc.boolean() }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      rows: fc.array(
        fc.record({
          terms: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: -3, max: 3 })), {
            maxLength: 6,
          }),
          a: fc.integer({ min: -5, max: 5 }),
          kind: fc.constantFrom("eq", "le", "ge", "range"),
          width: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 6 },
      ),
      offset: fc.integer({ min: -3, max: 3 }),
    }),
  );
}

function build(spec: ReturnType<typeof modelArb> extends fc.Arbitrary<infer T> ? T : never): LpModel {
  const lp = createLpBuilder();
  spec.cols.forEach((c, j) => {
    const lb = Math.min(c.a, c.b) === Infinity ? 0 : Math.min(c.a, c.b);
    const ub = Math.max(c.a, c.b) === -Infinity ? 0 : Math.max(c.a, c.b);
    lp.addVariable({ name: `asset-${j}:x[${j}]`, lb, ub, cost: c.cost, integer: c.int });
  });
  spec.rows.forEach((r, i) => {
    const [lb, ub] =
      r.kind === "eq"
        ? [r.a, r.a]
        : r.kind === "le"
          ? [-Infinity, r.a]
          : r.kind === "ge"
            ? [r.a, Infinity]
            : [r.a, r.a + r.width];
    lp.addConstraint({ name: `bus:row[${i}]`, terms: r.terms, lb, ub });
  });
  lp.addObjectiveConstant(spec.offset);
  return lp.build();
}

describe("toMps", () => {
  it("round-trips bounds, ranges, integers, costs, coefficients and the objective constant", () => {
    fc.assert(
      fc.property(modelArb(), (spec) => {
        const model = build(spec);
        const read = readMps(toMps(model));
        expect(read.cols).toEqual(model.colNames);
        expect(read.rows).toEqual(model.rowNames);
        expect(read.offset).toBe(model.objectiveOffset);
        model.colNames.forEach((name, j) => {
          const c = read.colData.get(name)!;
          expect([c.lb, c.ub, c.cost, c.int]).toEqual([
            model.colLower[j],
            model.colUpper[j],
            model.colCost[j],
            model.colInteger[j] === 1,
          ]);
          for (let k = model.matrix.colStart[j]!; k < model.matrix.colStart[j + 1]!; k++) {
            expect(c.entries.get(model.rowNames[model.matrix.rowIndex[k]!]!)).toBe(model.matrix.value[k]);
          }
          expect(c.entries.size).toBe(model.matrix.colStart[j + 1]! - model.matrix.colStart[j]!);
        });
        read.bounds.forEach(([lb, ub], i) =>
          expect([lb, ub]).toEqual([model.rowLower[i], model.rowUpper[i]]),
        );
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("writes large models (no argument spreading of 10⁵-element arrays: regression of a stack overflow)", () => {
    const lp = createLpBuilder();
    const start = lp.addVariables("grid", "flowIn", 200_000, { lb: 1, ub: 5 });
    lp.addConstraint({ name: "grid:limit", terms: [[start, 1]], lb: 1, ub: 4 });
    const text = toMps(lp.build());
    expect(text.split("\n").filter((l) => l.startsWith(" UP bnd ")).length).toBe(200_000);
  });

  it("keeps contract names unchanged (free MPS separates fields by whitespace)", () => {
    const lp = createLpBuilder();
    const x = lp.addVariables("pv-roof-12", "flowOut", 1, { ub: -1, lb: -2 });
    lp.addConstraint({ name: "bus-el:balance[0]", terms: [[x, 1]], lb: -1.5, ub: -1.5 });
    const text = toMps(lp.build());
    expect(text).toContain(" E bus-el:balance[0]");
    expect(text).toContain(" pv-roof-12:flowOut[0] bus-el:balance[0] 1");
    // UP before LO so that a negative UP is followed by the explicit lower bound.
    expect(text.indexOf(" UP bnd pv-roof-12:flowOut[0] -1")).toBeLessThan(
      text.indexOf(" LO bnd pv-roof-12:flowOut[0] -2"),
    );
  });
});
