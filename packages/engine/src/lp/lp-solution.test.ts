import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import { createLpBuilder } from "./lp-builder.js";
import { findColumn, findRow, readLpSolution } from "./lp-solution.js";

describe("readLpSolution", () => {
  const lp = createLpBuilder();
  const x = lp.addVariables("battery", "stateOfCharge", 3);
  lp.addVariable({ name: "dh:peak" });
  lp.addConstraint({ name: "battery:socBalance[0]", terms: [[x, 1]], ub: 4 });
  const model = lp.build();

  it("reads values by contract name, by index and as an hourly series", () => {
    const solution = readLpSolution(model, {
      status: "optimal",
      objective: 12,
      primal: new Float64Array([1, 2, 3, 9]),
      dual: new Float64Array([-0.5]),
      seconds: 0,
    });
    expect(solution?.objective).toBe(12);
    expect(solution?.value("dh:peak")).toBe(9);
    expect(solution?.valueAt(1)).toBe(2);
    expect(Array.from(solution?.series("battery", "stateOfCharge", 3) ?? [])).toEqual([1, 2, 3]);
    expect(solution?.dual("battery:socBalance[0]")).toBe(-0.5);
    expect(findColumn(model, "dh:peak")).toBe(3);
    expect(findRow(model, "battery:socBalance[0]")).toBe(0);
    expect(() => solution?.value("dh:peek")).toThrow(EngineError);
    expect(() => solution?.valueAt(4)).toThrow(EngineError);
  });

  it("reads the same values from a model without the series index (hand-made models)", () => {
    const bare = { ...model, columnSeries: undefined };
    const result = {
      status: "optimal" as const,
      objective: 1,
      primal: new Float64Array([1, 2, 3, 9]),
      seconds: 0,
    };
    const a = readLpSolution(model, result);
    const b = readLpSolution(bare, result);
    expect(Array.from(b?.series("battery", "stateOfCharge", 3) ?? [])).toEqual(
      Array.from(a?.series("battery", "stateOfCharge", 3) ?? []),
    );
    expect(findColumn(bare, "battery:stateOfCharge[2]")).toBe(2);
    expect(findColumn(model, "battery:stateOfCharge[3]")).toBeUndefined();
    expect(() => a?.series("battery", "stateOfCharge", 4)).toThrow(EngineError);
  });

  it("is undefined without primal values, and has no duals for a MIP result", () => {
    expect(readLpSolution(model, { status: "infeasible", seconds: 0 })).toBeUndefined();
    const mip = readLpSolution(model, {
      status: "optimal",
      objective: 1,
      primal: new Float64Array(4),
      seconds: 0,
    });
    expect(mip?.dual("battery:socBalance[0]")).toBeUndefined();
    expect(() =>
      readLpSolution(model, { status: "optimal", objective: 1, primal: new Float64Array(2), seconds: 0 }),
    ).toThrow(EngineError);
  });
});
