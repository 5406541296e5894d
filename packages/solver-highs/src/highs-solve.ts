import type { LpModel, SolveOptions, SolveResult, SolveStatus } from "@kera/engine";
import type { Highs, Model, ModelData, ModelStatusCode, ObjectiveSense } from "highs";

/**
 * How HiGHS model statuses (highs.constants.modelStatus) map to the port's statuses. Documented in
 * docs/optimisation/lp-and-solver.md and asserted by highs-solve.test.ts.
 * `unboundedOrInfeasible` (9) never reaches this table: the adapter re-solves without presolve to decide.
 */
export const HIGHS_STATUS_MAP: Readonly<Record<ModelStatusCode, { status: SolveStatus; label: string }>> = {
  0: { status: "solverError", label: "notSet" },
  1: { status: "solverError", label: "loadError" },
  2: { status: "solverError", label: "modelError" },
  3: { status: "solverError", label: "presolveError" },
  4: { status: "solverError", label: "solveError" },
  5: { status: "solverError", label: "postsolveError" },
  6: { status: "optimal", label: "empty" },
  7: { status: "optimal", label: "optimal" },
  8: { status: "infeasible", label: "infeasible" },
  9: { status: "infeasible", label: "unboundedOrInfeasible" },
  10: { status: "unbounded", label: "unbounded" },
  11: { status: "solverError", label: "objectiveBound" },
  12: { status: "solverError", label: "objectiveTarget" },
  13: { status: "timeLimit", label: "timeLimit" },
  14: { status: "timeLimit", label: "iterationLimit" },
  15: { status: "solverError", label: "unknown" },
  16: { status: "timeLimit", label: "solutionLimit" },
  17: { status: "solverError", label: "interrupted" },
};

const MESSAGES: Partial<Record<SolveStatus, string>> = {
  infeasible:
    "No plan satisfies every constraint at once: some target (demand, CO2 cap, self-sufficiency) cannot be met within the limits (capacities, connections, budgets).",
  unbounded:
    "The objective can be improved without limit: some quantity has no upper bound but earns money (e.g. export with a positive price and no capacity limit).",
};

/** Options specific to the HiGHS adapters (shared by the in-thread and worker versions). */
export interface HighsSolveSettings {
  /** For an infeasible LP, compute an irreducible infeasible subset and name its rows in the message (default true). */
  readonly explainInfeasibility?: boolean;
  /** Skip the explanation above this many rows (IIS search repeats solves). Default 20 000. */
  readonly explainMaxRows?: number;
  /**
   * HiGHS `simplex_scale_strategy` for LPs. Default 4: on the Kera full-year plan LP (341,654 columns, 113,885 rows)
   * it solved in 6.6-7.1 s against 8.2-8.8 s with HiGHS' own default (2), same objective; 3 took 9.8 s.
   */
  readonly simplexScaleStrategy?: number;
  /**
   * HiGHS `presolve` for LPs ("on" or "off"). Default "off": on the Kera full-year plan LP presolve costs more than
   * it saves (3.4-4.1 s without against 5.9-6.8 s with, same objective and 127,384 vs 102,982 iterations; native
   * CLP 6.6 s). MIPs always use presolve. An "infeasible or unbounded" answer is re-solved as before.
   */
  readonly presolve?: "on" | "off";
}

/** Copies the engine model into the structured-array form `highs.createModel` takes (no LP text parsing). */
export function toHighsModelData(highs: Highs, model: LpModel): ModelData {
  const clamp = (a: Float64Array): Float64Array => {
    // HiGHS treats ±highs.infinity as "no bound"; IEEE Infinity is the same value in this build, but map
    // explicitly so the adapter does not depend on it.
    const out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      out[i] = v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v;
    }
    return out;
  };
  const integer = model.colInteger.some((f) => f !== 0);
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    sense: highs.constants.objectiveSense.minimize as ObjectiveSense,
    offset: model.objectiveOffset,
    colCost: model.colCost,
    colLower: clamp(model.colLower),
    colUpper: clamp(model.colUpper),
    rowLower: clamp(model.rowLower),
    rowUpper: clamp(model.rowUpper),
    matrix: {
      format: "csc",
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.matrix.colStart,
      indices: model.matrix.rowIndex,
      values: model.matrix.value,
    },
    ...(integer ? { integrality: Int32Array.from(model.colInteger) } : {}),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Elapsed-seconds clock, injected so this module stays free of globals that differ by platform. */
export type Clock = () => number;

/**
 * Solves one model on a loaded HiGHS runtime, synchronously. Never throws for solver outcomes; a thrown
 * exception (WASM abort, validation) is caught and reported as "solverError" with `runtimeBroken: true`, and
 * the caller must then discard the runtime. The native model is disposed before returning.
 */
