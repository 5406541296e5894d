import { localCalendar, type Timeline } from "@kera/engine";
import { fittedOnOf, type FittedOn } from "./fitted-on.js";
import { normalCdf, normalQuantile } from "./normal-distribution.js";
import { mulberry32, normalGenerator } from "./prng.js";

/** Day types of the price model: working days, and Saturdays, Sundays and Finnish public holidays. */
export const DAY_TYPES = ["workday", "weekendOrHoliday"] as const;

/** Probabilities at which each cell's empirical quantiles are kept. */
export const SPOT_PRICE_QUANTILE_PROBABILITIES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

/**
 * A statistical model of hourly day-ahead prices: for each local month (12) x day type (2) x local hour (24)
 * the mean, standard deviation and empirical quantiles, plus the lag-1 autocorrelation of the hours' normal
 * scores (a Gaussian copula with AR(1) dependence). Parameters only; the prices are not shipped.
 */
export interface SpotPriceModel {
  readonly id: string;
  /** What the model was fitted on, and the data's owner/licence note. */
  readonly source: string;
  /** Unit of `mean` and `std`. */
  readonly unit: "EUR/MWh";
  /** IANA zone whose local month, weekday, holidays and hour index the tables. */
  readonly timeZone: string;
  readonly fittedOn: FittedOn;
  /** mean[month 0..11][dayType 0..1][local hour 0..23], EUR/MWh excl. VAT. */
  readonly mean: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
  /** Standard deviation per cell, EUR/MWh. */
  readonly std: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
  /** quantiles[month][dayType][hour][k] at `SPOT_PRICE_QUANTILE_PROBABILITIES[k]`, EUR/MWh. */
  readonly quantiles: ReadonlyArray<ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>>;
  /** Lag-1 autocorrelation of the normal scores Φ⁻¹(rank within its cell) of consecutive hours. */
  readonly lag1Autocorrelation: number;
  /** Mean over all fitted hours, EUR/MWh. */
  readonly overallMean: number;
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0 (JSON has no -0)
};

