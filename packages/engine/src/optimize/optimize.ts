import type { Extendable, Network } from "../network/network.js";
import { storagePowerRates } from "../network/storage-power.js";
import type { Solver, SolveOptions, SolveResult, SolveStatus } from "../lp/solver-port.js";
import { readLpSolution, type LpSolution } from "../lp/lp-solution.js";
import { lpName } from "../lp/lp-names.js";
import { countNonZeros, type LpModel } from "../lp/lp-model.js";
import { addBalanceResiduals, simulate, type SimulationResult } from "../simulate/simulate.js";
import { aggregateTypicalDays } from "./aggregate.js";
import { formulate, type FormulatedModel, type FormulationOptions, type OptimizeMode } from "./formulate.js";

export interface OptimizeOptions {
  readonly mode?: OptimizeMode;
  readonly solveOptions?: SolveOptions;
  readonly valueOfLostLoadEurPerKwh?: number;
  /** When the plan is infeasible, solve again with elastic targets and explain (default true). */
  readonly explainInfeasible?: boolean;
  /** Pre-computed aggregation (see `aggregateTypicalDays`); the network must be the aggregated one. */
  readonly hourWeights?: Float64Array;
  readonly dayMapping?: Int32Array;
  readonly hourMonths?: Uint8Array;
  readonly monthSteps?: readonly { readonly month: number; readonly steps: readonly number[] }[];
}

export interface CapacityResult {
  readonly value: number;
  readonly unit: "kW" | "kWp" | "kWh";
}

/** Why a plan cannot be made: one line per target or limit that would have to move. */
export interface InfeasibilityExplanation {
  readonly target: string;
  /** How far the target is missed at best (in its unit): a positivity shortfall, extra CO2, extra budget. */
  readonly shortfall: number;
  readonly unit: string;
  readonly message: string;
}

export interface OptimizeResult {
  readonly status: SolveStatus;
  readonly mode: OptimizeMode;
  /** Annual cost of the optimum, EUR (objective including constant costs, CO2 price and penalties). */
  readonly objectiveEur?: number;
  readonly capacities: Readonly<Record<string, CapacityResult>>;
  /** Dispatch as a simulation-shaped result (same series names), for indicators and comparison. */
  readonly result?: SimulationResult;
  /** The network with the optimal capacities applied (equal to the input in operate mode). */
  readonly network?: Network;
  readonly explanation: readonly InfeasibilityExplanation[];
  readonly message?: string;
  readonly solver: SolverRunInfo;
  readonly problem: ProblemSize;
}

/** Which solver ran, and its effort. */
export interface SolverRunInfo {
  readonly name: string;
  readonly version: string;
  readonly iterations?: number;
  /** Wall-clock solve time, s. */
  readonly seconds: number;
}

/** Size of the LP that was solved. */
export interface ProblemSize {
  readonly columns: number;
  readonly rows: number;
  readonly nonZeros: number;
}

/** The `solver` and `problem` fields of an optimisation result (optimize, pathway). */
export function describeSolve(
  solver: Solver,
  solved: SolveResult,
  model: LpModel,
): { solver: SolverRunInfo; problem: ProblemSize } {
  return {
    solver: {
      name: solver.name,
      version: solver.version,
      iterations: solved.iterations,
      seconds: solved.seconds,
    },
    problem: { columns: model.numCols, rows: model.numRows, nonZeros: countNonZeros(model) },
  };
}

/**
 * Optimises a network with a Solver (the port; e.g. `@kera/solver-highs`). The engine stays pure: the
 * solver is passed in. Domain outcomes (infeasible, unbounded, time limit) are values with explanations.
 */
export async function optimize(
  network: Network,
  solver: Solver,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const mode = options.mode ?? "operate";
  const formulationOptions: FormulationOptions = {
    mode,
    valueOfLostLoadEurPerKwh: options.valueOfLostLoadEurPerKwh,
    hourWeights: options.hourWeights,
    dayMapping: options.dayMapping,
    hourMonths: options.hourMonths,
    monthSteps: options.monthSteps,
  };
  const formulated = formulate(network, formulationOptions);
  const solved = await solver.solve(formulated.model, options.solveOptions);
  const { solver: solverInfo, problem } = describeSolve(solver, solved, formulated.model);
  const solution = solved.status === "optimal" ? readLpSolution(formulated.model, solved) : undefined;
  if (!solution) {
    let explanation: InfeasibilityExplanation[] = [];
    if (solved.status === "infeasible" && mode === "plan" && options.explainInfeasible !== false) {
      explanation = await explainInfeasibility(network, solver, formulationOptions, options.solveOptions);
    }
    return {
      status: solved.status,
      mode,
      capacities: {},
      explanation,
      message:
        explanation.length > 0
          ? explanation.map((e) => e.message).join("; ")
          : (solved.message ?? `the solver ended with status ${solved.status}`),
      solver: solverInfo,
      problem,
    };
  }
  const capacities = readCapacities(network, formulated, solution);
  const applied = mode === "plan" ? applyCapacities(network, capacities) : network;
  const result = extractResult(applied, formulated, solution);
  return {
    status: "optimal",
    mode,
    objectiveEur: solution.objective,
    capacities,
    result,
    network: applied,
    explanation: [],
    message: solved.message,
    solver: solverInfo,
    problem,
  };
}

