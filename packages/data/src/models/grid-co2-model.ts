import { localCalendar, type Timeline } from "@kera/engine";
import { fittedOnOf, type FittedOn } from "./fitted-on.js";

/**
 * A month x local-hour profile of the carbon intensity of grid electricity (mean per cell). Parameters only.
 */
export interface GridCo2Model {
  readonly id: string;
  readonly source: string;
  readonly unit: "gCO2e/kWh";
  readonly timeZone: string;
  readonly fittedOn: FittedOn;
  /** direct[month 0..11][local hour 0..23]: operational (direct) intensity, gCO2e/kWh. */
  readonly direct: ReadonlyArray<ReadonlyArray<number>>;
  /** lca[month][hour]: life-cycle intensity, gCO2e/kWh. */
  readonly lca: ReadonlyArray<ReadonlyArray<number>>;
  /** Means over all fitted hours, gCO2e/kWh. */
  readonly overallMean: { readonly direct: number; readonly lca: number };
}

const round1 = (v: number): number => Math.round(v * 10) / 10 + 0; // no -0

/** Fits the month x local-hour means to hourly intensities in kgCO2e/kWh (pure). */
export function fitGridCo2Model(
  timeline: Timeline,
  directKgPerKwh: Float64Array,
  lcaKgPerKwh: Float64Array,
  meta: { id: string; source: string },
): GridCo2Model {
  const cal = localCalendar(timeline);
  const n = timeline.hours;
  const sd = new Float64Array(288);
  const sl = new Float64Array(288);
  const k = new Float64Array(288);
  let td = 0;
  let tl = 0;
  for (let i = 0; i < n; i++) {
    const c = ((cal.month[i] ?? 1) - 1) * 24 + (cal.localHour[i] ?? 0);
    const d = (directKgPerKwh[i] ?? 0) * 1000;
    const l = (lcaKgPerKwh[i] ?? 0) * 1000;
    sd[c] = (sd[c] ?? 0) + d;
    sl[c] = (sl[c] ?? 0) + l;
    k[c] = (k[c] ?? 0) + 1;
    td += d;
    tl += l;
  }
  const table = (s: Float64Array, fallback: number): number[][] =>
    Array.from({ length: 12 }, (_, m) =>
      Array.from({ length: 24 }, (_, h) => {
        const c = m * 24 + h;
        return round1((k[c] ?? 0) > 0 ? (s[c] ?? 0) / (k[c] ?? 1) : fallback);
      }),
    );
  return {
    id: meta.id,
    source: meta.source,
    unit: "gCO2e/kWh",
    timeZone: timeline.timeZone,
    fittedOn: fittedOnOf(timeline, n),
    direct: table(sd, td / n),
    lca: table(sl, tl / n),
    overallMean: { direct: round1(td / n), lca: round1(tl / n) },
  };
}

/** Options of `generateGridCo2Series`. */
export interface GenerateGridCo2Options {
  /** `direct` (operational, default) or `lca` (life-cycle). */
  readonly basis?: "direct" | "lca";
  /**
   * Rescale the profile so that its overall mean is this annual factor, kgCO2e/kWh (e.g. a newer annual value:
   * the shape is kept, the level follows the factor you cite).
   */
  readonly annualMeanKgPerKwh?: number;
}

/** Hourly grid intensity in kgCO2e/kWh on any timeline, by local month and hour of the model's zone (pure). */
export function generateGridCo2Series(
  model: GridCo2Model,
  timeline: Timeline,
  options: GenerateGridCo2Options = {},
): Float64Array {
  const basis = options.basis ?? "direct";
  const table = basis === "direct" ? model.direct : model.lca;
  const base = basis === "direct" ? model.overallMean.direct : model.overallMean.lca;
  const scale = options.annualMeanKgPerKwh === undefined ? 1 : (options.annualMeanKgPerKwh * 1000) / base;
  const cal = localCalendar({ ...timeline, timeZone: model.timeZone });
  const out = new Float64Array(timeline.hours);
  for (let i = 0; i < timeline.hours; i++) {
    const v = table[(cal.month[i] ?? 1) - 1]?.[cal.localHour[i] ?? 0] ?? base;
    out[i] = (v * scale) / 1000;
  }
  return out;
}
