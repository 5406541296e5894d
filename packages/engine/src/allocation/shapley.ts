import { createPrng } from "../ev/prng.js";
import { allCoalitionValues, type CooperativeGame } from "./cooperative-game.js";

/** An allocation of the grand coalition's value to the players, in the game's unit (EUR/a or kgCO2e/a). */
export type Allocation = Readonly<Record<string, number>>;

export interface ShapleyResult {
  readonly shares: Allocation;
  /** v(N), the value the grand coalition creates. */
  readonly grandValue: number;
  /** Coalitions evaluated. */
  readonly evaluations: number;
}

export interface SampledShapleyResult extends ShapleyResult {
  /** Confidence interval of each share [low, high] at `confidence`. */
  readonly interval: Readonly<Record<string, readonly [number, number]>>;
  /** Standard error of each share's mean. */
  readonly standardError: Readonly<Record<string, number>>;
  readonly samples: number;
  readonly confidence: number;
}

/**
 * Exact Shapley value (Shapley 1953, "A value for n-person games", Contributions to the Theory of Games II):
 * phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S)). Evaluates all 2^n
 * coalitions (cached by the game, with its concurrency).
 */
export async function shapleyExact(game: CooperativeGame): Promise<ShapleyResult> {
  const n = game.players.length;
  const v = await allCoalitionValues(game);
  // weight[s] = s! (n - s - 1)! / n!, computed as a product to avoid overflow.
  const weight = new Float64Array(Math.max(n, 1));
  for (let s = 0; s < n; s++) {
    // 1 / (n * C(n-1, s))
    let binom = 1;
    for (let k = 1; k <= s; k++) binom = (binom * (n - 1 - s + k)) / k;
    weight[s] = 1 / (n * binom);
  }
  const phi = new Float64Array(n);
  const size = 2 ** n;
  const popcount = (m: number): number => {
    let c = 0;
    for (let x = m; x; x &= x - 1) c++;
    return c;
  };
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    const vs = v[mask] ?? 0;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i] = (phi[i] ?? 0) + (weight[s] ?? 0) * ((v[mask | bit] ?? 0) - vs);
    }
  }
  const shares: Record<string, number> = {};
  game.players.forEach((p, i) => (shares[p] = phi[i] ?? 0));
  return { shares, grandValue: v[size - 1] ?? 0, evaluations: game.evaluations() };
}

export interface SampleOptions {
  /** Number of random permutations; default 200. */
  readonly samples?: number;
  /** Seed of the PRNG (mulberry32); default 1. */
  readonly seed?: number;
  /** Two-sided confidence level of the intervals, 0.9 | 0.95 | 0.99 | 0.999; default 0.95. */
  readonly confidence?: 0.9 | 0.95 | 0.99 | 0.999;
}

// Standard normal quantiles z_{1 - alpha/2}.
const Z: Record<number, number> = { 0.9: 1.6448536, 0.95: 1.959964, 0.99: 2.5758293, 0.999: 3.2905267 };

/**
 * Shapley value by permutation sampling (Castro, Gomez & Tejada 2009, "Polynomial calculation of the Shapley
 * value based on sampling", Computers & Operations Research 36(5):1726-1730): for random orders of the
 * players, each player's marginal contribution when it joins; the share is the mean, with a normal-approximation
 * confidence interval from the sample variance. Deterministic for a given seed.
 */
export async function shapleySampled(
  game: CooperativeGame,
  options: SampleOptions = {},
): Promise<SampledShapleyResult> {
  const n = game.players.length;
  const samples = Math.max(2, Math.floor(options.samples ?? 200));
  const confidence = options.confidence ?? 0.95;
  const z = Z[confidence] ?? 1.959964;
  const random = createPrng(options.seed ?? 1);
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < samples; k++) {
    // Fisher-Yates shuffle.
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const prefixes = order.map((_, i) => order.slice(0, i + 1));
    const values = await game.valueAll(prefixes);
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const p = order[i] as number;
      const marginal = (values[i] ?? 0) - previous;
      previous = values[i] ?? 0;
      sum[p] = (sum[p] ?? 0) + marginal;
      sumSq[p] = (sumSq[p] ?? 0) + marginal * marginal;
    }
  }
  const shares: Record<string, number> = {};
  const interval: Record<string, readonly [number, number]> = {};
  const standardError: Record<string, number> = {};
  game.players.forEach((p, i) => {
    const mean = (sum[i] ?? 0) / samples;
    const variance = Math.max(0, ((sumSq[i] ?? 0) - samples * mean * mean) / (samples - 1));
    const se = Math.sqrt(variance / samples);
    shares[p] = mean;
    standardError[p] = se;
    interval[p] = [mean - z * se, mean + z * se];
  });
  const grandValue = await game.value(order);
  return {
    shares,
    grandValue,
    evaluations: game.evaluations(),
    interval,
    standardError,
    samples,
    confidence,
  };
}

/**
 * Proportional allocation: v(N) split in proportion to non-negative weights (e.g. each partner's standalone
 * cost, EUR/a). Equal split when every weight is zero.
 */
export function proportionalAllocation(
  players: readonly string[],
  grandValue: number,
  weights: Readonly<Record<string, number>>,
): Allocation {
  const w = players.map((p) => Math.max(0, weights[p] ?? 0));
  const total = w.reduce((a, b) => a + b, 0);
  const shares: Record<string, number> = {};
  players.forEach((p, i) => {
    shares[p] = total > 0 ? (grandValue * (w[i] ?? 0)) / total : grandValue / players.length;
  });
  return shares;
}
