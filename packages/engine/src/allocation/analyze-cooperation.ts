import type { Network } from "../network/network.js";
import type { Solver } from "../lp/solver-port.js";
import { EngineError } from "../errors.js";
import { coreCheck, type CoreCheck } from "./core-check.js";
import { proportionalAllocation, shapleyExact, shapleySampled, type Allocation } from "./shapley.js";
import type { SampledShapleyResult, ShapleyResult } from "./shapley.js";
import { settlement, type Settlement } from "./settlement.js";
import {
  valueOfCooperation,
  type CooperationOptions,
  type ValueOfCooperation,
} from "./value-of-cooperation.js";
import type { CooperationMetric } from "./characteristic-function.js";

export interface AnalyzeCooperationOptions extends CooperationOptions {
  /** Exact Shapley (2^n coalitions) up to this many partners, sampled beyond; default 12. */
  readonly exactUpTo?: number;
  /** Permutations for the sampled Shapley value; default 200. */
  readonly samples?: number;
  readonly seed?: number;
}

export interface CooperationAnalysis {
  readonly metric: CooperationMetric;
  readonly value: ValueOfCooperation;
  /** Shapley allocation of v(N) (EUR/a or kgCO2e/a); `interval` present when sampled. */
  readonly shapley: ShapleyResult | SampledShapleyResult;
  readonly method: "exact" | "sampled";
  /** v(N) split in proportion to standalone costs (or emissions). */
  readonly proportional: Allocation;
  /** Core checks (exact only): does any group gain by leaving? */
  readonly core?: { readonly shapley: CoreCheck; readonly proportional: CoreCheck };
  /** Payments and exchange price ranges (cost metric only). */
  readonly settlement?: Settlement;
}

/** Default CO2 price used to optimise for emissions, EUR/kgCO2e: high enough to dominate energy prices. */
export const CO2_METRIC_PRICE_EUR_PER_KG = 10;

/**
 * Value of cooperation, fair shares (Shapley, proportional), the core check and the settlement for the
 * partners of a network (issue 8 §4-5). Deterministic for a given solver and seed.
 */
export async function analyzeCooperation(
  network: Network,
  solver: Solver,
  options: AnalyzeCooperationOptions = {},
): Promise<CooperationAnalysis> {
  const metric = options.metric ?? "cost";
  const voc = await valueOfCooperation(network, solver, {
    ...options,
    co2PriceEurPerKg:
      metric === "co2" ? (options.co2PriceEurPerKg ?? CO2_METRIC_PRICE_EUR_PER_KG) : options.co2PriceEurPerKg,
  });
  const { context, fn, ...value } = voc;
  const game = fn.game;
  const n = fn.players.length;
  const exact = n <= (options.exactUpTo ?? 12);
  const shapley = exact
    ? await shapleyExact(game)
    : await shapleySampled(game, { samples: options.samples, seed: options.seed });
  const weights: Record<string, number> = {};
  for (const p of fn.players) {
    const a = value.alone[p];
    weights[p] = a ? (metric === "cost" ? a.costEur : a.co2Kg) : 0;
  }
  const proportional = proportionalAllocation(fn.players, shapley.grandValue, weights);
  const core = exact
    ? {
        shapley: await coreCheck(game, shapley.shares, 1e-6 * Math.max(1, Math.abs(shapley.grandValue))),
        proportional: await coreCheck(game, proportional, 1e-6 * Math.max(1, Math.abs(shapley.grandValue))),
      }
    : undefined;
  let settled: Settlement | undefined;
  if (metric === "cost") {
    const grand = await fn.outcome(fn.players);
    if (!grand.network || !grand.result)
      throw new EngineError("missing-dispatch", "the grand coalition's dispatch was not kept");
    const standaloneEur: Record<string, number> = {};
    for (const p of fn.players) standaloneEur[p] = value.alone[p]?.costEur ?? 0;
    settled = settlement({
      players: fn.players,
      network: grand.network,
      result: grand.result,
      hourWeights: context.hourWeights,
      jointCostEur: grand.costEur,
      standaloneEur,
      shares: shapley.shares,
      monthSteps: context.optimizeOptions.monthSteps,
    });
  }
  return {
    metric,
    value,
    shapley,
    method: exact ? "exact" : "sampled",
    proportional,
    core,
    settlement: settled,
  };
}
