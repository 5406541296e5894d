import type { LpModel } from "../lp/lp-model.js";
import type { Solver, SolveOptions, SolveResult } from "../lp/solver-port.js";
import { EngineError } from "../errors.js";

/**
 * Several Solver ports (e.g. one HiGHS worker thread per core) behind one port: each solve goes to the next
 * idle solver, in request order, so that coalitions evaluated with `concurrency` > 1 run in parallel.
 * Disposing the pool disposes every member.
 */
export function createSolverPool(solvers: readonly Solver[]): Solver {
  const first = solvers[0];
  if (!first) throw new EngineError("empty-solver-pool", "a solver pool needs at least one solver");
  const idle: Solver[] = [...solvers];
  const waiting: ((s: Solver) => void)[] = [];
  const acquire = (): Promise<Solver> => {
    const s = idle.shift();
    return s ? Promise.resolve(s) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (s: Solver): void => {
    const next = waiting.shift();
    if (next) next(s);
    else idle.push(s);
  };
  return {
    name: `pool(${solvers.length} x ${first.name})`,
    version: first.version,
    async solve(model: LpModel, options?: SolveOptions): Promise<SolveResult> {
      const s = await acquire();
      try {
        return await s.solve(model, options);
      } finally {
        release(s);
      }
    },
    async dispose(): Promise<void> {
      await Promise.all(solvers.map((s) => s.dispose()));
    },
  };
}
