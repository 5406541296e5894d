import { EngineError } from "../errors.js";
import type { Network, NetworkLoad } from "../network/network.js";
import { localMonths } from "../kpi/local-time.js";

/**
 * Time-series aggregation to typical days (docs/optimisation/formulation.md §aggregation), after Kotzur
 * et al. (2018), "Impact of different time series aggregation methods on optimal energy system design",
 * Renewable Energy 117:474-487: the year's days are clustered by their normalised hourly profiles of
 * demand, local production, prices and COP with k-medoids (deterministic), the day with the highest heat
 * demand is kept as its own typical day (extreme period), and each typical day is weighted by the number
 * of days it stands for. Storage state is linked across the real day sequence (see `formulate`).
 */
export interface Aggregation {
  /** The aggregated network: typicalDays x 24 hours, every hourly series taken from the medoid days. */
  readonly network: Network;
  /** Hours each step stands for (days in the cluster), length typicalDays x 24. */
  readonly hourWeights: Float64Array;
  /** For every day of the full timeline, the index of its typical day. */
  readonly dayMapping: Int32Array;
  /** Day index (in the full timeline) of each typical day's medoid. */
  readonly medoidDays: readonly number[];
  /** Root-mean-square error of the normalised features when each day is replaced by its typical day, 0..1. */
  readonly featureRmse: number;
  /** Local month of every typical hour (the month of its medoid day), for monthly peak charges. */
  readonly hourMonths: Uint8Array;
  /** For each month, the typical-day steps that set its peak (for monthly peak charges). */
  readonly monthSteps: readonly { readonly month: number; readonly steps: readonly number[] }[];
  /** Approximations made (e.g. smart EV charging treated as uncontrolled). */
  readonly notes: readonly string[];
}

function dayFeatures(network: Network, days: number): Float64Array[] {
  const n = days * 24;
  const features: Float64Array[] = [];
  const add = (series: Float64Array): void => {
    let max = 0;
    for (let t = 0; t < n; t++) max = Math.max(max, Math.abs(series[t] ?? 0));
    if (max > 0) features.push(series.map((v) => v / max));
  };
  for (const carrier of ["electricity", "heat", "cooling"] as const) {
    const total = new Float64Array(n);
    for (const l of network.loads)
      if (l.carrier === carrier)
        for (let t = 0; t < n; t++) total[t] = (total[t] ?? 0) + (l.demandKwh[t] ?? 0);
    add(total);
  }
  const pv = new Float64Array(n);
  for (const s of network.sources)
    for (let t = 0; t < n; t++) pv[t] = (pv[t] ?? 0) + (s.availabilityPerUnit[t] ?? 0);
  add(pv);
  const grid = network.grids.find((g) => g.carrier === "electricity");
  if (grid) add(grid.tariff.importEnergyEurPerKwh);
  for (const o of network.offsite) add(o.availabilityPerUnit);
  return features;
}

function distance(features: Float64Array[], a: number, b: number): number {
  let d = 0;
  for (const f of features) {
    for (let h = 0; h < 24; h++) {
      const x = (f[a * 24 + h] ?? 0) - (f[b * 24 + h] ?? 0);
      d += x * x;
    }
  }
  return d;
}

