/**
 * How a car's day is arranged around the charger.
 * - "overnight" (home charging): the car leaves at d and comes back at a > d the same day; it is plugged in
 *   from a until its departure on the next day.
 * - "sameDay" (workplace charging): the car arrives at a and leaves at d > a the same day; it is plugged in
 *   from a to d.
 */
export type PlugPattern = "overnight" | "sameDay";

/** The joint day plan of one day type, normalised: P(a, d) over local hours with the order of the pattern. */
export interface DayPlan {
  readonly pattern: PlugPattern;
  /** P(a, d), index a·24 + d; sums to 1. Zero where the order is violated. */
  readonly joint: Float64Array;
  /** Marginal probability of arriving at local hour a. */
  readonly arrive: Float64Array;
  /** Marginal probability of leaving at local hour d. */
  readonly depart: Float64Array;
}

/** Weight of day plans that respect each pattern's order: Σ pArr(a)·pDep(d) over d < a (overnight) or a < d. */
export function patternWeights(
  pArr: ArrayLike<number>,
  pDep: ArrayLike<number>,
): Record<PlugPattern, number> {
  let overnight = 0;
  let sameDay = 0;
  for (let a = 0; a < 24; a++) {
    for (let d = 0; d < 24; d++) {
      const w = (pArr[a] as number) * (pDep[d] as number);
      if (d < a) overnight += w;
      else if (a < d) sameDay += w;
    }
  }
  return { overnight, sameDay };
}

/**
 * P(a, d) ∝ pArr(a)·pDep(d) restricted to the pattern's order (a car leaves before it comes back, or arrives
 * before it leaves). When the distributions leave no such pair, a and d are taken as independent.
 */
export function dayPlan(pArr: ArrayLike<number>, pDep: ArrayLike<number>, pattern: PlugPattern): DayPlan {
  const joint = new Float64Array(576);
  let z = 0;
  for (let a = 0; a < 24; a++) {
    for (let d = 0; d < 24; d++) {
      const ordered = pattern === "overnight" ? d < a : a < d;
      const w = ordered ? (pArr[a] as number) * (pDep[d] as number) : 0;
      joint[a * 24 + d] = w;
      z += w;
    }
  }
  if (!(z > 0)) {
    z = 0;
    for (let a = 0; a < 24; a++) {
      for (let d = 0; d < 24; d++) {
        const w = (pArr[a] as number) * (pDep[d] as number);
        joint[a * 24 + d] = w;
        z += w;
      }
    }
  }
  const arrive = new Float64Array(24);
  const depart = new Float64Array(24);
  for (let a = 0; a < 24; a++) {
    for (let d = 0; d < 24; d++) {
      const p = (joint[a * 24 + d] as number) / z;
      joint[a * 24 + d] = p;
      arrive[a] = (arrive[a] as number) + p;
      depart[d] = (depart[d] as number) + p;
    }
  }
  return { pattern, joint, arrive, depart };
}
