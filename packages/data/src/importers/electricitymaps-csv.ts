import type { Result } from "@kera/schema";
import type { Series } from "../series.js";
import { parseSeriesCsv } from "./series-csv.js";

/** Options of `parseElectricityMapsCsv`. */
export interface ElectricityMapsCsvOptions {
  readonly fileName?: string;
  readonly source?: string;
  /** Site zone for the timeline; default Europe/Helsinki. */
  readonly timeZone?: string;
}

const DIRECT = "Carbon Intensity gCO₂eq/kWh (direct)";
const LCA = "Carbon Intensity gCO₂eq/kWh (LCA)";

/**
 * Imports an Electricity Maps hourly zone file (`Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity
 * gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),...`), the format of their yearly downloads.
 * Returns columns `direct` and `lca` in kgCO2e/kWh. Check the licence of your copy (Electricity Maps'
 * terms have changed over time; shared/data/fi_co2_intensity_2022_electricitymaps/SOURCE.md).
 */
export function parseElectricityMapsCsv(
  text: string,
  options: ElectricityMapsCsvOptions = {},
): Result<Series> {
  const fileName = options.fileName ?? "Electricity Maps CSV";
  // Older files spell the subscript as a plain "2"; accept both.
  const normalised = text.replace(/gCO2eq\/kWh/g, "gCO₂eq/kWh");
  const r = parseSeriesCsv(normalised, {
    fileName,
    source: options.source ?? `${fileName} (Electricity Maps; check licence)`,
    timestampColumn: "Datetime (UTC)",
    timestampZone: "UTC",
    timeZone: options.timeZone ?? "Europe/Helsinki",
    columns: [DIRECT, LCA],
    units: { [DIRECT]: "gCO2eq/kWh", [LCA]: "gCO2eq/kWh" },
    min: 0,
  });
  if (!r.ok) return r;
  const [direct, lca] = r.value.columns;
  if (!direct || !lca) return r;
  return {
    ok: true,
    value: {
      ...r.value,
      columns: [
        { ...direct, name: "direct" },
        { ...lca, name: "lca" },
      ],
    },
  };
}