/** Linear-interpolation quantile of sorted values (Hyndman & Fan 1996, type 7, the R/NumPy default). */
function empiricalQuantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Number of sorted values < v (or <= v with `inclusive`). */
function lowerBound(sorted: readonly number[], v: number, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid] ?? 0;
    if (x < v || (inclusive && x === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Price at probability u from a cell's quantile table (piecewise linear; clamped beyond the 1 % / 99 % points). */
function quantileAt(table: ReadonlyArray<number> | undefined, u: number, fallback: number): number {
  if (!table || table.length === 0) return fallback;
  const ps = SPOT_PRICE_QUANTILE_PROBABILITIES;
  if (u <= ps[0]) return table[0] ?? fallback;
  for (let k = 1; k < ps.length; k++) {
    const p1 = ps[k] ?? 1;
    if (u <= p1) {
      const p0 = ps[k - 1] ?? 0;
      const q0 = table[k - 1] ?? fallback;
      const q1 = table[k] ?? fallback;
      return q0 + ((u - p0) / (p1 - p0)) * (q1 - q0);
    }
  }
  return table[table.length - 1] ?? fallback;
}

function cellIndex(timeline: Timeline): Int16Array {
  const cal = localCalendar(timeline);
  const idx = new Int16Array(timeline.hours);
  for (let i = 0; i < timeline.hours; i++) {
    const weekday = cal.weekday[i] ?? 1;
    const dayType = weekday >= 6 || cal.isHoliday[i] === 1 ? 1 : 0;
    idx[i] = ((cal.month[i] ?? 1) - 1) * 48 + dayType * 24 + (cal.localHour[i] ?? 0);
  }
  return idx;
}

function toTable(flat: Float64Array, digits: number): number[][][] {
  return Array.from({ length: 12 }, (_, m) =>
    Array.from({ length: 2 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => round(flat[m * 48 + d * 24 + h] ?? 0, digits)),
    ),
  );
}

/**
 * Fits the model to hourly prices in EUR/kWh on `timeline` (pure; the fitting script and a test use it).
 * Cells without data (none for a full year) get the overall mean and standard deviation.
 */
export function fitSpotPriceModel(
  timeline: Timeline,
  pricesEurPerKwh: Float64Array,
  meta: { id: string; source: string },
): SpotPriceModel {
  const n = timeline.hours;
  const idx = cellIndex(timeline);
  const sum = new Float64Array(576);
  const sum2 = new Float64Array(576);
  const count = new Float64Array(576);
  let total = 0;
  let total2 = 0;
  for (let i = 0; i < n; i++) {
    const p = (pricesEurPerKwh[i] ?? 0) * 1000;
    const c = idx[i] ?? 0;
    sum[c] = (sum[c] ?? 0) + p;
    sum2[c] = (sum2[c] ?? 0) + p * p;
    count[c] = (count[c] ?? 0) + 1;
    total += p;
    total2 += p * p;
  }
  const overallMean = total / n;
  const overallStd = Math.sqrt(Math.max(0, total2 / n - overallMean * overallMean));
  const mean = new Float64Array(576);
  const std = new Float64Array(576);
  for (let c = 0; c < 576; c++) {
    const k = count[c] ?? 0;
    const m = k > 0 ? (sum[c] ?? 0) / k : overallMean;
    mean[c] = m;
    std[c] = k > 1 ? Math.sqrt(Math.max(0, ((sum2[c] ?? 0) - k * m * m) / (k - 1))) : overallStd;
  }
  // Per-cell sorted values: empirical quantiles and each hour's normal score (rank-based).
  const cells: number[][] = Array.from({ length: 576 }, () => []);
  for (let i = 0; i < n; i++) cells[idx[i] ?? 0]?.push((pricesEurPerKwh[i] ?? 0) * 1000);
  const sorted = cells.map((c) => [...c].sort((a, b) => a - b));
  const quantiles = new Float64Array(576 * SPOT_PRICE_QUANTILE_PROBABILITIES.length);
  sorted.forEach((c, cell) => {
    SPOT_PRICE_QUANTILE_PROBABILITIES.forEach((p, k) => {
      quantiles[cell * SPOT_PRICE_QUANTILE_PROBABILITIES.length + k] =
        c.length > 0 ? empiricalQuantile(c, p) : overallMean + overallStd * normalQuantile(p);
    });
  });
  let sxy = 0;
  let sxx = 0;
  let prev: number | undefined;
  for (let i = 0; i < n; i++) {
    const c = sorted[idx[i] ?? 0] ?? [];
    const v = (pricesEurPerKwh[i] ?? 0) * 1000;
    // Mid-rank of v among its cell (ties share the middle rank).
    const below = lowerBound(c, v);
    const upTo = lowerBound(c, v, true);
    const z = normalQuantile((below + upTo) / 2 / c.length);
    if (prev !== undefined) sxy += prev * z;
    sxx += z * z;
    prev = z;
  }
  return {
    id: meta.id,
    source: meta.source,
    unit: "EUR/MWh",
    timeZone: timeline.timeZone,
    fittedOn: fittedOnOf(timeline, n),
    mean: toTable(mean, 2),
    std: toTable(std, 2),
    quantiles: Array.from({ length: 12 }, (_, m) =>
      Array.from({ length: 2 }, (_, d) =>
        Array.from({ length: 24 }, (_, h) =>
          SPOT_PRICE_QUANTILE_PROBABILITIES.map((_, k) =>
            round(quantiles[(m * 48 + d * 24 + h) * SPOT_PRICE_QUANTILE_PROBABILITIES.length + k] ?? 0, 2),
          ),
        ),
      ),
    ),
    lag1Autocorrelation: round(sxx > 0 ? sxy / sxx : 0, 4),
    overallMean: round(overallMean, 2),
  };
}

/** Options of `generateSpotPriceSeries`. */
export interface GenerateSpotPriceOptions {
  /**
   * `mean` (default): the model's expected price for each hour (deterministic, smooth).
   * `stochastic`: an AR(1) Gaussian process z (seeded, deterministic for a given seed) mapped through each
   * cell's empirical quantiles, price = Q_cell(Φ(z)): keeps each cell's spread and skew and the hour-to-hour
   * persistence (values beyond the 1 % / 99 % quantiles are clamped to them).
   */
  readonly mode?: "mean" | "stochastic";
  /** Seed of the stochastic mode; default 1. */
  readonly seed?: number;
  /** Rescale means and standard deviations so that the model's overall mean becomes this level, EUR/kWh. */
  readonly levelEurPerKwh?: number;
}

/**
 * An hourly price series in EUR/kWh excl. VAT on any timeline from a fitted model, by the LOCAL month,
 * day type (weekday vs weekend/Finnish holiday) and hour of the model's zone. Pure and deterministic.
 */
export function generateSpotPriceSeries(
  model: SpotPriceModel,
  timeline: Timeline,
  options: GenerateSpotPriceOptions = {},
): Float64Array {
  const mode = options.mode ?? "mean";
  const scale =
    options.levelEurPerKwh === undefined ? 1 : (options.levelEurPerKwh * 1000) / model.overallMean;
  const idx = cellIndex({ ...timeline, timeZone: model.timeZone });
  const out = new Float64Array(timeline.hours);
  const phi = model.lag1Autocorrelation;
  const normal = normalGenerator(mulberry32(options.seed ?? 1));
  let z = mode === "stochastic" ? normal() : 0;
  for (let i = 0; i < timeline.hours; i++) {
    const c = idx[i] ?? 0;
    const m = Math.floor(c / 48);
    const d = Math.floor((c % 48) / 24);
    const h = c % 24;
    const mean = model.mean[m]?.[d]?.[h] ?? model.overallMean;
    let p = mean;
    if (mode === "stochastic") {
      if (i > 0) z = phi * z + Math.sqrt(1 - phi * phi) * normal();
      p = quantileAt(model.quantiles[m]?.[d]?.[h], normalCdf(z), mean);
    }
    out[i] = (p * scale) / 1000;
  }
  return out;
}
