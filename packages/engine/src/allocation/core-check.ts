import { allCoalitionValues, maskMembers, type CooperativeGame } from "./cooperative-game.js";
import type { Allocation } from "./shapley.js";

export interface CoreCheck {
  /** True when no coalition gains by leaving (every excess <= tolerance) and the allocation is efficient. */
  readonly inCore: boolean;
  /** The coalition with the largest excess v(S) - sum of its shares (the group that gains most by leaving). */
  readonly mostViolated?: { readonly members: readonly string[]; readonly excess: number };
  /** sum of shares - v(N) (0 for an efficient allocation). */
  readonly efficiencyGap: number;
}

/**
 * The core (Gillies 1959): an allocation x is in the core when sum_{i in S} x_i >= v(S) for every coalition S
 * and sum_i x_i = v(N). Enumerates all 2^n coalitions; the tolerance is absolute, in the game's unit.
 */
export async function coreCheck(
  game: CooperativeGame,
  allocation: Allocation,
  tolerance = 1e-6,
): Promise<CoreCheck> {
  const n = game.players.length;
  const v = await allCoalitionValues(game);
  const x = game.players.map((p) => allocation[p] ?? 0);
  let worstMask = -1;
  let worst = Number.NEGATIVE_INFINITY;
  const full = 2 ** n - 1;
  for (let mask = 1; mask < full; mask++) {
    let share = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) share += x[i] ?? 0;
    const excess = (v[mask] ?? 0) - share;
    if (excess > worst) [worst, worstMask] = [excess, mask];
  }
  const efficiencyGap = x.reduce((a, b) => a + b, 0) - (v[full] ?? 0);
  const scale = Math.max(1, Math.abs(v[full] ?? 0));
  const efficient = Math.abs(efficiencyGap) <= tolerance * scale;
  const violated = worstMask >= 0 && worst > tolerance;
  return {
    inCore: efficient && !violated,
    mostViolated:
      worstMask >= 0 && worst > tolerance
        ? { members: maskMembers(worstMask, n).map((i) => game.players[i] as string), excess: worst }
        : undefined,
    efficiencyGap,
  };
}
