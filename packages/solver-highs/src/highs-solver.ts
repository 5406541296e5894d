import type { LpModel, SolveOptions, SolveResult, Solver } from "@kera/engine";
import { createHighsRuntimeHolder, defaultHighsLoader, type HighsLoader } from "./highs-runtime.js";
import { solveWithHighs, type HighsSolveSettings } from "./highs-solve.js";

/** The version of HiGHS compiled into the `highs` package this adapter was built and tested with. */
export const HIGHS_VERSION = "1.15.1";

export interface HighsSolverOptions extends HighsSolveSettings {
  /** How to load the WASM runtime (browser: pass `defaultHighsLoader({ locateFile })`). */
  readonly loader?: HighsLoader;
  /** Recycle the runtime when its linear memory exceeds this (bytes). Default 512 MiB. */
  readonly recycleAboveBytes?: number;
}

/** Diagnostics of an in-thread adapter (for tests and benchmarks). */
export interface HighsSolver extends Solver {
  /** Linear memory of the loaded runtime, bytes (0 before the first solve). */
  readonly memoryBytes: number;
  /** How many times the runtime was (re)loaded. */
  readonly runtimeLoads: number;
}

/**
 * The Solver port on the calling thread. Solving blocks this thread (HiGHS runs synchronously once loaded):
 * use `createHighsWorkerSolver` in a server or CLI that must stay responsive, or a Web Worker in a browser.
 * Solves are serialised: HiGHS' runtime is not reentrant.
 */
export function createHighsSolver(options: HighsSolverOptions = {}): HighsSolver {
  const holder = createHighsRuntimeHolder(options.loader ?? defaultHighsLoader(), options.recycleAboveBytes);
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (model: LpModel, solveOptions: SolveOptions): Promise<SolveResult> => {
    if (solveOptions.signal?.aborted) return { status: "solverError", message: "aborted", seconds: 0 };
    let highs;
    try {
      highs = await holder.get();
    } catch (error) {
      return {
        status: "solverError",
        message: `could not load HiGHS: ${error instanceof Error ? error.message : String(error)}`,
        seconds: 0,
      };
    }
    const { signal: _signal, ...rest } = solveOptions;
    const { result, runtimeBroken } = solveWithHighs(highs, model, rest, options);
    holder.release(runtimeBroken);
    return result;
  };
  return {
    name: "highs",
    version: HIGHS_VERSION,
    solve(model, solveOptions = {}) {
      const next = queue.then(() => run(model, solveOptions));
      queue = next.catch(() => undefined);
      return next;
    },
    async dispose() {
      await queue;
      holder.dispose();
    },
    get memoryBytes() {
      return holder.memoryBytes;
    },
    get runtimeLoads() {
      return holder.loads;
    },
  };
}
