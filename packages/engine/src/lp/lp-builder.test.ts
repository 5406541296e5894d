import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import { createLpBuilder, type LpTerm } from "./lp-builder.js";
import type { LpModel } from "./lp-model.js";
import { countNonZeros, hasIntegerColumns } from "./lp-model.js";
import { parseLpName } from "./lp-names.js";

/** Dense matrix from the CSC arrays, for checks. */
function denseOf(model: LpModel): number[][] {
  const a = Array.from({ length: model.numRows }, () => new Array<number>(model.numCols).fill(0));
  const { colStart, rowIndex, value } = model.matrix;
  for (let j = 0; j < model.numCols; j++) {
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) a[rowIndex[k]!]![j]! += value[k]!;
  }
  return a;
}

function expectConsistentCsc(model: LpModel): void {
  const { colStart, rowIndex, value } = model.matrix;
  expect(colStart.length).toBe(model.numCols + 1);
  expect(colStart[0]).toBe(0);
  expect(colStart[model.numCols]).toBe(rowIndex.length);
  expect(value.length).toBe(rowIndex.length);
  for (let j = 0; j < model.numCols; j++) {
    expect(colStart[j + 1]!).toBeGreaterThanOrEqual(colStart[j]!);
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
      expect(rowIndex[k]!).toBeGreaterThanOrEqual(0);
      expect(rowIndex[k]!).toBeLessThan(model.numRows);
      if (k > colStart[j]!) expect(rowIndex[k]!).toBeGreaterThan(rowIndex[k - 1]!);
      expect(value[k]).not.toBe(0);
    }
  }
  for (const arr of [model.colLower, model.colUpper, model.colCost, model.colInteger]) {
    expect(arr.length).toBe(model.numCols);
  }
  expect(model.rowLower.length).toBe(model.numRows);
  expect(model.rowUpper.length).toBe(model.numRows);
  expect(new Set(model.colNames).size).toBe(model.numCols);
  expect(new Set(model.rowNames).size).toBe(model.numRows);
}

