/** The indicators compared for proposals, targets and alternative plans (annual over the model's timeline). */
export interface Indicators {
  /** Energy positivity ratio under the model's definition (boundary, weighting); null without demand. */
  readonly energyPositivityRatio: number | null;
  readonly producedKWh: number;
  readonly consumedKWh: number;
  /** Emissions minus those avoided by exports, kgCO2e. */
  readonly co2NetKg: number;
  readonly co2EmissionsKg: number;
  readonly generationKWh: number;
  readonly electricityImportKWh: number;
  readonly selfSufficiency: number | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Reads the indicators from a run summary (`summary.kpis`, the engine's `Kpis`). */
export function indicatorsOf(summary: Record<string, unknown>): Indicators {
  const kpis = isRecord(summary.kpis) ? summary.kpis : {};
  const ep = isRecord(kpis.energyPositivity) ? kpis.energyPositivity : {};
  const co2 = isRecord(kpis.co2) ? kpis.co2 : {};
  const energy = isRecord(kpis.energy) ? kpis.energy : {};
  const imports = isRecord(energy.importKWh) ? energy.importKWh : {};
  return {
    energyPositivityRatio: numOrNull(ep.ratio),
    producedKWh: num(ep.producedKWh),
    consumedKWh: num(ep.consumedKWh),
    co2NetKg: num(co2.netKg),
    co2EmissionsKg: num(co2.emissionsKg),
    generationKWh: num(energy.generationKWh),
    electricityImportKWh: num(imports.electricity),
    selfSufficiency: numOrNull(kpis.selfSufficiency),
  };
}
