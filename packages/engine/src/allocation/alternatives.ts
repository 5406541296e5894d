import type { Network } from "../network/network.js";
import type { Solver, SolveOptions, SolveStatus } from "../lp/solver-port.js";
import type { LpModel } from "../lp/lp-model.js";
import { readLpSolution } from "../lp/lp-solution.js";
import { formulate, type FormulationOptions } from "../optimize/formulate.js";
import { aggregateTypicalDays } from "../optimize/aggregate.js";
import { applyCapacities, type CapacityResult } from "../optimize/optimize.js";
import { simulate } from "../simulate/simulate.js";
import { computeKpis, type Kpis } from "../kpi/compute-kpis.js";

/** A group of sized capacities whose total an alternative pushes down or up. */
export type CapacityGroup = "pv" | "heatPump" | "storage" | "offsite";

export interface AlternativeDirection {
  readonly group: CapacityGroup;
  readonly sense: "min" | "max";
}

/** Default order of directions; those without any extendable asset in the group are skipped. */
export const DEFAULT_DIRECTIONS: readonly AlternativeDirection[] = [
  { group: "pv", sense: "min" },
  { group: "pv", sense: "max" },
  { group: "heatPump", sense: "min" },
  { group: "storage", sense: "max" },
  { group: "offsite", sense: "max" },
  { group: "offsite", sense: "min" },
  { group: "heatPump", sense: "max" },
  { group: "storage", sense: "min" },
];

export interface AlternativesOptions {
  /** Cost may exceed the optimum by this fraction, e.g. 0.05 (default). */
  readonly slack?: number;
  /** Number of alternatives besides the optimum (default 4). */
  readonly count?: number;
  readonly directions?: readonly AlternativeDirection[];
  /** Optimise on this many typical days (capacities are then replayed on the full year for the KPIs). */
  readonly typicalDays?: number;
  /** Compute full-year KPIs of each plan by rule-based simulation (default true). */
  readonly kpis?: boolean;
  readonly solveOptions?: SolveOptions;
}

export interface AlternativePlan {
  /** "optimum", or e.g. "min pv", "max storage". */
  readonly name: string;
  readonly direction?: AlternativeDirection;
  readonly status: SolveStatus;
  /** Annual cost of the plan in the optimiser's model, EUR/a. */
  readonly costEur?: number;
  /** (cost - optimum) / |optimum|. */
  readonly costIncrease?: number;
  /** Sized capacities (kW, kWp, kWh) by asset id. */
  readonly capacities: Readonly<Record<string, CapacityResult>>;
  /** Total sized capacity per group. */
  readonly totals: Readonly<Record<CapacityGroup, number>>;
  readonly kpis?: Kpis;
}

export interface Alternatives {
  readonly status: SolveStatus;
  readonly optimumEur?: number;
  readonly slack: number;
  readonly plans: readonly AlternativePlan[];
}

/** The model with one more row: lower <= sum_j coefficients_j x_j <= upper (the input is unchanged). */
export function withRow(
  model: LpModel,
  name: string,
  coefficients: Float64Array,
  lower: number,
  upper: number,
): LpModel {
  const { colStart, rowIndex, value } = model.matrix;
  const extra = coefficients.reduce((n, c) => (c !== 0 ? n + 1 : n), 0);
  const newStart = new Int32Array(model.numCols + 1);
  const newRow = new Int32Array(rowIndex.length + extra);
  const newValue = new Float64Array(rowIndex.length + extra);
  let k = 0;
  for (let j = 0; j < model.numCols; j++) {
    newStart[j] = k;
    for (let q = colStart[j] ?? 0; q < (colStart[j + 1] ?? 0); q++) {
      newRow[k] = rowIndex[q] ?? 0;
      newValue[k++] = value[q] ?? 0;
    }
    const c = coefficients[j] ?? 0;
    if (c !== 0) {
      newRow[k] = model.numRows;
      newValue[k++] = c;
    }
  }
  newStart[model.numCols] = k;
  const rowLower = new Float64Array(model.numRows + 1);
  rowLower.set(model.rowLower);
  rowLower[model.numRows] = lower;
  const rowUpper = new Float64Array(model.numRows + 1);
  rowUpper.set(model.rowUpper);
  rowUpper[model.numRows] = upper;
  return {
    ...model,
    numRows: model.numRows + 1,
    rowNames: [...model.rowNames, name],
    rowLower,
    rowUpper,
    matrix: { colStart: newStart, rowIndex: newRow, value: newValue },
  };
}

/** The model with the extra row sum_j colCost_j x_j <= limit - objectiveOffset (the alternatives' cost budget). */
export function withCostLimit(model: LpModel, limitEur: number): LpModel {
  return withRow(
    model,
    "mga:costLimit",
    model.colCost,
    Number.NEGATIVE_INFINITY,
    limitEur - model.objectiveOffset,
  );
}

