import { summarizeDocument } from "../model.js";

/**
 * THE one place where a run is computed. The lead replaces the body of `runScenario` with the hourly simulation /
 * optimisation from @kera/engine; everything else (jobs, storage, routes) only calls this function.
 *
 * For now it computes the district summary from the document alone (no physics): @kera/schema's summarizeDistrict
 * (buildings, floor area, people, capacities by kind and owner), and — only where the document states explicit
 * specific demands — annual electricity demand as a flat hourly series. Marked `placeholder: true` in the summary.
 */
export interface RunScenarioInput {
  readonly model: unknown;
  readonly kind: "simulate" | "optimize";
  readonly options: Readonly<Record<string, unknown>>;
}

export interface RunScenarioOutput {
  readonly summary: Record<string, unknown>;
  /** Hourly series by name; the unit is the name's suffix (Kw = kW average over the hour). */
  readonly series: Record<string, Float64Array>;
}

export type ProgressCallback = (fraction: number, message?: string) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** Hours in the model's timeline (`timeline.hours`, else 8760: one non-leap year). */
export function timelineHours(model: unknown): number {
  const timeline = isRecord(model) ? model.timeline : undefined;
  const hours = isRecord(timeline) ? (timeline.hours ?? timeline.length) : undefined;
  return typeof hours === "number" && Number.isInteger(hours) && hours > 0 && hours <= 8784 ? hours : 8760;
}

export async function runScenario(
  input: RunScenarioInput,
  onProgress: ProgressCallback,
  signal: AbortSignal,
): Promise<RunScenarioOutput> {
  const model = isRecord(input.model) ? input.model : {};
  onProgress(0, "reading the district");
  const groups = list(model.buildingGroups);
  const assets = list(model.assets);
  let residents = 0;
  let jobs = 0;
  let buildingCount = 0;
  let heatedFloorAreaM2 = 0;
  let electricityKwh = 0;
  for (const g of groups) {
    residents += num(g.residents);
    jobs += num(g.jobs);
    buildingCount += Math.max(1, num(g.count));
    const area = num(g.heatedFloorArea);
    heatedFloorAreaM2 += area;
    const perf = isRecord(g.ePerformance) ? g.ePerformance : {};
    electricityKwh += area * num(perf.electricityKwhPerM2);
  }
  if (signal.aborted) throw signal.reason ?? new Error("aborted");
  onProgress(0.5, "summing capacities");
  const capacityKwByKind: Record<string, number> = {};
  const assetsByOwner: Record<string, number> = {};
  for (const a of assets) {
    const kind = typeof a.kind === "string" ? a.kind : "unknown";
    capacityKwByKind[kind] = (capacityKwByKind[kind] ?? 0) + num(a.capacity);
    if (typeof a.owner === "string") assetsByOwner[a.owner] = (assetsByOwner[a.owner] ?? 0) + 1;
  }
  const hours = timelineHours(model);
  const demand = new Float64Array(hours).fill(electricityKwh / hours);
  onProgress(1, "done");
  return {
    summary: {
      placeholder: true,
      district: summarizeDocument(input.model) ?? null,
      kind: input.kind,
      hours,
      residents,
      jobs,
      buildingCount,
      heatedFloorAreaM2,
      assetCount: assets.length,
      capacityKwByKind,
      assetCountByOwner: assetsByOwner,
      annualElectricityDemandKwh: electricityKwh,
    },
    series: { electricityDemandKw: demand },
  };
}
