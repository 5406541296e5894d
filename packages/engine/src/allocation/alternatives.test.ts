import { describe, expect, it } from "vitest";
import { createLpBuilder } from "../lp/lp-builder.js";
import { withCostLimit } from "./alternatives.js";

describe("withCostLimit", () => {
  it("adds one row holding the objective's terms, bounded by the limit minus the constant", () => {
    const lp = createLpBuilder();
    const x = lp.addVariable({ name: "a:x", cost: 2, ub: 10 });
    const y = lp.addVariable({ name: "a:y", cost: 0, ub: 10 });
    const z = lp.addVariable({ name: "a:z", cost: -3, ub: 10 });
    lp.addConstraint({
      name: "a:r0",
      terms: [
        [x, 1],
        [y, 1],
      ],
      lb: 1,
    });
    lp.addConstraint({
      name: "a:r1",
      terms: [
        [y, 4],
        [z, 5],
      ],
      ub: 7,
    });
    lp.addObjectiveConstant(100);
    const model = lp.build();
    const limited = withCostLimit(model, 130);
    expect(limited.numRows).toBe(3);
    expect(limited.rowNames[2]).toBe("mga:costLimit");
    expect(limited.rowUpper[2]).toBe(30);
    expect(limited.rowLower[2]).toBe(Number.NEGATIVE_INFINITY);
    // Dense view of the matrix: the original rows are kept, the new row is the cost vector.
    const dense = Array.from({ length: 3 }, () => [0, 0, 0]);
    const { colStart, rowIndex, value } = limited.matrix;
    for (let j = 0; j < 3; j++)
      for (let k = colStart[j] ?? 0; k < (colStart[j + 1] ?? 0); k++)
        (dense[rowIndex[k] ?? 0] as number[])[j] = value[k] ?? 0;
    expect(dense).toEqual([
      [1, 1, 0],
      [0, 4, 5],
      [2, 0, -3],
    ]);
    // The input is unchanged.
    expect(model.numRows).toBe(2);
  });
});
