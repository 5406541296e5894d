/**
 * The Solver port's contract suite (STYLE.md §1.4, §5 "contract"): every adapter must pass it. Usage in an
 * adapter's test file:
 *
 *   describeSolverContract("highs in-thread", () => createHighsSolver());
 */
import { readLpSolution, type LpModel, type Solver } from "@kera/engine";
import { afterAll, describe, expect, it } from "vitest";
import { microModels } from "./micro-models.js";
import {
  dualModel,
  infeasibleModel,
  knapsackModel,
  knapsackOptimumByEnumeration,
  largeDispatchModel,
  unboundedModel,
} from "./status-models.js";

/** |a − b| ≤ 1e-6 · max(1, |b|): the acceptance tolerance of the micro-models. */
export function expectRelativelyClose(actual: number | undefined, expected: number, tolerance = 1e-6): void {
  expect(actual).toBeTypeOf("number");
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected) / scale).toBeLessThanOrEqual(tolerance);
}

function brokenModel(): LpModel {
  // colStart claims two non-zeros but the arrays hold one: the adapter must report, not throw.
  return {
    sense: "min",
    numCols: 1,
    numRows: 1,
    colNames: ["x:flowOut"],
    rowNames: ["x:limit"],
    colLower: new Float64Array([0]),
    colUpper: new Float64Array([Infinity]),
    colCost: new Float64Array([1]),
    colInteger: new Uint8Array([0]),
    rowLower: new Float64Array([1]),
    rowUpper: new Float64Array([Infinity]),
    matrix: { colStart: new Int32Array([0, 2]), rowIndex: new Int32Array([0]), value: new Float64Array([1]) },
    objectiveOffset: 0,
  };
}

export function describeSolverContract(label: string, createSolver: () => Solver): void {
  describe(`Solver contract: ${label}`, () => {
    const solver = createSolver();
    afterAll(async () => {
      await solver.dispose();
    });

    it("has a name and a version", () => {
      expect(solver.name).toMatch(/\S/);
      expect(solver.version).toMatch(/^\d+\.\d+/);
    });

    for (const micro of microModels()) {
      it(`solves the micro-model "${micro.title}" to the hand-computed optimum (1e-6 relative)`, async () => {
        const result = await solver.solve(micro.model);
        expect(result.status).toBe("optimal");
        expectRelativelyClose(result.objective, micro.objective);
        const solution = readLpSolution(micro.model, result);
        expect(solution).toBeDefined();
        for (const [name, value] of Object.entries(micro.values)) {
          expectRelativelyClose(solution?.value(name), value);
        }
        expect(result.seconds).toBeGreaterThanOrEqual(0);
      });
    }

    it("returns row duals as ∂objective/∂(row bound) and includes the objective constant", async () => {
      const { model, objective, balanceDual } = dualModel();
      const result = await solver.solve(model, { method: "simplex" });
      expect(result.status).toBe("optimal");
      expectRelativelyClose(result.objective, objective);
      expectRelativelyClose(readLpSolution(model, result)?.dual("bus:balance"), balanceDual);
    });

    it("gives the same optimum with every method", async () => {
      const micro = microModels()[0]!;
      for (const method of ["simplex", "ipm", "choose"] as const) {
        const result = await solver.solve(micro.model, { method });
        expect(result.status, method).toBe("optimal");
        expectRelativelyClose(result.objective, micro.objective);
      }
    });

    it("reports an infeasible model as a value with an explanation", async () => {
      const result = await solver.solve(infeasibleModel());
      expect(result.status).toBe("infeasible");
      expect(result.primal).toBeUndefined();
      expect(result.message).toMatch(/constraint/i);
    });

    it("reports an unbounded model as a value", async () => {
      const result = await solver.solve(unboundedModel());
      expect(result.status).toBe("unbounded");
      expect(result.primal).toBeUndefined();
    });

    it("stops at a tiny time limit with status timeLimit", async () => {
      const result = await solver.solve(largeDispatchModel(2000, 4), { timeLimitS: 1e-4 });
      expect(result.status).toBe("timeLimit");
      expect(result.message).toMatch(/limit/);
    });

    it("solves MIPs (integer columns) to the enumerated optimum", async () => {
      for (const cap of [5, 4.5]) {
        const result = await solver.solve(knapsackModel(cap), { mipGap: 0 });
        expect(result.status).toBe("optimal");
        expectRelativelyClose(result.objective, knapsackOptimumByEnumeration(cap));
        for (const v of result.primal ?? []) expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-6);
        expect(result.dual).toBeUndefined();
      }
    });

    it("treats a model without rows or columns as optimal at its constant", async () => {
      const model: LpModel = { ...brokenModel(), numCols: 0, numRows: 0, colNames: [], rowNames: [] };
      const empty: LpModel = {
        ...model,
        colLower: new Float64Array(0),
        colUpper: new Float64Array(0),
        colCost: new Float64Array(0),
        colInteger: new Uint8Array(0),
        rowLower: new Float64Array(0),
        rowUpper: new Float64Array(0),
        matrix: { colStart: new Int32Array([0]), rowIndex: new Int32Array(0), value: new Float64Array(0) },
        objectiveOffset: 4.5,
      };
      const result = await solver.solve(empty);
      expect(result.status).toBe("optimal");
      expectRelativelyClose(result.objective, 4.5);
    });

    it("reports a malformed model as solverError instead of throwing, and keeps working", async () => {
      const result = await solver.solve(brokenModel());
      expect(result.status).toBe("solverError");
      expect(result.message).toBeTruthy();
      const micro = microModels()[1]!;
      const next = await solver.solve(micro.model);
      expect(next.status).toBe("optimal");
      expectRelativelyClose(next.objective, micro.objective);
    });

    it("returns solverError 'aborted' for an already aborted signal", async () => {
      const controller = new AbortController();
      controller.abort();
      const result = await solver.solve(microModels()[0]!.model, { signal: controller.signal });
      expect(result).toMatchObject({ status: "solverError", message: "aborted" });
    });

    it("handles concurrent solves independently", async () => {
      const models = microModels();
      const results = await Promise.all(models.map((m) => solver.solve(m.model)));
      results.forEach((r, i) => expectRelativelyClose(r.objective, models[i]!.objective));
    });
  });
}
