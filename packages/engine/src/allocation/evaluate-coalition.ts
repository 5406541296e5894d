import type { Carrier, Location, Network } from "../network/network.js";
import { carrierWeight, insideBoundary } from "../kpi/ped-weights.js";
import type { Solver, SolveOptions, SolveStatus } from "../lp/solver-port.js";
import type { OptimizeMode } from "../optimize/formulate.js";
import { aggregateTypicalDays } from "../optimize/aggregate.js";
import { optimize } from "../optimize/optimize.js";
import type { SimulationResult } from "../simulate/simulate.js";
import { coalitionNetwork } from "./coalition-network.js";

/**
 * The time axis and optimiser settings shared by every coalition of one game: the network is aggregated to
 * typical days once (when asked), so that all coalitions are optimised on the same days and weights.
 */
export interface CooperationContext {
  /** The (possibly aggregated) network coalitions are cut from. */
  readonly network: Network;
  readonly solver: Solver;
  readonly mode: OptimizeMode;
  /** Hours each step stands for (1 without aggregation). */
  readonly hourWeights: Float64Array;
  readonly optimizeOptions: {
    readonly hourWeights?: Float64Array;
    readonly dayMapping?: Int32Array;
    readonly hourMonths?: Uint8Array;
    readonly monthSteps?: readonly { readonly month: number; readonly steps: readonly number[] }[];
    readonly solveOptions?: SolveOptions;
  };
}

export interface ContextOptions {
  /** "operate" (default): fixed capacities; "plan": members may size their extendable assets. */
  readonly mode?: OptimizeMode;
  /** Aggregate the year to this many typical days first (see `aggregateTypicalDays`); default none. */
  readonly typicalDays?: number;
  /** Optimise for emissions instead of cost: adds this CO2 price, EUR/kgCO2e (see `characteristicFunction`). */
  readonly co2PriceEurPerKg?: number;
  readonly solveOptions?: SolveOptions;
}

export function createCooperationContext(
  network: Network,
  solver: Solver,
  options: ContextOptions = {},
): CooperationContext {
  const mode = options.mode ?? "operate";
  const priced =
    options.co2PriceEurPerKg !== undefined
      ? { ...network, co2PriceEurPerKg: options.co2PriceEurPerKg }
      : network;
  if (options.typicalDays === undefined) {
    return {
      network: priced,
      solver,
      mode,
      hourWeights: new Float64Array(priced.timeline.hours).fill(1),
      optimizeOptions: { solveOptions: options.solveOptions },
    };
  }
  const agg = aggregateTypicalDays(priced, options.typicalDays);
  return {
    network: agg.network,
    solver,
    mode,
    hourWeights: agg.hourWeights,
    optimizeOptions: {
      hourWeights: agg.hourWeights,
      dayMapping: agg.dayMapping,
      hourMonths: agg.hourMonths,
      monthSteps: agg.monthSteps,
      solveOptions: options.solveOptions,
    },
  };
}

/** Annual figures of a coalition optimised on its own (weighted by the context's hour weights). */
export interface CoalitionOutcome {
  readonly members: readonly string[];
  readonly status: SolveStatus;
  /** Annual cost of the coalition's optimum, EUR/a (the optimiser's objective). */
  readonly costEur: number;
  /** Net emissions: imports x hourly factors - electricity exports x hourly factor, kgCO2e/a. */
  readonly co2Kg: number;
  /** Energy positivity under the network's PED boundary and weighting (same definition as the plan target). */
  readonly positivity: {
    readonly producedKwh: number;
    readonly consumedKwh: number;
    readonly ratio: number | null;
  };
  /** The coalition's network (capacities applied in plan mode) and its optimal dispatch. */
  readonly network?: Network;
  readonly result?: SimulationResult;
  readonly message?: string;
}

/** sum_t w[t] x[t]: an annual total of an hourly series under the context's hour weights. */
export function sumWeighted(w: Float64Array, x: Float64Array | undefined): number {
  if (!x) return 0;
  let s = 0;
  for (let t = 0; t < w.length; t++) s += (w[t] ?? 1) * (x[t] ?? 0);
  return s;
}

/** Optimises one coalition's network and measures it. */
export async function evaluateCoalition(
  context: CooperationContext,
  members: readonly string[],
): Promise<CoalitionOutcome> {
  const sub = coalitionNetwork(context.network, new Set(members));
  const r = await optimize(sub, context.solver, {
    mode: context.mode,
    explainInfeasible: false,
    ...context.optimizeOptions,
  });
  if (r.status !== "optimal" || !r.result || !r.network || r.objectiveEur === undefined) {
    return {
      members,
      status: r.status,
      costEur: Number.NaN,
      co2Kg: Number.NaN,
      positivity: { producedKwh: Number.NaN, consumedKwh: Number.NaN, ratio: null },
      message: r.message,
    };
  }
  const { co2Kg, positivity } = measure(r.network, r.result, context.hourWeights);
  return {
    members,
    status: "optimal",
    costEur: r.objectiveEur,
    co2Kg,
    positivity,
    network: r.network,
    result: r.result,
  };
}

function measure(
  network: Network,
  result: SimulationResult,
  w: Float64Array,
): Pick<CoalitionOutcome, "co2Kg" | "positivity"> {
  const s = result.series;
  const n = w.length;
  const co2 = network.factors.co2KgPerKwh;
  const boundary = network.ped.boundary;
  const inside = (location: Location): boolean => insideBoundary(boundary, location);
  const weight = (carrier: Carrier, t: number): number =>
    carrierWeight(network, network.ped.weighting, carrier, t);
  let co2Kg = 0;
  let produced = 0;
  let consumed = 0;
  for (let t = 0; t < n; t++) {
    const h = w[t] ?? 1;
    const wEl = weight("electricity", t);
    for (const g of network.grids) {
      const imp = s[`${g.id}:import`]?.[t] ?? 0;
      const exp = s[`${g.id}:export`]?.[t] ?? 0;
      co2Kg += h * imp * (co2[g.carrier][t] ?? 0);
      consumed += h * imp * weight(g.carrier, t);
      if (g.carrier === "electricity") {
        co2Kg -= h * exp * (co2.electricity[t] ?? 0);
        consumed -= h * exp * wEl;
      }
    }
    for (const src of network.sources) {
      const f = s[`${src.id}:flowOut`]?.[t] ?? 0;
      consumed += h * wEl * f;
      if (inside(src.location)) produced += h * wEl * f;
    }
    for (const c of network.converters) {
      const wh = c.sourceId !== undefined ? network.wasteHeat.find((x) => x.id === c.sourceId) : undefined;
      if (!wh) continue;
      const recovered = s[`${c.id}:sourceHeat`]?.[t] ?? 0;
      consumed += h * weight("heat", t) * recovered;
      if (inside(wh.location)) produced += h * weight("heat", t) * recovered;
    }
    if (boundary === "virtual")
      for (const o of network.offsite) produced += h * wEl * (o.contractedKwh[t] ?? 0);
  }
  return {
    co2Kg,
    positivity: {
      producedKwh: produced,
      consumedKwh: consumed,
      ratio: consumed > 0 ? produced / consumed : null,
    },
  };
}
