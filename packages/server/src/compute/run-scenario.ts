import {
  computeKpis,
  optimize,
  optimizeAggregated,
  simulate,
  summarizeRun,
  type DispatchPolicy,
  type OptimizeMode,
} from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { districtNetwork } from "./district-network.js";
import { RunInputError } from "./run-input-error.js";

export { RunInputError };

/**
 * THE one place where a run is computed (inside a job worker): the stored district document is validated,
 * its weather loaded, its energy network built from the physics, then simulated (rule-based) or optimised
 * (HiGHS), and the indicators computed. Jobs, storage and routes only call this function.
 */
export interface RunScenarioInput {
  readonly model: unknown;
  readonly kind: "simulate" | "optimize";
  readonly options: Readonly<Record<string, unknown>>;
}

export interface RunScenarioOutput {
  readonly summary: Record<string, unknown>;
  /** Hourly series by name `<id>:<attribute>` (kWh per hour; `stateOfCharge` in kWh). */
  readonly series: Record<string, Float64Array>;
}

export type ProgressCallback = (fraction: number, message?: string) => void;

const POLICIES: readonly DispatchPolicy[] = ["selfConsumption", "priceDriven"];
const MODES: readonly OptimizeMode[] = ["operate", "plan"];

/** Typical days used by server-side plan runs unless the request says otherwise (workshop speed). */
export const DEFAULT_SERVER_TYPICAL_DAYS = 12;

export async function runScenario(
  input: RunScenarioInput,
  onProgress: ProgressCallback,
  signal: AbortSignal,
): Promise<RunScenarioOutput> {
  const checkAborted = (): void => {
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
  };
  onProgress(0.02, "validating the district");
  const year = typeof input.options.year === "number" ? input.options.year : undefined;
  const built = districtNetwork(input.model, year, (step) => {
    if (step === "load") return onProgress(0.05, "loading weather");
    checkAborted();
    onProgress(0.1, "computing demand and production");
  });
  const { district, network, warnings } = built;
  checkAborted();

  if (input.kind === "simulate") {
    const policy = (input.options.policy ?? "selfConsumption") as DispatchPolicy;
    if (!POLICIES.includes(policy)) {
      throw new RunInputError("invalid options", [
        { path: "options.policy", message: `unknown policy ${String(policy)}` },
      ]);
    }
    const result = simulate(network, { policy, onProgress: (f) => onProgress(0.2 + 0.6 * f, "simulating") });
    checkAborted();
    onProgress(0.85, "computing indicators");
    const kpis = computeKpis(network, result);
    const summary = summarizeRun({ kind: "simulate", network, result, kpis, warnings });
    onProgress(1, "done");
    return {
      summary: { ...summary, district: district.name, year: built.year, policy },
      series: { ...result.series },
    };
  }

  const mode = (input.options.mode ?? "operate") as OptimizeMode;
  if (!MODES.includes(mode)) {
    throw new RunInputError("invalid options", [
      { path: "options.mode", message: `unknown mode ${String(mode)} (operate or plan)` },
    ]);
  }
  const typicalDays =
    typeof input.options.typicalDays === "number"
      ? input.options.typicalDays
      : mode === "plan"
        ? DEFAULT_SERVER_TYPICAL_DAYS
        : undefined;
  const timeLimitS = typeof input.options.timeLimitS === "number" ? input.options.timeLimitS : undefined;
  const solver = createHighsSolver();
  try {
    onProgress(0.3, `optimising (${mode})`);
    const solveOptions = timeLimitS !== undefined ? { timeLimitS } : undefined;
    const r =
      typicalDays !== undefined
        ? await optimizeAggregated(network, solver, { mode, typicalDays, solveOptions })
        : await optimize(network, solver, { mode, solveOptions });
    checkAborted();
    if (r.status !== "optimal" || !r.result || !r.network) {
      onProgress(1, r.status);
      return {
        summary: {
          kind: "optimize",
          status: r.status,
          mode,
          message: r.message,
          explanation: r.explanation,
          solver: r.solver,
          problem: r.problem,
        },
        series: {},
      };
    }
    onProgress(0.9, "computing indicators");
    const kpis = computeKpis(r.network, r.result);
    const summary = summarizeRun({ kind: "optimize", network: r.network, result: r.result, kpis, warnings });
    onProgress(1, "done");
    return {
      summary: {
        ...summary,
        district: district.name,
        year: built.year,
        status: r.status,
        mode,
        objectiveEur: r.objectiveEur,
        capacities: r.capacities,
        solver: r.solver,
        problem: r.problem,
        ...("aggregation" in r ? { aggregation: r.aggregation } : {}),
      },
      series: { ...r.result.series },
    };
  } finally {
    await solver.dispose?.();
  }
}

/** Hours in the model's timeline (`timeline.hours`, else 8760: one non-leap year). */
export function timelineHours(model: unknown): number {
  const timeline =
    typeof model === "object" && model !== null ? (model as Record<string, unknown>).timeline : undefined;
  const hours =
    typeof timeline === "object" && timeline !== null
      ? (timeline as Record<string, unknown>).hours
      : undefined;
  return typeof hours === "number" && Number.isInteger(hours) && hours > 0 && hours <= 8784 ? hours : 8760;
}
