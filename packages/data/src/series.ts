import type { Timeline } from "@kera/engine";
import type { Issue } from "@kera/schema";

/** One value column of a series, in its (canonical) unit. */
export interface SeriesColumn {
  readonly name: string;
  /** Unit of `values` (canonical after import, e.g. kW, kWh, EUR/kWh, kgCO2e/kWh), or undefined if unknown. */
  readonly unit: string | undefined;
  readonly values: Float64Array;
}

/** Hourly series read from a file: one or more columns on one time axis. */
export interface Series {
  /** Origin of the data (file name, provider, licence). */
  readonly source: string;
  /** Hourly timeline of the rows; undefined when the file has no time stamps and no start was given. */
  readonly timeline: Timeline | undefined;
  /** Number of hourly values in every column. */
  readonly hours: number;
  readonly columns: readonly SeriesColumn[];
  /** Warnings found while reading (e.g. `missing-unit`); errors make the import fail instead. */
  readonly warnings: readonly Issue[];
}

/** The column called `name` (case-insensitive), or undefined. */
export function seriesColumn(series: Series, name: string): SeriesColumn | undefined {
  const n = name.toLowerCase();
  return series.columns.find((c) => c.name.toLowerCase() === n);
}
