import type { LpModel } from "./lp-model.js";

/**
 * The Solver port (STYLE.md §1.4): the engine builds an `LpModel`, an adapter (e.g. `@kera/solver-highs`)
 * solves it. Domain outcomes are values, never exceptions: an adapter's `solve` resolves for every model,
 * including infeasible or unbounded ones, malformed input inside the solver, a crashed worker or an abort.
 */
export interface Solver {
  /** Adapter name, e.g. "highs" or "highs-worker". */
  readonly name: string;
  /** Version of the underlying solver, e.g. "1.15.1". */
  readonly version: string;
  solve(model: LpModel, options?: SolveOptions): Promise<SolveResult>;
  /** Releases the adapter's resources (WASM instance, worker thread). Idempotent. */
  dispose(): Promise<void>;
}

/** Subset of the DOM/Node `AbortSignal` that the port needs (the engine has no DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export type SolveMethod = "simplex" | "ipm" | "choose";

export interface SolveOptions {
  /** Wall-clock limit in seconds; on expiry the status is "timeLimit". Default: none. */
  readonly timeLimitS?: number;
  /** Relative MIP gap at which branch-and-bound stops (MIPs only). Default: the solver's (HiGHS: 1e-4). */
  readonly mipGap?: number;
  /** LP algorithm. Default "choose". Ignored for MIPs (the solver uses branch-and-cut). */
  readonly method?: SolveMethod;
  /** Aborting ends the solve with status "solverError" and message "aborted" where the adapter can stop. */
  readonly signal?: AbortSignalLike;
}

export type SolveStatus = "optimal" | "infeasible" | "unbounded" | "timeLimit" | "solverError";

export interface SolveResult {
  readonly status: SolveStatus;
  /** Objective value including the model's constant; present when a primal solution is present. */
  readonly objective?: number;
  /** Column values by column index; present for "optimal" and for a limit with a feasible point. */
  readonly primal?: Float64Array;
  /**
   * Row duals by row index (LPs only): ∂objective/∂(active row bound), i.e. the marginal cost of one more
   * unit on the right-hand side (e.g. the hourly marginal price of a balance row, EUR/kWh).
   */
  readonly dual?: Float64Array;
  /** A planner-readable explanation for non-optimal outcomes (or solver remarks). */
  readonly message?: string;
  /** Simplex (or IPM) iterations where the solver reports them. */
  readonly iterations?: number;
  /** Wall-clock seconds spent in the adapter's solve call (measured by the adapter, not the engine). */
  readonly seconds: number;
}
