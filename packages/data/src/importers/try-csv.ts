import type { Weather } from "@kera/engine";
import type { Result } from "@kera/schema";
import { IssueList } from "../text/issues.js";
import { detectDelimiter, parseNumber, splitFields, splitLines } from "../text/lines.js";
import {
  TYPICAL_YEAR_DEFAULTS,
  WEATHER_RANGES,
  checkTypicalYearSequence,
  createRawTypicalYear,
  stampHourOfYear,
  toEngineWeather,
  type RawTypicalYear,
  type StampedRow,
  type TypicalYearOptions,
} from "./typical-year.js";

/** Options of `parseTryCsv`. */
export interface TryCsvOptions extends TypicalYearOptions {
  /**
   * Offset of the file's stamps from UTC, hours. FMI TRY2020 uses local standard time UTC+2 without
   * daylight saving (shared/data/weather_vantaa_try2020_fmi/SOURCE.md).
   */
  readonly utcOffsetHours?: number;
}

/** Defaults of `parseTryCsv` (FMI TRY2020, Vantaa). */
export const TRY_CSV_DEFAULTS = {
  ...TYPICAL_YEAR_DEFAULTS,
  fileName: "TRY CSV",
  source: "FMI test reference year TRY2020 (Finnish Meteorological Institute, CC BY 4.0)",
  timeZone: "Europe/Helsinki",
  utcOffsetHours: 2,
} as const;

type TryColumn =
  "MON" | "DAY" | "HOUR" | "TEMP" | "RH" | "WS" | "GHI" | "DHI" | "DNI" | "WDIR" | "STEP" | "YEAR";
/** Columns of an FMI TRY CSV and where each goes; `required` columns must be present. */
interface TryColumnSpec {
  readonly required: boolean;
  readonly key?: keyof RawTypicalYear;
  readonly range?: readonly [number, number];
  readonly unit?: string;
}
const TRY_COLUMNS: Readonly<Record<TryColumn, TryColumnSpec>> = {
  MON: { required: true },
  DAY: { required: true },
  HOUR: { required: true },
  TEMP: { required: true, key: "temperatureC", range: WEATHER_RANGES.temperatureC, unit: "degC" },
  RH: { required: true, key: "relativeHumidityPct", range: WEATHER_RANGES.relativeHumidityPct, unit: "%" },
  WS: { required: true, key: "windSpeedMs", range: WEATHER_RANGES.windSpeedMs, unit: "m/s" },
  GHI: { required: true, key: "ghiWm2", range: WEATHER_RANGES.irradianceWm2, unit: "W/m2" },
  DHI: { required: true, key: "dhiWm2", range: WEATHER_RANGES.irradianceWm2, unit: "W/m2" },
  DNI: { required: true, key: "dniWm2", range: WEATHER_RANGES.irradianceWm2, unit: "W/m2" },
  WDIR: { required: false, range: WEATHER_RANGES.windDirectionDeg, unit: "deg" },
  STEP: { required: false },
  YEAR: { required: false },
};

/**
 * Parses an FMI test-reference-year CSV (TRY2020 and its future-climate variants): `#` comment lines,
 * a `;`-separated header `STEP;YEAR;MON;DAY;HOUR;TEMP;RH;WS;WDIR;GHI;DHI;DNI`, then 8760 hourly rows
 * (no 29 February) stamped in local standard time (UTC+2) with radiation as the mean of the hour
 * ending at the stamp. Returns the weather in the engine's convention (value i = mean over
 * [t_i, t_i + 1 h) UTC from 1 January 00:00 UTC), or every problem found with file, line and column.
 */
