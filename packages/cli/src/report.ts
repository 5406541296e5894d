import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { resultTableCsv, type Kpis, type ResultTable, type RunSummary } from "@kera/engine";

const num = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? "n/a"
    : v.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (v: number | null | undefined): string =>
  v === null || v === undefined ? "n/a" : `${num(v * 100, 1)} %`;
const mwh = (kwh: number): string => `${num(kwh / 1000)} MWh`;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A readable indicator table and a monthly balance chart in plain text (80 columns). */
export function renderKpis(title: string, k: Kpis): string {
  const ep = k.energyPositivity;
  const unit = ep.unit === "kgCO2e" ? "kgCO2e" : ep.unit;
  const lines: string[] = [
    title,
    "",
    `Energy positivity (${ep.boundary} boundary, ${ep.weighting} weighting)`,
    `  ratio produced / consumed   ${num(ep.ratio, 3)}   (>= 1: energy positive)`,
    `  produced                    ${num(ep.producedKWh / 1000)} M${unit === "kgCO2e" ? "g" : "Wh"}${unit === "kWh_PE" ? "_PE" : ""}`,
    `  consumed                    ${num(ep.consumedKWh / 1000)} M${unit === "kgCO2e" ? "g" : "Wh"}${unit === "kWh_PE" ? "_PE" : ""}`,
    `  definition                  ${ep.definition}`,
    "",
    "Energy",
    `  demand: electricity ${mwh(k.energy.demandKWh.electricity)}, heat ${mwh(k.energy.demandKWh.heat)}, cooling ${mwh(k.energy.demandKWh.cooling)}, EV ${mwh(k.energy.evChargingKWh)}`,
    `  local generation ${mwh(k.energy.generationKWh)} (curtailed ${mwh(k.energy.curtailedKWh)}), heat pumps ${mwh(k.energy.heatPumpHeatKWh)} heat`,
    `  imports: electricity ${mwh(k.energy.importKWh.electricity)}, district heat ${mwh(k.energy.importKWh.heat)}, district cooling ${mwh(k.energy.importKWh.cooling)}`,
    `  exports: electricity ${mwh(k.energy.exportKWh.electricity)}; waste heat recovered ${mwh(k.energy.wasteHeatRecoveredKWh)}`,
    `  self-sufficiency ${pct(k.selfSufficiency)}, self-consumption ${pct(k.selfConsumption)}, hours of net export ${k.hoursOfNetExport}`,
    `  peak import: electricity ${num(k.peaks.importKw.electricity)} kW, heat ${num(k.peaks.importKw.heat)} kW; peak export ${num(k.peaks.exportKw)} kW`,
    "",
    "Carbon (kgCO2e/a)",
    `  emissions ${num(k.co2.emissionsKg)}, avoided by export ${num(k.co2.avoidedByExportKg)}, net ${num(k.co2.netKg)}, net with off-site contracts ${num(k.co2.netWithOffsiteKg)}`,
    "",
    "Costs (EUR/a, VAT excluded)",
    `  energy ${num(k.costs.energyEur)}, network ${num(k.costs.networkFeesEur)}, taxes ${num(k.costs.taxesEur)}, peaks ${num(k.costs.peakChargesEur)}, fixed fees ${num(k.costs.fixedFeesEur)}, export revenue -${num(k.costs.exportRevenueEur)}`,
    `  annualised investment ${num(k.costs.annualisedInvestmentEur)}, upkeep ${num(k.costs.fixedUpkeepEur)}, variable ${num(k.costs.variableEur)}, off-site contracts ${num(k.costs.offsiteContractsEur)}`,
    `  total ${num(k.costs.totalEur)}; electricity ${num(k.costs.electricityEurPerKwh, 3)} EUR/kWh, heat ${num(k.costs.heatEurPerKwh, 3)} EUR/kWh`,
    `  per resident ${num(k.perResident.costEurPerMonth, 2)} EUR/month incl. VAT; per job ${num(k.perJob.costEurPerMonth, 2)} EUR/month`,
  ];
  if (k.reference) {
    lines.push(
      "",
      "Compared with the conventional reference district (DH heat, grid electricity)",
      `  cost ${num(k.reference.totalCostEur)} EUR/a (saving ${num(k.reference.savingsEur)}), net CO2 ${num(k.reference.co2NetKg)} kg/a (saving ${num(k.reference.co2SavingsKg)})`,
    );
  }
  if (ep.monthly.length > 1) {
    lines.push("", `Monthly balance, produced - consumed (${unit}); # surplus, = deficit`);
    const max = Math.max(...ep.monthly.map((m) => Math.abs(m.balanceKWh)), 1e-9);
    for (const m of ep.monthly) {
      const width = Math.round((Math.abs(m.balanceKWh) / max) * 40);
      const bar = (m.balanceKWh >= 0 ? "#" : "=").repeat(width);
      lines.push(`  ${MONTHS[m.month - 1]} ${num(m.balanceKWh / 1000).padStart(10)} M ${bar}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Writes `summary.json`, `hourly.csv` and `hourly.parquet` into `dir` (created if missing). */
export function writeRunFiles(
  dir: string,
  summary: RunSummary | Record<string, unknown>,
  table: ResultTable,
): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, "summary.json"), join(dir, "hourly.csv"), join(dir, "hourly.parquet")];
  writeFileSync(files[0] as string, `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(files[1] as string, resultTableCsv(table));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "time_utc", data: table.timeUtc.map((t) => new Date(t)), type: "TIMESTAMP" },
      ...table.columns.map((c) => ({
        name: `${c.name} [${c.unit}]`,
        data: Array.from(c.values),
        type: "DOUBLE" as const,
      })),
    ],
  });
  writeFileSync(files[2] as string, new Uint8Array(buffer));
  return files;
}