/** Deterministic k-medoids (greedy BUILD, then SWAP until no improvement) with fixed medoids kept. */
function kMedoids(
  days: number,
  k: number,
  dist: (a: number, b: number) => number,
  fixed: readonly number[],
): number[] {
  const D = new Float64Array(days * days);
  for (let a = 0; a < days; a++)
    for (let b = a + 1; b < days; b++) D[a * days + b] = D[b * days + a] = dist(a, b);
  const d = (a: number, b: number): number => D[a * days + b] ?? 0;
  const medoids = [...fixed];
  const nearest = new Float64Array(days).fill(Number.POSITIVE_INFINITY);
  const update = (): void => {
    for (let i = 0; i < days; i++) nearest[i] = Math.min(...medoids.map((m) => d(i, m)));
  };
  if (medoids.length === 0) {
    // First medoid: the day with the smallest total distance to all others.
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let c = 0; c < days; c++) {
      let cost = 0;
      for (let i = 0; i < days; i++) cost += d(i, c);
      if (cost < bestCost) [best, bestCost] = [c, cost];
    }
    medoids.push(best);
  }
  update();
  while (medoids.length < k) {
    let best = -1;
    let bestGain = -1;
    for (let c = 0; c < days; c++) {
      if (medoids.includes(c)) continue;
      let gain = 0;
      for (let i = 0; i < days; i++) gain += Math.max(0, (nearest[i] ?? 0) - d(i, c));
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    medoids.push(best);
    update();
  }
  const totalCost = (ms: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < days; i++) s += Math.min(...ms.map((m) => d(i, m)));
    return s;
  };
  let cost = totalCost(medoids);
  for (let iter = 0; iter < 50; iter++) {
    let improved = false;
    for (let mi = fixed.length; mi < medoids.length; mi++) {
      for (let c = 0; c < days; c++) {
        if (medoids.includes(c)) continue;
        const trial = [...medoids];
        trial[mi] = c;
        const tc = totalCost(trial);
        if (tc < cost - 1e-12) {
          medoids.splice(0, medoids.length, ...trial);
          cost = tc;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return medoids;
}

/** Aggregates a network whose timeline is whole days to `typicalDays` typical days. */
export function aggregateTypicalDays(network: Network, typicalDays: number): Aggregation {
  const n = network.timeline.hours;
  if (n % 24 !== 0) throw new EngineError("aggregation-needs-days", `timeline of ${n} h is not whole days`);
  const days = n / 24;
  if (!Number.isInteger(typicalDays) || typicalDays < 1) {
    throw new EngineError("aggregation-days", `typical days must be a whole number >= 1, got ${typicalDays}`);
  }
  const k = Math.min(typicalDays, days);
  const features = dayFeatures(network, days);
  // Extreme period: the day with the highest heat demand.
  const heat = new Float64Array(days);
  for (const l of network.loads)
    if (l.carrier === "heat")
      for (let t = 0; t < n; t++)
        heat[Math.floor(t / 24)] = (heat[Math.floor(t / 24)] ?? 0) + (l.demandKwh[t] ?? 0);
  let peakDay = 0;
  for (let i = 1; i < days; i++) if ((heat[i] ?? 0) > (heat[peakDay] ?? 0)) peakDay = i;
  const medoids = kMedoids(
    days,
    k,
    (a, b) => distance(features, a, b),
    (heat[peakDay] ?? 0) > 0 && k > 1 ? [peakDay] : [],
  );
  const dayMapping = new Int32Array(days);
  const counts = new Float64Array(k);
  let sq = 0;
  for (let i = 0; i < days; i++) {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    medoids.forEach((m, j) => {
      const dd = distance(features, i, m);
      if (dd < bestD) [best, bestD] = [j, dd];
    });
    dayMapping[i] = best;
    counts[best] = (counts[best] ?? 0) + 1;
    sq += bestD;
  }
  const featureRmse = features.length > 0 ? Math.sqrt(sq / (days * 24 * features.length)) : 0;
  const hourWeights = new Float64Array(k * 24);
  for (let j = 0; j < k; j++) for (let h = 0; h < 24; h++) hourWeights[j * 24 + h] = counts[j] ?? 0;

  // Each series is taken from the medoid days and rescaled so that its weighted total equals the full
  // year's (Kotzur et al. 2018 keep annual sums the same way); per-unit series stay within [0, 1].
  const pick = (s: Float64Array, maxValue = Number.POSITIVE_INFINITY): Float64Array => {
    const out = new Float64Array(k * 24);
    medoids.forEach((m, j) => out.set(s.subarray(m * 24, m * 24 + 24), j * 24));
    let full = 0;
    for (let t = 0; t < n; t++) full += s[t] ?? 0;
    let weighted = 0;
    for (let t = 0; t < k * 24; t++) weighted += (out[t] ?? 0) * (hourWeights[t] ?? 0);
    if (weighted > 0 && full > 0) {
      const f = full / weighted;
      for (let t = 0; t < out.length; t++) out[t] = Math.min(maxValue, (out[t] ?? 0) * f);
    }
    return out;
  };
  const notes: string[] = [];
  const evAsLoads: NetworkLoad[] = network.flexibleLoads.map((f) => ({
    id: f.id,
    owner: f.owner,
    carrier: "electricity",
    use: "ev",
    groupId: f.groupId,
    residential: f.residential,
    demandKwh: pick(f.uncontrolledKwh),
  }));
  if (evAsLoads.length > 0)
    notes.push("smart EV charging is treated as uncontrolled in the aggregated model");
  // Monthly peaks: a month's peak is set by the typical days its real days map to.
  const months = localMonths(network.timeline);
  const typicalOfMonth = new Map<number, Set<number>>();
  for (let d = 0; d < days; d++) {
    const m = months[d * 24] ?? 1;
    const set = typicalOfMonth.get(m) ?? new Set<number>();
    set.add(dayMapping[d] ?? 0);
    typicalOfMonth.set(m, set);
  }
  const monthSteps = [...typicalOfMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, set]) => ({
      month,
      steps: [...set].sort((a, b) => a - b).flatMap((j) => Array.from({ length: 24 }, (_, h) => j * 24 + h)),
    }));
  const aggregated: Network = {
    ...network,
    timeline: { ...network.timeline, hours: k * 24 },
    loads: [...network.loads.map((l) => ({ ...l, demandKwh: pick(l.demandKwh) })), ...evAsLoads],
    flexibleLoads: [],
    sources: network.sources.map((s) => ({
      ...s,
      availableKwh: pick(s.availableKwh),
      availabilityPerUnit: pick(s.availabilityPerUnit, 1),
    })),
    wasteHeat: network.wasteHeat.map((w) => ({
      ...w,
      availableKwh: pick(w.availableKwh),
      temperatureC: pick(w.temperatureC),
    })),
    converters: network.converters.map((c) => ({ ...c, efficiency: pick(c.efficiency) })),
    grids: network.grids.map((g) => ({
      ...g,
      tariff: {
        ...g.tariff,
        importEnergyEurPerKwh: pick(g.tariff.importEnergyEurPerKwh),
        importNetworkEurPerKwh: pick(g.tariff.importNetworkEurPerKwh),
        importTaxEurPerKwh: pick(g.tariff.importTaxEurPerKwh),
        exportEurPerKwh: pick(g.tariff.exportEurPerKwh),
      },
    })),
    offsite: network.offsite.map((o) => ({
      ...o,
      contractedKwh: pick(o.contractedKwh),
      availabilityPerUnit: pick(o.availabilityPerUnit, 1),
    })),
    factors: {
      ...network.factors,
      co2KgPerKwh: {
        electricity: pick(network.factors.co2KgPerKwh.electricity),
        heat: pick(network.factors.co2KgPerKwh.heat),
        cooling: pick(network.factors.co2KgPerKwh.cooling),
      },
    },
  };
  const hourMonths = new Uint8Array(k * 24);
  medoids.forEach((m, j) => hourMonths.fill(months[m * 24] ?? 1, j * 24, j * 24 + 24));
  return {
    network: aggregated,
    hourWeights,
    dayMapping,
    medoidDays: medoids,
    featureRmse,
    hourMonths,
    monthSteps,
    notes,
  };
}
