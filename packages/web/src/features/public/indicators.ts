import type { EnergyPositivity, Kpis } from "@kera/engine";
import type { MessageKey } from "../../i18n/i18n.js";

/** One annual energy flow of the Sankey, kWh/a. */
export interface Flow {
  readonly source: MessageKey;
  readonly target: MessageKey;
  readonly kWh: number;
}

/**
 * The district's annual energy flows from the indicators: supplies into the carrier buses, conversion
 * (heat pumps), and the buses' uses. Flows of zero are left out (a Sankey shows no empty bands).
 */
export function energyFlows(k: Kpis): Flow[] {
  const e = k.energy;
  const flows: Flow[] = [
    { source: "flowPv", target: "flowElectricity", kWh: e.generationKWh },
    { source: "flowGridImport", target: "flowElectricity", kWh: e.importKWh.electricity },
    { source: "flowElectricity", target: "flowBuildingsEl", kWh: e.demandKWh.electricity },
    { source: "flowElectricity", target: "flowEv", kWh: e.evChargingKWh },
    { source: "flowElectricity", target: "flowHeatPumps", kWh: e.converterElectricityKWh },
    { source: "flowElectricity", target: "flowExport", kWh: e.exportKWh.electricity },
    { source: "flowWasteHeat", target: "flowHeatPumps", kWh: e.wasteHeatRecoveredKWh },
    { source: "flowHeatPumps", target: "flowHeat", kWh: e.heatPumpHeatKWh },
    { source: "flowDhImport", target: "flowHeat", kWh: e.importKWh.heat },
    { source: "flowHeat", target: "flowBuildingsHeat", kWh: e.demandKWh.heat },
    { source: "flowHeat", target: "flowHeatExport", kWh: e.exportKWh.heat },
    { source: "flowDcImport", target: "flowCooling", kWh: e.importKWh.cooling },
    { source: "flowCooling", target: "flowBuildingsCool", kWh: e.demandKWh.cooling },
  ];
  return flows.filter((f) => Number.isFinite(f.kWh) && f.kWh > 0.5);
}

/**
 * The unit of energy-positivity figures shown in thousands (kWh/1000 = MWh, kgCO2e/1000 = tCO2e): produced,
 * consumed and balance are in the indicator's own unit (delivered, primary-energy weighted or emissions).
 */
export function positivityUnit(unit: EnergyPositivity["unit"]): string {
  switch (unit) {
    case "kWh":
      return "MWh";
    case "kWh_PE":
      return "MWh (PE)";
    case "kgCO2e":
      return "tCO2e";
  }
}

export type Status = "positive" | "onTrack" | "behind";

/** Plain-language status: positive at ratio >= 1, on the way from half the target, behind below. */
export function statusOf(ratio: number | null): Status {
  if (ratio === null) return "behind";
  if (ratio >= 1) return "positive";
  return ratio >= 0.5 ? "onTrack" : "behind";
}

export interface MonthRow {
  readonly month: number;
  readonly producedKWh: number;
  readonly consumedKWh: number;
  readonly balanceKWh: number;
}

export function monthlyRows(k: Kpis): MonthRow[] {
  return k.energyPositivity.monthly.map((m) => ({
    month: m.month,
    producedKWh: m.producedKWh,
    consumedKWh: m.consumedKWh,
    balanceKWh: m.balanceKWh,
  }));
}

export interface BuildoutRow {
  readonly year: number;
  readonly residents: number;
}

/** Residents living in the district in each year of the build-out, from the groups' completion years. */
export function residentsByYear(model: unknown): BuildoutRow[] {
  const groups = (model as { buildingGroups?: unknown } | undefined)?.buildingGroups;
  if (!Array.isArray(groups)) return [];
  const byYear = new Map<number, number>();
  for (const g of groups as { yearCompleted?: unknown; residents?: unknown }[]) {
    const y = typeof g.yearCompleted === "number" ? g.yearCompleted : undefined;
    const r = typeof g.residents === "number" ? g.residents : 0;
    if (y !== undefined) byYear.set(y, (byYear.get(y) ?? 0) + r);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const out: BuildoutRow[] = [];
  let total = 0;
  for (let y = years[0] ?? 0; y <= (years[years.length - 1] ?? 0); y++) {
    total += byYear.get(y) ?? 0;
    out.push({ year: y, residents: total });
  }
  return out;
}

/** The energy positivity target of the model (first target with a ratio), if any. */
export function positivityTarget(model: unknown): { year: number; ratio: number } | undefined {
  const targets = (model as { targets?: unknown } | undefined)?.targets;
  if (!Array.isArray(targets)) return undefined;
  for (const t of targets as { year?: unknown; energyPositivityRatio?: unknown }[]) {
    if (typeof t.year === "number" && typeof t.energyPositivityRatio === "number")
      return { year: t.year, ratio: t.energyPositivityRatio };
  }
  return undefined;
}