/**
 * Modelling to generate alternatives (issue 8 §6), in the spirit of the Hop-Skip-Jump method (Brill, Chang
 * & Hopkins 1982, "Modeling to generate alternatives: the HSJ approach and an illustration using a problem in
 * land use planning", Management Science 28(3):221-235) as used for energy systems by DeCarolis (2011,
 * Energy Economics 33(2):145-152): find the plan-mode optimum C*, then, with the cost held to
 * C* + slack |C*|, minimise or maximise the total sized capacity of one group of assets per alternative
 * (least PV, most PV, fewest heat pumps, most storage, ...). A second solve then holds that total and
 * minimises cost, so that no plan spends its slack on anything the direction does not ask for. Each plan's
 * capacities, cost and full-year KPIs.
 */
export async function alternatives(
  network: Network,
  solver: Solver,
  options: AlternativesOptions = {},
): Promise<Alternatives> {
  const slack = options.slack ?? 0.05;
  const count = options.count ?? 4;
  let model: Network = network;
  let formulation: FormulationOptions = { mode: "plan" };
  if (options.typicalDays !== undefined) {
    const agg = aggregateTypicalDays(network, options.typicalDays);
    model = agg.network;
    formulation = {
      mode: "plan",
      hourWeights: agg.hourWeights,
      dayMapping: agg.dayMapping,
      hourMonths: agg.hourMonths,
      monthSteps: agg.monthSteps,
    };
  }
  const formulated = formulate(model, formulation);
  const groupOf = new Map<string, CapacityGroup>();
  for (const s of model.sources) groupOf.set(s.id, "pv");
  for (const c of model.converters) groupOf.set(c.id, "heatPump");
  for (const st of model.storages) groupOf.set(st.id, "storage");
  for (const o of model.offsite) groupOf.set(o.id, "offsite");
  const columns = [...formulated.capacityColumns.entries()].map(([id, name]) => ({
    id,
    group: groupOf.get(id) as CapacityGroup,
    index: formulated.model.colNames.indexOf(name),
  }));
  const unitOf = (group: CapacityGroup): CapacityResult["unit"] =>
    group === "pv" ? "kWp" : group === "storage" ? "kWh" : "kW";

  const evaluate = (
    name: string,
    direction: AlternativeDirection | undefined,
    status: SolveStatus,
    primal: Float64Array | undefined,
    optimum: number | undefined,
  ): AlternativePlan => {
    const totals: Record<CapacityGroup, number> = { pv: 0, heatPump: 0, storage: 0, offsite: 0 };
    if (status !== "optimal" || !primal) return { name, direction, status, capacities: {}, totals };
    const capacities: Record<string, CapacityResult> = {};
    for (const c of columns) {
      const v = primal[c.index] ?? 0;
      const value = Math.abs(v) < 1e-9 ? 0 : v;
      capacities[c.id] = { value, unit: unitOf(c.group) };
      totals[c.group] += value;
    }
    let costEur = formulated.model.objectiveOffset;
    formulated.model.colCost.forEach((c, j) => (costEur += c * (primal[j] ?? 0)));
    let kpis: Kpis | undefined;
    if (options.kpis !== false) {
      const applied = applyCapacities(network, capacities);
      kpis = computeKpis(applied, simulate(applied), { reference: false });
    }
    return {
      name,
      direction,
      status,
      costEur,
      costIncrease: optimum !== undefined ? (costEur - optimum) / Math.max(1e-9, Math.abs(optimum)) : 0,
      capacities,
      totals,
      kpis,
    };
  };

  const solved = await solver.solve(formulated.model, options.solveOptions);
  const solution = solved.status === "optimal" ? readLpSolution(formulated.model, solved) : undefined;
  if (!solution || solved.objective === undefined || !solved.primal)
    return { status: solved.status, slack, plans: [] };
  const optimum = solved.objective;
  const plans: AlternativePlan[] = [
    evaluate("optimum", undefined, "optimal", Float64Array.from(solved.primal), optimum),
  ];
  const limited = withCostLimit(formulated.model, optimum + slack * Math.abs(optimum));
  const directions = (options.directions ?? DEFAULT_DIRECTIONS)
    .filter((d) => columns.some((c) => c.group === d.group))
    .slice(0, count);
  for (const d of directions) {
    const cost = new Float64Array(limited.numCols);
    for (const c of columns)
      if (c.group === d.group && c.index >= 0) cost[c.index] = d.sense === "min" ? 1 : -1;
    const first = await solver.solve({ ...limited, colCost: cost, objectiveOffset: 0 }, options.solveOptions);
    let r = first;
    if (first.status === "optimal" && first.objective !== undefined) {
      // Hold the direction's optimum (with a small tolerance) and take the cheapest such plan.
      const held = withRow(
        limited,
        "mga:direction",
        cost,
        Number.NEGATIVE_INFINITY,
        first.objective + 1e-6 * Math.max(1, Math.abs(first.objective)),
      );
      const second = await solver.solve(held, options.solveOptions);
      if (second.status === "optimal") r = second;
    }
    plans.push(
      evaluate(
        `${d.sense} ${d.group}`,
        d,
        r.status,
        r.primal ? Float64Array.from(r.primal) : undefined,
        optimum,
      ),
    );
  }
  return { status: "optimal", optimumEur: optimum, slack, plans };
}
