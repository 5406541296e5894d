import { EngineError } from "../errors.js";
import { createGame, type CooperativeGame } from "./cooperative-game.js";
import { evaluateCoalition, type CoalitionOutcome, type CooperationContext } from "./evaluate-coalition.js";

/** What the partners share: the annual cost saving (EUR/a) or the emission reduction (kgCO2e/a). */
export type CooperationMetric = "cost" | "co2";

export interface CharacteristicFunction {
  readonly players: readonly string[];
  readonly metric: CooperationMetric;
  /** v(S) = sum over members of their standalone metric - the metric of S optimised together. */
  readonly game: CooperativeGame;
  /** A coalition's optimised outcome (cached; dispatch kept for single partners and the grand coalition). */
  readonly outcome: (members: readonly string[]) => Promise<CoalitionOutcome>;
}

export interface CharacteristicOptions {
  readonly players: readonly string[];
  readonly metric?: CooperationMetric;
  /** Coalitions optimised at the same time (worth more than 1 with a worker-pool solver); default 1. */
  readonly concurrency?: number;
}

/**
 * The cooperative game over the partners (issue 8 §5): each coalition optimised on its own network
 * (`coalitionNetwork`) with the context's solver and time axis. v(single partner) = 0 and v(empty) = 0.
 * A coalition whose optimisation is not optimal is a bug in the setup (operate mode always has a feasible
 * point: unmet demand is allowed at a penalty) and throws an `EngineError` with the solver's message.
 */
export function characteristicFunction(
  context: CooperationContext,
  options: CharacteristicOptions,
): CharacteristicFunction {
  const players = options.players;
  const metric = options.metric ?? "cost";
  const index = new Map(players.map((p, i) => [p, i]));
  const cache = new Map<string, Promise<CoalitionOutcome>>();
  const order = (members: readonly string[]): string[] =>
    [...new Set(members)].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
  const outcome = (members: readonly string[]): Promise<CoalitionOutcome> => {
    const sorted = order(members);
    for (const m of sorted)
      if (!index.has(m)) throw new EngineError("unknown-player", `${m} is not a player of this game`);
    const key = sorted.join("|");
    let hit = cache.get(key);
    if (!hit) {
      const keep = sorted.length === 1 || sorted.length === players.length;
      hit = evaluateCoalition(context, sorted).then((o) =>
        keep ? o : { ...o, network: undefined, result: undefined },
      );
      cache.set(key, hit);
    }
    return hit;
  };
  const measure = async (members: readonly string[]): Promise<number> => {
    const o = await outcome(members);
    if (o.status !== "optimal")
      throw new EngineError(
        "coalition-not-optimal",
        `coalition {${members.join(", ")}} ended with status ${o.status}: ${o.message ?? ""}`,
      );
    return metric === "cost" ? o.costEur : o.co2Kg;
  };
  const game = createGame(
    players,
    async (members) => {
      if (members.length <= 1) return 0;
      const alone = await Promise.all(members.map((m) => measure([m])));
      return alone.reduce((a, b) => a + b, 0) - (await measure(members));
    },
    { concurrency: options.concurrency },
  );
  return { players, metric, game, outcome };
}
