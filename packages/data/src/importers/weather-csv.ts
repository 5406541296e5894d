import { TYPICAL_YEAR_HOURS, type Weather } from "@kera/engine";
import type { Issue, Result } from "@kera/schema";
import { IssueList } from "../text/issues.js";
import { parseSeriesCsv, type SeriesCsvOptions } from "./series-csv.js";
import { TYPICAL_YEAR_DEFAULTS, WEATHER_RANGES } from "./typical-year.js";

/** Options of `parseWeatherCsv`. */
export interface WeatherCsvOptions extends Pick<
  SeriesCsvOptions,
  "fileName" | "source" | "delimiter" | "decimalComma" | "timestampZone" | "timeZone"
> {
  /** Calendar year labelling a file without time stamps (a typical year of 8760 rows). */
  readonly year?: number;
}

type WeatherKey = "temperatureC" | "relativeHumidityPct" | "windSpeedMs" | "ghiWm2" | "dhiWm2" | "dniWm2";

/** Accepted column names (case-insensitive) and canonical units of a generic weather CSV. */
const WEATHER_CSV_COLUMNS: ReadonlyArray<{
  key: WeatherKey;
  names: readonly string[];
  unit: string;
  range: readonly [number, number];
  /** Fill value when the column is absent (a `missing-column` warning), or undefined when required. */
  fill?: number;
}> = [
  {
    key: "temperatureC",
    names: ["temperature", "temp", "t_air", "air_temperature", "dry_bulb", "temperatureC"],
    unit: "degC",
    range: WEATHER_RANGES.temperatureC,
  },
  {
    key: "relativeHumidityPct",
    names: ["relative_humidity", "relativeHumidity", "rh", "humidity"],
    unit: "%",
    range: WEATHER_RANGES.relativeHumidityPct,
    // Annual mean RH of FMI TRY2020 Vantaa (79.6 %, computed from the shipped file).
    fill: 79.6,
  },
  {
    key: "windSpeedMs",
    names: ["wind_speed", "windSpeed", "ws", "wind"],
    unit: "m/s",
    range: WEATHER_RANGES.windSpeedMs,
    // Annual mean wind speed of FMI TRY2020 Vantaa (4.15 m/s, shared/data/weather_vantaa_try2020_fmi/SOURCE.md).
    fill: 4.15,
  },
  { key: "ghiWm2", names: ["ghi", "global_horizontal"], unit: "W/m2", range: WEATHER_RANGES.irradianceWm2 },
  { key: "dhiWm2", names: ["dhi", "diffuse_horizontal"], unit: "W/m2", range: WEATHER_RANGES.irradianceWm2 },
  { key: "dniWm2", names: ["dni", "direct_normal"], unit: "W/m2", range: WEATHER_RANGES.irradianceWm2 },
];

/**
 * Parses a generic hourly weather CSV (the `csv` weather format): a time column (or none, then 8760 rows of a
 * typical year from 1 January 00:00 UTC), and columns temperature [degC], ghi, dhi, dni [W/m2], optional
 * relative_humidity [%] and wind_speed [m/s] (filled with TRY2020 Vantaa annual means, with a warning).
 * Each value is the mean over the hour STARTING at its time stamp (the engine's convention).
 */
export function parseWeatherCsv(
  text: string,
  options: WeatherCsvOptions = {},
): Result<Weather & { warnings: Issue[] }> {
  const fileName = options.fileName ?? "weather CSV";
  const parsed = parseSeriesCsv(text, { ...options, fileName });
  if (!parsed.ok) return parsed;
  const series = parsed.value;
  const issues = new IssueList(fileName);
  const hours = series.hours;
  const out: Partial<Record<WeatherKey, Float64Array>> = {};
  for (const spec of WEATHER_CSV_COLUMNS) {
    const col = series.columns.find((c) => spec.names.some((n) => n.toLowerCase() === c.name.toLowerCase()));
    if (!col) {
      if (spec.fill === undefined) {
        issues.error("missing-column", `no ${spec.names[0]} column (${spec.unit})`, {
          line: 1,
          path: spec.names[0],
          expected: spec.names.join(" | "),
        });
      } else {
        issues.warn(
          "missing-column",
          `no ${spec.names[0]} column; using ${spec.fill} ${spec.unit} for every hour`,
          {
            line: 1,
            path: spec.names[0],
          },
        );
        out[spec.key] = new Float64Array(hours).fill(spec.fill);
      }
      continue;
    }
    if (col.unit !== undefined && col.unit !== spec.unit) {
      issues.error("unit-mismatch", `${col.name} is in ${col.unit}, expected ${spec.unit}`, {
        line: 1,
        path: col.name,
        value: col.unit,
        expected: spec.unit,
      });
      continue;
    }
    const bad = col.values.findIndex((v) => v < spec.range[0] || v > spec.range[1]);
    if (bad >= 0) {
      issues.error(
        "out-of-range",
        `${col.name} ${col.values[bad]} at hour ${bad} is outside ${spec.range.join("..")}`,
        {
          path: `${col.name}[${bad}]`,
          value: col.values[bad],
          expected: spec.range.join(".."),
        },
      );
    }
    out[spec.key] = col.values;
  }
  let timeline = series.timeline;
  if (!timeline) {
    if (hours !== TYPICAL_YEAR_HOURS) {
      issues.error(
        "wrong-row-count",
        `${hours} rows without time stamps; a typical year needs ${TYPICAL_YEAR_HOURS}`,
        {
          value: hours,
          expected: String(TYPICAL_YEAR_HOURS),
        },
      );
    }
    timeline = {
      startUtcMs: Date.UTC(options.year ?? TYPICAL_YEAR_DEFAULTS.year, 0, 1),
      hours,
      timeZone: options.timeZone ?? "UTC",
    };
  }
  const list = issues.finish();
  if (list.some((i) => i.severity === "error")) return { ok: false, issues: list };
  const get = (k: WeatherKey): Float64Array => out[k] ?? new Float64Array(hours);
  return {
    ok: true,
    value: {
      source: options.source ?? fileName,
      timeline,
      temperatureC: get("temperatureC"),
      relativeHumidityPct: get("relativeHumidityPct"),
      windSpeedMs: get("windSpeedMs"),
      ghiWm2: get("ghiWm2"),
      dhiWm2: get("dhiWm2"),
      dniWm2: get("dniWm2"),
      warnings: [...series.warnings, ...list],
    },
  };
}
