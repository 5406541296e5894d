import type { LpModel, SolveOptions, SolveResult } from "@kera/engine";
import type { HighsSolveSettings } from "./highs-solve.js";

/** Main thread → worker. */
export interface SolveRequest {
  readonly type: "solve";
  readonly id: number;
  readonly model: LpModel;
  readonly options: Omit<SolveOptions, "signal">;
  readonly settings: HighsSolveSettings;
}

/** Worker → main thread. */
export type WorkerReply =
  | { readonly type: "ready"; readonly version: string }
  | {
      readonly type: "result";
      readonly id: number;
      readonly result: SolveResult;
      /** Linear memory of the worker's HiGHS runtime after the solve (bytes). */
      readonly memoryBytes: number;
    };

/** Typed arrays of a result, to pass as a transfer list (no copy back to the main thread). */
export function transferablesOf(result: SolveResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  if (result.primal) out.push(result.primal.buffer as ArrayBuffer);
  if (result.dual && result.dual.buffer !== result.primal?.buffer)
    out.push(result.dual.buffer as ArrayBuffer);
  return out;
}
