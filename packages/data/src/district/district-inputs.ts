import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Weather } from "@kera/engine";
import type { District, Issue, Result } from "@kera/schema";
import { parseSeriesCsv } from "../importers/series-csv.js";
import { seriesColumn } from "../series.js";
import { loadWeatherSync } from "../weather/load-weather.js";

/** What a district model needs from files besides itself: its weather and the CSV series it names. */
export interface DistrictInputs {
  readonly weather: Weather;
  /** Hourly values of every CSV series in the model, keyed `file` or `file#column` (as in the model). */
  readonly csvSeries: ReadonlyMap<string, Float64Array>;
}

interface CsvRef {
  readonly path: string;
  readonly csv: string;
  readonly column?: string;
}

function collectCsvRefs(node: unknown, path: string, out: CsvRef[], depth = 0): void {
  if (depth > 64 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    node.forEach((v, i) => collectCsvRefs(v, `${path}[${i}]`, out, depth + 1));
    return;
  }
  const rec = node as Record<string, unknown>;
  if (typeof rec["csv"] === "string") {
    out.push({
      path,
      csv: rec["csv"],
      column: typeof rec["column"] === "string" ? rec["column"] : undefined,
    });
    return;
  }
  for (const [k, v] of Object.entries(rec))
    collectCsvRefs(v, path === "" ? k : `${path}.${k}`, out, depth + 1);
}

/**
 * Reads the files a validated district refers to, relative to `baseDir` (the model file's folder): the
 * weather (a shipped data set or a file) and every `{ csv, column? }` series. All problems are collected
 * and returned with the model path and the file's line and column.
 */
export function loadDistrictInputs(
  district: District,
  options: { readonly baseDir: string },
): Result<DistrictInputs> {
  const issues: Issue[] = [];
  const weather = loadWeatherSync(district.weather, {
    baseDir: options.baseDir,
    timeZone: district.site.timeZone,
  });
  if (!weather.ok)
    issues.push(...weather.issues.map((i) => ({ ...i, path: i.path ? `weather.${i.path}` : "weather" })));

  const refs: CsvRef[] = [];
  collectCsvRefs(district, "", refs);
  const csvSeries = new Map<string, Float64Array>();
  const texts = new Map<string, string>();
  for (const ref of refs) {
    const key = ref.column !== undefined ? `${ref.csv}#${ref.column}` : ref.csv;
    if (csvSeries.has(key)) continue;
    let text = texts.get(ref.csv);
    if (text === undefined) {
      try {
        text = readFileSync(resolve(options.baseDir, ref.csv), "utf8");
        texts.set(ref.csv, text);
      } catch (error) {
        issues.push({
          code: "missing-file",
          severity: "error",
          path: `${ref.path}.csv`,
          message: `${ref.path}.csv: cannot read ${JSON.stringify(ref.csv)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
          value: ref.csv,
        });
        continue;
      }
    }
    const parsed = parseSeriesCsv(text, { fileName: ref.csv });
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((i) => ({ ...i, path: `${ref.path}.csv` })));
      continue;
    }
    const columns = parsed.value.columns;
    const column = ref.column !== undefined ? seriesColumn(parsed.value, ref.column) : columns[0];
    if (!column || (ref.column === undefined && columns.length > 1)) {
      issues.push({
        code: ref.column === undefined ? "ambiguous-column" : "missing-column",
        severity: "error",
        path: `${ref.path}.column`,
        message:
          ref.column === undefined
            ? `${ref.path}: ${ref.csv} has ${columns.length} value columns (${columns.map((c) => c.name).join(", ")}); name one with \`column\``
            : `${ref.path}.column: ${ref.csv} has no column ${JSON.stringify(ref.column)} (it has ${columns.map((c) => c.name).join(", ")})`,
        value: ref.column,
      });
      continue;
    }
    csvSeries.set(key, column.values);
  }
  if (issues.length > 0 || !weather.ok) return { ok: false, issues };
  return { ok: true, value: { weather: weather.value, csvSeries } };
}
