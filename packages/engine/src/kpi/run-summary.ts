import type { Network } from "../network/network.js";
import type { SimulationResult } from "../simulate/simulate.js";
import { MS_PER_HOUR } from "../time/timeline.js";
import { maxBalanceResidual, type Kpis } from "./compute-kpis.js";

/**
 * The JSON summary of a run (`kera simulate --json`, `summary.json`, the API's run summary). Plain data:
 * numbers in the units their names say, no typed arrays.
 */
export interface RunSummary {
  readonly kind: "simulate" | "optimize";
  readonly timeline: { readonly start: string; readonly hours: number; readonly timeZone: string };
  readonly kpis: Kpis;
  readonly balance: { readonly maxResidualKWh: number };
  readonly diagnostics: readonly {
    readonly code: string;
    readonly severity: string;
    readonly message: string;
    readonly path?: string;
  }[];
  /** Names of the hourly series available for this run (`<id>:<attribute>`). */
  readonly seriesNames: readonly string[];
}

export function summarizeRun(input: {
  readonly kind: RunSummary["kind"];
  readonly network: Network;
  readonly result: SimulationResult;
  readonly kpis: Kpis;
  readonly warnings?: readonly {
    readonly code: string;
    readonly severity: string;
    readonly message: string;
    readonly path?: string;
  }[];
}): RunSummary {
  const { network, result, kpis } = input;
  return {
    kind: input.kind,
    timeline: {
      start: new Date(network.timeline.startUtcMs).toISOString(),
      hours: network.timeline.hours,
      timeZone: network.timeline.timeZone,
    },
    kpis,
    balance: { maxResidualKWh: maxBalanceResidual(result) },
    diagnostics: [...(input.warnings ?? []), ...result.diagnostics],
    seriesNames: Object.keys(result.series).sort(),
  };
}

/** One table of hourly results: a UTC time column and one column per series, sorted by name. */
export interface ResultTable {
  readonly timeUtc: readonly string[];
  readonly columns: readonly {
    readonly name: string;
    readonly unit: string;
    readonly values: Float64Array;
  }[];
}

/** Unit of a result series by its attribute (state of charge in kWh, everything else kWh per hour). */
export function seriesUnit(name: string): string {
  return name.endsWith(":stateOfCharge") ? "kWh" : "kWh/h";
}

export function resultTable(
  network: Network,
  result: SimulationResult,
  names?: readonly string[],
): ResultTable {
  const keys = (names ?? Object.keys(result.series)).filter((k) => result.series[k] !== undefined).sort();
  const timeUtc = Array.from({ length: result.hours }, (_, i) =>
    new Date(network.timeline.startUtcMs + i * MS_PER_HOUR).toISOString(),
  );
  return {
    timeUtc,
    columns: keys.map((name) => ({
      name,
      unit: seriesUnit(name),
      values: result.series[name] as Float64Array,
    })),
  };
}

/** CSV text of a result table: header `time_utc,<name> [<unit>],...`, values with up to 6 decimals. */
export function resultTableCsv(table: ResultTable): string {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["time_utc", ...table.columns.map((c) => quote(`${c.name} [${c.unit}]`))].join(",")];
  for (let i = 0; i < table.timeUtc.length; i++) {
    const row = [table.timeUtc[i] as string];
    for (const c of table.columns) {
      const v = c.values[i] ?? 0;
      row.push(Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6));
    }
    lines.push(row.join(","));
  }
  return `${lines.join("\n")}\n`;
}