describe("createLpBuilder", () => {
  it("stores variables, constraints and objective terms in CSC form with contract names", () => {
    const lp = createLpBuilder();
    const pv = lp.addVariables("pv-roof-12", "flowOut", 3, { ub: [4, 5, 6], cost: 0.01 });
    const cap = lp.addVariable({ name: "battery:capacity", lb: 1, ub: 20, cost: 30, integer: true });
    const r0 = lp.addConstraint({
      name: "bus-el:balance[0]",
      terms: [
        [pv, 1],
        [cap, -0.5],
      ],
      lb: 2,
      ub: 2,
    });
    const r1 = lp.addConstraint({ name: "bus-el:balance[1]", terms: [[pv + 1, 1]], lb: 1 });
    lp.addObjectiveTerm(pv + 2, 0.04);
    lp.addObjectiveConstant(3);
    const model = lp.build();

    expect([pv, cap, r0, r1]).toEqual([0, 3, 0, 1]);
    expect(model.colNames).toEqual([
      "pv-roof-12:flowOut[0]",
      "pv-roof-12:flowOut[1]",
      "pv-roof-12:flowOut[2]",
      "battery:capacity",
    ]);
    expect(Array.from(model.colUpper)).toEqual([4, 5, 6, 20]);
    expect(Array.from(model.colLower)).toEqual([0, 0, 0, 1]);
    expect(Array.from(model.colCost)).toEqual([0.01, 0.01, 0.05, 30]);
    expect(Array.from(model.colInteger)).toEqual([0, 0, 0, 1]);
    expect(hasIntegerColumns(model)).toBe(true);
    expect(Array.from(model.rowLower)).toEqual([2, 1]);
    expect(Array.from(model.rowUpper)).toEqual([2, Infinity]);
    expect(Array.from(model.matrix.colStart)).toEqual([0, 1, 2, 2, 3]);
    expect(Array.from(model.matrix.rowIndex)).toEqual([0, 1, 0]);
    expect(Array.from(model.matrix.value)).toEqual([1, 1, -0.5]);
    expect(countNonZeros(model)).toBe(3);
    expect(model.objectiveOffset).toBe(3);
    expect(lp.variableIndex("pv-roof-12:flowOut[2]")).toBe(2);
    expect(lp.constraintIndex("bus-el:balance[1]")).toBe(1);
    expect(lp.variableIndex("nope:x")).toBeUndefined();
  });

  it("sums repeated terms of one constraint and drops zero coefficients", () => {
    const lp = createLpBuilder();
    const x = lp.addVariable({ name: "a:x" });
    const y = lp.addVariable({ name: "a:y" });
    lp.addConstraint({
      name: "a:row",
      terms: [
        [x, 1],
        [y, 2],
        [x, 3],
        [y, -2],
      ],
      ub: 5,
    });
    const model = lp.build();
    expect(denseOf(model)).toEqual([[4, 0]]);
    expect(countNonZeros(model)).toBe(1);
  });

  it("returns a snapshot: later additions do not change a built model", () => {
    const lp = createLpBuilder();
    lp.addVariable({ name: "a:x", cost: 1 });
    const first = lp.build();
    lp.addVariable({ name: "a:y" });
    lp.addObjectiveTerm(0, 1);
    expect(first.numCols).toBe(1);
    expect(Array.from(first.colCost)).toEqual([1]);
    expect(lp.build().numCols).toBe(2);
  });

  it("sets bounds of an existing variable", () => {
    const lp = createLpBuilder();
    const x = lp.addVariable({ name: "a:x" });
    lp.setVariableBounds(x, 2, 2);
    const model = lp.build();
    expect([model.colLower[0], model.colUpper[0]]).toEqual([2, 2]);
  });

  it("throws EngineError for formulation bugs", () => {
    const lp = createLpBuilder();
    const x = lp.addVariable({ name: "a:x" });
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof EngineError ? error.code : "not-an-engine-error";
      }
      return undefined;
    };
    expect(codeOf(() => lp.addVariable({ name: "a:x" }))).toBe("duplicate-lp-name");
    expect(codeOf(() => lp.addVariable({ name: "no attribute" }))).toBe("invalid-lp-name");
    expect(codeOf(() => lp.addVariable({ name: "a:y", lb: NaN }))).toBe("lp-not-a-number");
    expect(codeOf(() => lp.addVariable({ name: "a:y", lb: Infinity }))).toBe("lp-bad-bound");
    expect(codeOf(() => lp.addVariable({ name: "a:y", cost: Infinity }))).toBe("lp-bad-cost");
    expect(codeOf(() => lp.addVariables("a", "s", 3, { ub: [1, 2] }))).toBe("lp-series-too-short");
    expect(codeOf(() => lp.addVariables("a", "t", -1))).toBe("lp-bad-hours");
    expect(codeOf(() => lp.addConstraint({ name: "a:c", terms: [[x + 5, 1]], ub: 1 }))).toBe(
      "unknown-lp-column",
    );
    expect(codeOf(() => lp.addConstraint({ name: "a:c", terms: [[x, NaN]], ub: 1 }))).toBe(
      "lp-bad-coefficient",
    );
    expect(codeOf(() => lp.addConstraint({ name: "a:c", terms: [[x, 1]] }))).toBe("lp-bad-bound");
    lp.addConstraint({ name: "a:c", terms: [[x, 1]], ub: 1 });
    expect(codeOf(() => lp.addConstraint({ name: "a:c", terms: [[x, 1]], ub: 1 }))).toBe("duplicate-lp-name");
    expect(codeOf(() => lp.addObjectiveTerm(7, 1))).toBe("unknown-lp-column");
  });

  it("detects name clashes between hourly series and single variables, and finds both by name", () => {
    const lp = createLpBuilder();
    const soc = lp.addVariables("battery", "stateOfCharge", 24);
    const single = lp.addVariable({ name: "tank:stateOfCharge[3]" });
    expect(() => lp.addVariable({ name: "battery:stateOfCharge[5]" })).toThrow(/duplicate-lp-name/);
    expect(() => lp.addVariables("battery", "stateOfCharge", 2)).toThrow(/duplicate-lp-name/);
    expect(() => lp.addVariables("tank", "stateOfCharge", 2)).toThrow(/duplicate-lp-name/);
    lp.addVariable({ name: "battery:stateOfCharge[24]" }); // beyond the series: a different variable
    expect(lp.variableIndex("battery:stateOfCharge[5]")).toBe(soc + 5);
    expect(lp.variableIndex("battery:stateOfCharge[24]")).toBe(25);
    expect(lp.variableIndex("tank:stateOfCharge[3]")).toBe(single);
    expect(lp.variableIndex("tank:stateOfCharge[4]")).toBeUndefined();
    expect(lp.variableIndex("battery:stateOfCharge")).toBeUndefined();
    expect(lp.variableSeries("battery", "stateOfCharge")).toEqual({ start: soc, count: 24 });
    expect(lp.variableSeries("tank", "stateOfCharge")).toBeUndefined();
  });

  it("builds a district-size hourly model quickly enough to be usable (size check, not timing)", () => {
    // 8760 h × 20 variables per hour: 175 200 columns. Performance is measured in bench/solver.bench.mjs.
    const hours = 8760;
    const lp = createLpBuilder({
      expectedCols: hours * 20,
      expectedRows: hours * 11,
      expectedNonZeros: hours * 60,
    });
    const starts = Array.from({ length: 20 }, (_, a) =>
      lp.addVariables(`asset-${a}`, "flowOut", hours, { ub: 10 }),
    );
    for (let t = 0; t < hours; t++) {
      lp.addConstraint({
        name: `bus:balance[${t}]`,
        terms: starts.map((s, a): LpTerm => [s + t, a % 2 === 0 ? 1 : -1]),
        lb: 1,
        ub: 1,
      });
    }
    const model = lp.build();
    expect(model.numCols).toBe(175_200);
    expect(countNonZeros(model)).toBe(175_200);
    expect(model.colNames[175_199]).toBe("asset-19:flowOut[8759]");
  });
});

