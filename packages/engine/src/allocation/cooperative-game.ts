import { EngineError } from "../errors.js";

/**
 * A transferable-utility cooperative game: the value v(S) of every coalition S of players, EUR/a (or
 * kgCO2e/a when the game is played over emissions). v(empty set) = 0. Coalitions are evaluated lazily through
 * an evaluator (synthetic games in tests, the optimiser for districts) and cached by membership.
 */
export type CoalitionEvaluator = (members: readonly string[]) => Promise<number>;

export interface CooperativeGame {
  readonly players: readonly string[];
  /** v(S) for the coalition of the given player indices (any order); cached. */
  readonly value: (indices: readonly number[]) => Promise<number>;
  /** Evaluates many coalitions with bounded concurrency (fills the cache). */
  readonly valueAll: (coalitions: readonly (readonly number[])[]) => Promise<number[]>;
  /** Number of distinct coalitions evaluated so far (the empty set is free). */
  readonly evaluations: () => number;
}

export interface GameOptions {
  /** Coalitions evaluated at the same time (a worker-pool solver can use more than 1); default 1. */
  readonly concurrency?: number;
}

const keyOf = (indices: readonly number[]): string => [...new Set(indices)].sort((a, b) => a - b).join(",");

/** Runs `fn` over the items with at most `limit` promises pending at once; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return out;
}

/** Wraps an evaluator into a cached game. Player ids must be distinct. */
export function createGame(
  players: readonly string[],
  evaluator: CoalitionEvaluator,
  options: GameOptions = {},
): CooperativeGame {
  if (new Set(players).size !== players.length)
    throw new EngineError("duplicate-player", `players must be distinct: ${players.join(", ")}`);
  const cache = new Map<string, Promise<number>>();
  const concurrency = options.concurrency ?? 1;
  const value = (indices: readonly number[]): Promise<number> => {
    const key = keyOf(indices);
    if (key === "") return Promise.resolve(0);
    let hit = cache.get(key);
    if (!hit) {
      const members = key.split(",").map((i) => {
        const p = players[Number(i)];
        if (p === undefined) throw new EngineError("unknown-player", `no player with index ${i}`);
        return p;
      });
      hit = evaluator(members);
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    players,
    value,
    valueAll: (coalitions) => mapWithConcurrency(coalitions, concurrency, (c) => value(c)),
    evaluations: () => cache.size,
  };
}

/** Indices of the players in bitmask `mask` (bit i = player i). */
export function maskMembers(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

/** Maximum number of players for the exact (2^n coalitions) methods. */
export const MAX_EXACT_PLAYERS = 20;

/** Values of all 2^n coalitions indexed by bitmask (n <= MAX_EXACT_PLAYERS). */
export async function allCoalitionValues(game: CooperativeGame): Promise<Float64Array> {
  const n = game.players.length;
  if (n > MAX_EXACT_PLAYERS)
    throw new EngineError(
      "too-many-players",
      `exact methods enumerate 2^n coalitions; ${n} players exceed ${MAX_EXACT_PLAYERS} (use sampling)`,
    );
  const size = 2 ** n;
  const masks = Array.from({ length: size }, (_, m) => maskMembers(m, n));
  const values = await game.valueAll(masks);
  return Float64Array.from(values);
}