export function solveWithHighs(
  highs: Highs,
  model: LpModel,
  options: Omit<SolveOptions, "signal"> = {},
  settings: HighsSolveSettings = {},
  clock: Clock = () => performance.now() / 1000,
): { result: SolveResult; runtimeBroken: boolean } {
  const started = clock();
  const seconds = (): number => clock() - started;
  if (model.numCols === 0)
    return { result: { ...solveEmpty(model), seconds: seconds() }, runtimeBroken: false };
  let native: Model | undefined;
  try {
    native = highs.createModel(toHighsModelData(highs, model));
    const isMip = model.colInteger.some((f) => f !== 0);
    native.options.set({ output_flag: false });
    if (!isMip) {
      native.options.set("simplex_scale_strategy", settings.simplexScaleStrategy ?? 4);
      native.options.set("presolve", settings.presolve ?? "off");
    }
    if (options.timeLimitS !== undefined) native.options.set("time_limit", Math.max(0, options.timeLimitS));
    if (options.mipGap !== undefined && isMip) native.options.set("mip_rel_gap", options.mipGap);
    // For a MIP, "simplex"/"ipm" would make HiGHS solve only the relaxation, so the method applies to LPs only.
    if (options.method !== undefined && !isMip) native.options.set("solver", options.method);

    let code = native.run().modelStatus;
    let extra = "";
    if (code === highs.constants.modelStatus.unboundedOrInfeasible) {
      // Presolve often cannot tell which; the simplex without presolve can.
      native.options.set("presolve", "off");
      native.clearSolver();
      code = native.run().modelStatus;
      if (code === highs.constants.modelStatus.unboundedOrInfeasible) {
        extra = " HiGHS reported 'infeasible or unbounded' and could not decide which.";
      }
    }
    const mapped = HIGHS_STATUS_MAP[code];
    const iterations =
      Number(native.info.get("simplex_iteration_count")) + Number(native.info.get("ipm_iteration_count"));
    const hasPrimal =
      Number(native.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible ||
      code === highs.constants.modelStatus.empty;
    const wantsPrimal = mapped.status === "optimal" || mapped.status === "timeLimit";
    let result: SolveResult = { status: mapped.status, iterations, seconds: 0 };
    if (wantsPrimal && hasPrimal) {
      const solution = native.getSolution();
      result = {
        ...result,
        objective: native.getObjectiveValue(),
        primal: solution.colValue,
        ...(isMip || mapped.status !== "optimal" ? {} : { dual: solution.rowDual }),
      };
    }
    let message = MESSAGES[mapped.status];
    if (mapped.status === "timeLimit") {
      const limit = mapped.label.replace("Limit", " limit");
      message = `HiGHS stopped at its ${limit} before proving optimality${hasPrimal ? "; the best plan found so far is returned" : " without a feasible plan"}.`;
    } else if (mapped.status === "solverError") {
      message = `HiGHS ended with status ${mapped.label}.`;
    } else if (mapped.status === "infeasible" && (settings.explainInfeasibility ?? true) && !isMip) {
      message = (message ?? "") + explainInfeasible(native, model, settings.explainMaxRows ?? 20_000);
    }
    if (message !== undefined || extra) result = { ...result, message: (message ?? "") + extra };
    return { result: { ...result, seconds: seconds() }, runtimeBroken: false };
  } catch (error) {
    return {
      result: { status: "solverError", message: `HiGHS failed: ${errorMessage(error)}`, seconds: seconds() },
      runtimeBroken: true,
    };
  } finally {
    try {
      native?.dispose();
    } catch {
      // A broken runtime cannot dispose; the caller discards the whole runtime.
    }
  }
}

/** A model without columns: every row's activity is 0, so it is optimal at its constant iff 0 fits every row. */
function solveEmpty(model: LpModel): Omit<SolveResult, "seconds"> {
  for (let i = 0; i < model.numRows; i++) {
    if (model.rowLower[i]! > 0 || model.rowUpper[i]! < 0) {
      return {
        status: "infeasible",
        message: `${MESSAGES.infeasible} These conflict: constraints ${model.rowNames[i]}.`,
      };
    }
  }
  return {
    status: "optimal",
    objective: model.objectiveOffset,
    primal: new Float64Array(0),
    dual: new Float64Array(model.numRows),
    iterations: 0,
  };
}

function explainInfeasible(native: Model, model: LpModel, maxRows: number): string {
  if (model.numRows > maxRows) return "";
  try {
    native.options.set("presolve", "on");
    const iis = native.getIis();
    const rows = Array.from(iis.rowIndex, (i) => model.rowNames[i] ?? `#${i}`);
    const cols = Array.from(iis.colIndex, (j) => model.colNames[j] ?? `#${j}`);
    if (rows.length === 0 && cols.length === 0) return "";
    const list = (names: string[]): string =>
      names.slice(0, 8).join(", ") + (names.length > 8 ? `, … (${names.length} in all)` : "");
    return ` These conflict: ${[rows.length > 0 ? `constraints ${list(rows)}` : "", cols.length > 0 ? `bounds of ${list(cols)}` : ""].filter(Boolean).join("; ")}.`;
  } catch {
    return "";
  }
}