describe("createLpBuilder properties (fast-check)", () => {
  const termArb = (numCols: number) =>
    fc.tuple(
      fc.integer({ min: 0, max: numCols - 1 }),
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: -5, max: 5 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
      ),
    );
  const modelArb = fc.integer({ min: 1, max: 8 }).chain((numCols) =>
    fc.record({
      numCols: fc.constant(numCols),
      rows: fc.array(fc.array(termArb(numCols), { maxLength: 12 }), { maxLength: 8 }),
      costs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: numCols, maxLength: numCols }),
    }),
  );

  it("keeps the CSC arrays consistent with the terms added, and names unique and in contract form", () => {
    fc.assert(
      fc.property(modelArb, ({ numCols, rows, costs }) => {
        const lp = createLpBuilder({ expectedCols: 1, expectedRows: 1, expectedNonZeros: 1 });
        for (let j = 0; j < numCols; j++) lp.addVariable({ name: `asset-${j % 3}:x${j}`, cost: costs[j]! });
        const expected = rows.map(() => new Array<number>(numCols).fill(0));
        rows.forEach((terms, i) => {
          for (const [j, c] of terms) expected[i]![j]! += c;
          lp.addConstraint({ name: `bus:balance[${i}]`, terms, lb: -1, ub: 1 });
        });
        const model = lp.build();
        expectConsistentCsc(model);
        const dense = denseOf(model);
        dense.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 12)));
        for (const name of [...model.colNames, ...model.rowNames]) expect(parseLpName(name)).toBeDefined();
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });
});
