import { describe, expect, it } from "vitest";
import type { Solver, SolveResult } from "../lp/solver-port.js";
import type { LpModel } from "../lp/lp-model.js";
import { createSolverPool } from "./solver-pool.js";

/** A fake solver that records how many solves overlap and answers after a tick. */
function fake(name: string, log: string[], active: { now: number; peak: number }): Solver {
  let disposed = false;
  return {
    name,
    version: "0",
    async solve(model: LpModel): Promise<SolveResult> {
      active.now++;
      active.peak = Math.max(active.peak, active.now);
      log.push(`${name}:${model.numCols}`);
      await new Promise((r) => setTimeout(r, 2));
      active.now--;
      return { status: "optimal", objective: model.numCols, seconds: 0 };
    },
    async dispose() {
      if (disposed) throw new Error("twice");
      disposed = true;
    },
  };
}

const model = (numCols: number) => ({ numCols }) as unknown as LpModel;

describe("createSolverPool", () => {
  it("runs at most one solve per member at a time and answers every request", async () => {
    const log: string[] = [];
    const active = { now: 0, peak: 0 };
    const pool = createSolverPool([fake("a", log, active), fake("b", log, active)]);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.solve(model(n))));
    expect(results.map((r) => r.objective)).toEqual([1, 2, 3, 4, 5]);
    expect(active.peak).toBe(2);
    expect(log.filter((l) => l.startsWith("a:")).length).toBeGreaterThan(0);
    expect(log.filter((l) => l.startsWith("b:")).length).toBeGreaterThan(0);
    expect(pool.name).toBe("pool(2 x a)");
    await pool.dispose();
  });

  it("needs at least one solver", () => {
    expect(() => createSolverPool([])).toThrow(/empty-solver-pool/);
  });
});