export function parseTryCsv(text: string, options: TryCsvOptions = {}): Result<Weather> {
  const o = { ...TRY_CSV_DEFAULTS, ...options };
  const issues = new IssueList(o.fileName);
  const lines = splitLines(text).filter((l) => l.text.trim() !== "" && !l.text.trimStart().startsWith("#"));
  const headerLine = lines[0];
  if (!headerLine) {
    issues.error("empty-file", "no header and no data rows");
    return { ok: false, issues: issues.finish() };
  }
  const delimiter = detectDelimiter(headerLine.text);
  const header = splitFields(headerLine.text, delimiter).map((f) => f.text.trim().toUpperCase());
  const index = new Map<TryColumn, number>();
  header.forEach((name, i) => {
    if (name in TRY_COLUMNS) index.set(name as TryColumn, i);
  });
  for (const [name, spec] of Object.entries(TRY_COLUMNS) as Array<[TryColumn, TryColumnSpec]>) {
    if (spec.required && !index.has(name)) {
      issues.error("missing-column", `header has no ${name} column`, {
        line: headerLine.line,
        path: name,
        expected: "STEP;YEAR;MON;DAY;HOUR;TEMP;RH;WS;WDIR;GHI;DHI;DNI",
      });
    }
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  if (!Number.isInteger(o.utcOffsetHours)) {
    issues.error(
      "unsupported-utc-offset",
      `UTC offset ${o.utcOffsetHours} h is not a whole number of hours`,
      {
        value: o.utcOffsetHours,
      },
    );
    return { ok: false, issues: issues.finish() };
  }

  const raw = createRawTypicalYear();
  const rows: StampedRow[] = [];
  // Columns read, in a fixed order, with their spec (precomputed: this loop runs 8760 times).
  const read = [...index].map(([name, i]) => ({ name, i, spec: TRY_COLUMNS[name] }));
  const slot = (name: TryColumn): number => read.findIndex((r) => r.name === name);
  const monSlot = slot("MON");
  const daySlot = slot("DAY");
  const hourSlot = slot("HOUR");
  const values = new Float64Array(read.length);
  for (const { line, text: lineText } of lines.slice(1)) {
    const fields = splitFields(lineText, delimiter);
    if (issues.wrongColumnCount(line, fields.length, header.length)) continue;
    let rowOk = true;
    let timeOk = true;
    for (let k = 0; k < read.length; k++) {
      const { name, i, spec } = read[k] as (typeof read)[number];
      const field = fields[i] ?? { text: "", column: 1 };
      const v = parseNumber(field.text);
      if (v === undefined) {
        issues.error("bad-number", `${name} "${field.text}" is not a number`, {
          line,
          column: field.column,
          path: name,
          value: field.text,
        });
        rowOk = false;
        if (k === monSlot || k === daySlot || k === hourSlot) timeOk = false;
        continue;
      }
      if (spec.range && (v < spec.range[0] || v > spec.range[1])) {
        issues.error(
          "out-of-range",
          `${name} ${v} ${spec.unit ?? ""} is outside ${spec.range[0]}..${spec.range[1]}`,
          {
            line,
            column: field.column,
            path: name,
            value: v,
            expected: `${spec.range[0]}..${spec.range[1]}`,
          },
        );
        rowOk = false;
      }
      values[k] = v;
    }
    if (!timeOk) continue;
    const mon = values[monSlot] ?? Number.NaN;
    const day = values[daySlot] ?? Number.NaN;
    const hour = values[hourSlot] ?? Number.NaN;
    const monColumn = fields[index.get("MON") ?? 0]?.column ?? 1;
    const stamp = hour <= 23 ? stampHourOfYear(mon, day, hour) : undefined;
    if (stamp === undefined) {
      issues.error(
        "bad-timestamp",
        mon === 2 && day === 29
          ? "29 February is not part of a typical year"
          : `MON ${mon}, DAY ${day}, HOUR ${hour} is not a time of a non-leap year (HOUR 0..23)`,
        { line, column: monColumn, value: `${mon}-${day} ${hour}` },
      );
      continue;
    }
    rows.push({ stampHour: stamp, line, column: monColumn });
    if (!rowOk) continue;
    for (let k = 0; k < read.length; k++) {
      const key = read[k]?.spec.key;
      if (key) raw[key][stamp % 8760] = values[k] ?? Number.NaN;
    }
  }
  checkTypicalYearSequence(rows, 0, issues);
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  return { ok: true, value: toEngineWeather(raw, o.utcOffsetHours, o.source, o.timeZone, o) };
}