function readCapacities(
  network: Network,
  formulated: FormulatedModel,
  solution: LpSolution,
): Record<string, CapacityResult> {
  const out: Record<string, CapacityResult> = {};
  const clean = (v: number): number => (Math.abs(v) < 1e-9 ? 0 : v);
  for (const s of network.sources) {
    const col = formulated.capacityColumns.get(s.id);
    out[s.id] = { value: clean(col ? solution.value(col) : s.capacityKw), unit: "kWp" };
  }
  for (const c of network.converters) {
    const col = formulated.capacityColumns.get(c.id);
    out[c.id] = { value: clean(col ? solution.value(col) : c.capacityKw), unit: "kW" };
  }
  for (const st of network.storages) {
    const col = formulated.capacityColumns.get(st.id);
    out[st.id] = { value: clean(col ? solution.value(col) : st.capacityKwh), unit: "kWh" };
  }
  for (const o of network.offsite) {
    const col = formulated.capacityColumns.get(o.id);
    out[o.id] = { value: clean(col ? solution.value(col) : o.capacityKw), unit: "kW" };
  }
  return out;
}

const scaledCosts = (
  e: Extendable | undefined,
  capacity: number,
  fallback: Network["sources"][number]["costs"],
) =>
  e
    ? {
        investEur: e.investEurPerUnit * capacity,
        fixedEurPerYear: e.fixedEurPerUnitYear * capacity,
        variableEurPerKwh: fallback.variableEurPerKwh,
        lifetimeYears: e.lifetimeYears,
      }
    : fallback;

/** A new network whose extendable assets have the given capacities (costs scaled with them). */
export function applyCapacities(
  network: Network,
  capacities: Readonly<Record<string, CapacityResult>>,
): Network {
  return {
    ...network,
    sources: network.sources.map((s) => {
      const cap = capacities[s.id]?.value;
      if (cap === undefined || !s.extendable) return s;
      return {
        ...s,
        capacityKw: cap,
        availableKwh: s.availabilityPerUnit.map((v) => v * cap),
        costs: scaledCosts(s.extendable, cap, s.costs),
      };
    }),
    converters: network.converters.map((c) => {
      const cap = capacities[c.id]?.value;
      if (cap === undefined || !c.extendable) return c;
      return { ...c, capacityKw: cap, costs: scaledCosts(c.extendable, cap, c.costs) };
    }),
    storages: network.storages.map((st) => {
      const cap = capacities[st.id]?.value;
      if (cap === undefined || !st.extendable) return st;
      const { charge: chargeRate, discharge: dischargeRate } = storagePowerRates(st);
      return {
        ...st,
        capacityKwh: cap,
        maxChargeKw: chargeRate * cap,
        maxDischargeKw: dischargeRate * cap,
        costs: scaledCosts(st.extendable, cap, st.costs),
      };
    }),
    offsite: network.offsite.map((o) => {
      const cap = capacities[o.id]?.value;
      if (cap === undefined || !o.extendable) return o;
      return {
        ...o,
        capacityKw: cap,
        contractedKwh: o.availabilityPerUnit.map((v) => v * cap),
        costs: scaledCosts(o.extendable, cap, o.costs),
      };
    }),
  };
}

/** Reads the dispatch back into simulation-shaped series (same names as `simulate`). */
export function extractResult(
  network: Network,
  formulated: FormulatedModel,
  solution: LpSolution,
): SimulationResult {
  const n = formulated.hours;
  const series: Record<string, Float64Array> = {};
  // Series the formulation did not create (no export column, no bus for a carrier) read as zeros; checking
  // the model's series table first avoids building a name table of every column.
  const series_ = formulated.model.columnSeries;
  const read = (id: string, attribute: string): Float64Array => {
    if (series_ && !series_.has(lpName(id, attribute))) return new Float64Array(n);
    try {
      return solution.series(id, attribute, n);
    } catch {
      return new Float64Array(n);
    }
  };
  const clamp = (a: Float64Array): Float64Array => a.map((v) => (Math.abs(v) < 1e-9 ? 0 : v));
  for (const l of network.loads) series[`${l.id}:demand`] = l.demandKwh;
  for (const g of network.grids) {
    series[`${g.id}:import`] = clamp(read(g.id, "import"));
    series[`${g.id}:export`] = clamp(read(g.id, "export"));
  }
  for (const s of network.sources) {
    const f = clamp(read(s.id, "flowOut"));
    series[`${s.id}:flowOut`] = f;
    series[`${s.id}:curtailed`] = s.availableKwh.map((v, t) => Math.max(0, v - (f[t] ?? 0)));
  }
  const drawn = new Map<string, Float64Array>();
  for (const c of network.converters) {
    const out = clamp(read(c.id, "flowOut"));
    const inn = out.map((q, t) => ((c.efficiency[t] ?? 0) > 0 ? q / (c.efficiency[t] as number) : 0));
    const src = out.map((q, t) => (c.kind === "heatPump" ? q - (inn[t] ?? 0) : 0));
    series[`${c.id}:flowOut`] = out;
    series[`${c.id}:flowIn`] = inn;
    series[`${c.id}:sourceHeat`] = src;
    if (c.sourceId !== undefined) {
      const acc = drawn.get(c.sourceId) ?? new Float64Array(n);
      for (let t = 0; t < n; t++) acc[t] = (acc[t] ?? 0) + (src[t] ?? 0);
      drawn.set(c.sourceId, acc);
    }
  }
  for (const w of network.wasteHeat) series[`${w.id}:flowOut`] = drawn.get(w.id) ?? new Float64Array(n);
  for (const st of network.storages) {
    series[`${st.id}:flowIn`] = clamp(read(st.id, "flowIn"));
    series[`${st.id}:flowOut`] = clamp(read(st.id, "flowOut"));
    series[`${st.id}:stateOfCharge`] = clamp(read(st.id, "stateOfCharge"));
  }
  for (const f of network.flexibleLoads) series[`${f.id}:flowIn`] = clamp(read(f.id, "flowIn"));
  for (const c of ["electricity", "heat", "cooling"] as const)
    series[`bus:${c}:unmet`] = clamp(read(`bus-${c}`, "unmet"));
  addBalanceResiduals(network, series, n);
  return { policy: "selfConsumption", hours: n, series, diagnostics: [] };
}

