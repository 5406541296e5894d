/** Probability per local hour of day (24 values, index 0 = 00:00–01:00), for workdays and free days. */
export interface HourOfDayDistribution {
  /** Monday–Friday that are not public holidays. */
  readonly workday: readonly number[];
  /** Saturdays, Sundays and public holidays. */
  readonly freeDay: readonly number[];
}

/**
 * A wrapped normal distribution discretised to the 24 hours of a day: p(h) ∝ Σ_k exp(−(h + ½ − μ + 24k)² / 2σ²).
 * `meanHour` is a clock time in hours (17.5 = 17:30).
 */
export function wrappedNormalHours(meanHour: number, sdHours: number): number[] {
  const p: number[] = [];
  let sum = 0;
  for (let h = 0; h < 24; h++) {
    let v = 0;
    for (let k = -2; k <= 2; k++) {
      const x = h + 0.5 - meanHour + 24 * k;
      v += Math.exp(-(x * x) / (2 * sdHours * sdHours));
    }
    p.push(v);
    sum += v;
  }
  return p.map((v) => v / sum);
}

/**
 * Default parameters of residential EV charging. Sources:
 * - kmPerYear 13 700: Statistics Finland, Finnish road statistics 2022 — passenger cars drove 38.4 billion km —
 *   divided by ~2.8 million passenger cars in traffic (Traficom, start of 2023): 38.4e9 / 2.8e6 ≈ 13 700 km.
 * - kwhPerKm 0.2: electricity at the plug per km, including charging losses and Finnish winter (estimate;
 *   EVs' rated consumption is typically 0.15–0.18 kWh/km before losses and cold-weather heating).
 * - chargerKw 11: a three-phase 16 A Type 2 home/workplace charger, 3 × 230 V × 16 A ≈ 11 kW
 *   (chargers above 3.7 kW must have Type 2/CCS sockets in Finland, Act 733/2020, KERA.md §2.5).
 * - Arrival and departure times: wrapped normal distributions per day type, estimates of a typical residential
 *   pattern (arrival home in the late afternoon, departure in the morning on workdays, later and wider on free
 *   days). Replace with the Finnish National Travel Survey (HLT 2016) distributions when they are imported.
 */
export const EV_DEFAULTS = {
  kmPerYear: 13_700,
  kwhPerKm: 0.2,
  chargerKw: 11,
  arrival: {
    workday: wrappedNormalHours(17.5, 2.5),
    freeDay: wrappedNormalHours(16, 4),
  } satisfies HourOfDayDistribution,
  departure: {
    workday: wrappedNormalHours(7.5, 1.5),
    freeDay: wrappedNormalHours(10.5, 3),
  } satisfies HourOfDayDistribution,
} as const;
