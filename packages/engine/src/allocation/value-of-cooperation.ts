import type { Network } from "../network/network.js";
import type { Solver } from "../lp/solver-port.js";
import { EngineError } from "../errors.js";
import { defaultPlayers } from "./coalition-network.js";
import {
  createCooperationContext,
  type CoalitionOutcome,
  type ContextOptions,
  type CooperationContext,
} from "./evaluate-coalition.js";
import {
  characteristicFunction,
  type CharacteristicFunction,
  type CooperationMetric,
} from "./characteristic-function.js";

/** Annual figures of one partner alone, of all partners alone, or of the district together. */
export interface CooperationFigures {
  /** Annual cost, EUR/a. */
  readonly costEur: number;
  /** Net emissions, kgCO2e/a. */
  readonly co2Kg: number;
  /** Energy positivity: produced / consumed under the network's PED definition (null when nothing is used). */
  readonly positivityRatio: number | null;
  readonly producedKwh: number;
  readonly consumedKwh: number;
}

export interface ValueOfCooperation {
  readonly players: readonly string[];
  /** Each partner optimised on its own network. */
  readonly alone: Readonly<Record<string, CooperationFigures>>;
  /** The sum of the partners alone ("silos"); the ratio is the sum produced / sum consumed. */
  readonly silos: CooperationFigures;
  /** The grand coalition optimised together ("ecosystem"). */
  readonly together: CooperationFigures;
  /** What cooperation creates: silos - together for cost and CO2 (EUR/a, kgCO2e/a), together - silos for positivity. */
  readonly gain: {
    readonly costEur: number;
    readonly co2Kg: number;
    readonly positivityRatio: number | null;
  };
}

export interface CooperationOptions extends ContextOptions {
  /** Partners (stakeholder ids); default: every stakeholder owning a load or an asset (`defaultPlayers`). */
  readonly players?: readonly string[];
  readonly concurrency?: number;
  /** What the game shares: the cost saving (default) or the emission reduction. */
  readonly metric?: CooperationMetric;
}

const figures = (o: CoalitionOutcome): CooperationFigures => {
  if (o.status !== "optimal")
    throw new EngineError(
      "coalition-not-optimal",
      `coalition {${o.members.join(", ")}} ended with status ${o.status}: ${o.message ?? ""}`,
    );
  return {
    costEur: o.costEur,
    co2Kg: o.co2Kg,
    positivityRatio: o.positivity.ratio,
    producedKwh: o.positivity.producedKwh,
    consumedKwh: o.positivity.consumedKwh,
  };
};

/** Value of cooperation from an existing characteristic function (reuses its cached coalitions). */
export async function valueOfCooperationFrom(fn: CharacteristicFunction): Promise<ValueOfCooperation> {
  const players = fn.players;
  const alone: Record<string, CooperationFigures> = {};
  for (const p of players) alone[p] = figures(await fn.outcome([p]));
  const together = figures(await fn.outcome(players));
  const list = Object.values(alone);
  const produced = list.reduce((a, f) => a + f.producedKwh, 0);
  const consumed = list.reduce((a, f) => a + f.consumedKwh, 0);
  const silos: CooperationFigures = {
    costEur: list.reduce((a, f) => a + f.costEur, 0),
    co2Kg: list.reduce((a, f) => a + f.co2Kg, 0),
    producedKwh: produced,
    consumedKwh: consumed,
    positivityRatio: consumed > 0 ? produced / consumed : null,
  };
  return {
    players,
    alone,
    silos,
    together,
    gain: {
      costEur: silos.costEur - together.costEur,
      co2Kg: silos.co2Kg - together.co2Kg,
      positivityRatio:
        together.positivityRatio !== null && silos.positivityRatio !== null
          ? together.positivityRatio - silos.positivityRatio
          : null,
    },
  };
}

/**
 * "Ecosystem versus silos" (issue 8 §4): every partner optimised alone versus all partners optimised
 * together, for cost, CO2 and energy positivity. Returns the context and characteristic function too, so
 * that a Shapley allocation can reuse the optimised coalitions.
 */
export async function valueOfCooperation(
  network: Network,
  solver: Solver,
  options: CooperationOptions = {},
): Promise<
  ValueOfCooperation & { readonly context: CooperationContext; readonly fn: CharacteristicFunction }
> {
  const context = createCooperationContext(network, solver, options);
  const players = options.players ?? defaultPlayers(network);
  const fn = characteristicFunction(context, {
    players,
    concurrency: options.concurrency,
    metric: options.metric,
  });
  return { ...(await valueOfCooperationFrom(fn)), context, fn };
}