async function explainInfeasibility(
  network: Network,
  solver: Solver,
  options: FormulationOptions,
  solveOptions: SolveOptions | undefined,
): Promise<InfeasibilityExplanation[]> {
  const elastic = formulate(network, { ...options, elasticTargets: true });
  const solved = await solver.solve(elastic.model, solveOptions);
  const solution = solved.status === "optimal" ? readLpSolution(elastic.model, solved) : undefined;
  if (!solution) {
    return [
      {
        target: "model",
        shortfall: Number.NaN,
        unit: "",
        message:
          "the model is infeasible even with every target relaxed: check import limits and fixed capacities",
      },
    ];
  }
  const t = network.targets;
  const out: InfeasibilityExplanation[] = [];
  for (const target of elastic.targets) {
    if (!target.slack) continue;
    const slack = solution.value(target.slack);
    if (slack <= 1e-6 * Math.max(1, Math.abs(solved.objective ?? 0)) && slack <= 1e-3) continue;
    let message: string;
    if (target.name === "energyPositivity") {
      message =
        `energy positivity ratio >= ${t.energyPositivityRatioMin} (${network.ped.boundary}, ${network.ped.weighting}) ` +
        `cannot be reached: ${slack.toFixed(0)} ${target.unit} of weighted production short with the allowed capacities`;
    } else if (target.name === "co2") {
      message = `net emissions <= ${t.co2MaxKgPerYear} kgCO2e/a cannot be reached: the cap must rise by ${slack.toFixed(0)} kgCO2e/a`;
    } else if (target.name === "budget") {
      message = `the investment budget of ${t.budgetEur} EUR must grow by ${slack.toFixed(0)} EUR`;
    } else {
      message = `${target.name} must allow ${slack.toFixed(1)} ${target.unit} more`;
    }
    out.push({ target: target.name, shortfall: slack, unit: target.unit, message });
  }
  if (out.length === 0) {
    out.push({
      target: "model",
      shortfall: 0,
      unit: "",
      message:
        "the plan is infeasible but no single target explains it: check capacity limits and import limits",
    });
  }
  return out;
}

export interface AggregatedOptimizeResult extends OptimizeResult {
  readonly aggregation: {
    readonly typicalDays: number;
    readonly featureRmse: number;
    readonly medoidDays: readonly number[];
    readonly notes: readonly string[];
  };
}

/**
 * Optimises on typical days (see `aggregateTypicalDays`) and replays the result on the full timeline: the
 * returned `network` is the full network with the optimal capacities, `result` its rule-based simulation
 * (so indicators are full-year figures), `objectiveEur` the aggregated model's annual cost.
 */
export async function optimizeAggregated(
  network: Network,
  solver: Solver,
  options: OptimizeOptions & { readonly typicalDays: number },
): Promise<AggregatedOptimizeResult> {
  const agg = aggregateTypicalDays(network, options.typicalDays);
  const r = await optimize(agg.network, solver, {
    ...options,
    hourWeights: agg.hourWeights,
    dayMapping: agg.dayMapping,
    hourMonths: agg.hourMonths,
    monthSteps: agg.monthSteps,
  });
  const aggregation = {
    typicalDays: agg.medoidDays.length,
    featureRmse: agg.featureRmse,
    medoidDays: agg.medoidDays,
    notes: agg.notes,
  };
  if (r.status !== "optimal") return { ...r, aggregation };
  const applied = (r.mode === "plan" ? applyCapacities(network, r.capacities) : network) as Network;
  return { ...r, network: applied, result: simulate(applied), aggregation };
}
