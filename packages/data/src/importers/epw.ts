import type { Weather } from "@kera/engine";
import type { Result } from "@kera/schema";
import { IssueList } from "../text/issues.js";
import { parseNumber, splitFields, splitLines } from "../text/lines.js";
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

/** The LOCATION header of an EPW file. */
export interface EpwLocation {
  readonly city: string;
  readonly country: string;
  readonly wmo: string;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  /** Offset of the file's local standard time from UTC, hours (east positive). */
  readonly utcOffsetHours: number;
  readonly elevationM: number;
}

/** Weather read from an EPW file, with the file's location. */
export interface EpwWeather extends Weather {
  readonly location: EpwLocation;
}

/** Options of `parseEpw`. Without `timeZone`, the zone is the fixed offset of the header (`Etc/GMT-2` for UTC+2). */
export type EpwOptions = TypicalYearOptions;

export const EPW_DEFAULTS = { ...TYPICAL_YEAR_DEFAULTS, fileName: "EPW" } as const;

/**
 * 0-based EPW data columns used here, with their "missing" codes and ranges, from the EnergyPlus
 * "Auxiliary Programs" manual, chapter "Weather Converter Program", section "Data Field Descriptions"
 * (https://bigladdersoftware.com/epx/docs/24-1/auxiliary-programs/energyplus-weather-file-epw-data-dictionary.html).
 */
const EPW_FIELDS: ReadonlyArray<{
  name: string;
  index: number;
  key: keyof RawTypicalYear;
  missing: number;
  range: readonly [number, number];
}> = [
  {
    name: "Dry Bulb Temperature",
    index: 6,
    key: "temperatureC",
    missing: 99.9,
    range: WEATHER_RANGES.temperatureC,
  },
  {
    name: "Relative Humidity",
    index: 8,
    key: "relativeHumidityPct",
    missing: 999,
    range: WEATHER_RANGES.relativeHumidityPct,
  },
  {
    name: "Global Horizontal Radiation",
    index: 13,
    key: "ghiWm2",
    missing: 9999,
    range: WEATHER_RANGES.irradianceWm2,
  },
  {
    name: "Direct Normal Radiation",
    index: 14,
    key: "dniWm2",
    missing: 9999,
    range: WEATHER_RANGES.irradianceWm2,
  },
  {
    name: "Diffuse Horizontal Radiation",
    index: 15,
    key: "dhiWm2",
    missing: 9999,
    range: WEATHER_RANGES.irradianceWm2,
  },
  { name: "Wind Speed", index: 21, key: "windSpeedMs", missing: 999, range: WEATHER_RANGES.windSpeedMs },
];
const MIN_FIELDS = 22;
const HEADER_LINES = 8;

/** IANA name of a fixed offset: UTC+2 is `Etc/GMT-2` (the Etc zones have inverted signs). */
export function fixedOffsetZone(utcOffsetHours: number): string {
  if (utcOffsetHours === 0) return "UTC";
  return `Etc/GMT${utcOffsetHours > 0 ? "-" : "+"}${Math.abs(utcOffsetHours)}`;
}

/**
 * Parses an EnergyPlus weather file (EPW): 8 header lines (LOCATION gives latitude, longitude and the
 * time zone's UTC offset) and 8760 hourly rows with hour 1..24 ENDING at the stamp, in local standard time.
 * Returns the weather in the engine's convention (value i = mean over [t_i, t_i + 1 h) UTC from 1 January
 * 00:00 UTC) plus the location, or every problem with file, line and column. EPW "missing" codes
 * (99.9 degC, 9999 Wh/m2, ...) are `missing-value` errors.
 */
export function parseEpw(text: string, options: EpwOptions = {}): Result<EpwWeather> {
  const o = { ...EPW_DEFAULTS, ...options };
  const issues = new IssueList(o.fileName);
  const lines = splitLines(text);
  const locLine = lines[0];
  if (!locLine || locLine.text.trim() === "") {
    issues.error("empty-file", "no LOCATION header");
    return { ok: false, issues: issues.finish() };
  }
  const loc = splitFields(locLine.text, ",");
  if (loc[0]?.text.trim().toUpperCase() !== "LOCATION" || loc.length < 10) {
    issues.error(
      "missing-header",
      "the first line must be LOCATION,city,state,country,source,WMO,lat,lon,tz,elevation",
      {
        line: 1,
        column: 1,
        value: locLine.text.slice(0, 40),
      },
    );
    return { ok: false, issues: issues.finish() };
  }
  const locNumber = (i: number, name: string, range: readonly [number, number]): number => {
    const f = loc[i];
    const v = f ? parseNumber(f.text) : undefined;
    if (v === undefined || v < range[0] || v > range[1]) {
      issues.error(
        v === undefined ? "bad-number" : "out-of-range",
        `LOCATION ${name} "${f?.text ?? ""}" is not valid`,
        {
          line: 1,
          column: f?.column ?? 1,
          path: `LOCATION.${name}`,
          value: f?.text,
          expected: `${range[0]}..${range[1]}`,
        },
      );
      return Number.NaN;
    }
    return v;
  };
  const location: EpwLocation = {
    city: loc[1]?.text.trim() ?? "",
    country: loc[3]?.text.trim() ?? "",
    wmo: loc[5]?.text.trim() ?? "",
    latitudeDeg: locNumber(6, "latitude", [-90, 90]),
    longitudeDeg: locNumber(7, "longitude", [-180, 180]),
    utcOffsetHours: locNumber(8, "timeZone", [-12, 14]),
    elevationM: locNumber(9, "elevation", [-1000, 9999.9]),
  };
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  if (!Number.isInteger(location.utcOffsetHours)) {
    issues.error(
      "unsupported-utc-offset",
      `time zone UTC${location.utcOffsetHours >= 0 ? "+" : ""}${location.utcOffsetHours} is not a whole number of hours`,
      { line: 1, column: loc[8]?.column ?? 1, value: location.utcOffsetHours },
    );
    return { ok: false, issues: issues.finish() };
  }
  const dataStart = lines.findIndex((l) => l.text.toUpperCase().startsWith("DATA PERIODS"));
  if (dataStart < 0) {
    issues.error("missing-header", `no DATA PERIODS line in the ${HEADER_LINES} header lines`, { line: 1 });
    return { ok: false, issues: issues.finish() };
  }

  const raw = createRawTypicalYear();
  const rows: StampedRow[] = [];
  for (const { line, text: lineText } of lines.slice(dataStart + 1)) {
    if (lineText.trim() === "") continue;
    const fields = splitFields(lineText, ",");
    if (fields.length < MIN_FIELDS) {
      issues.error(
        "wrong-column-count",
        `${fields.length} fields, an EPW data row has 35 (at least ${MIN_FIELDS} needed)`,
        {
          line,
          column: 1,
          value: fields.length,
          expected: "35",
        },
      );
      continue;
    }
    const num = (i: number, name: string): number | undefined => {
      const f = fields[i];
      const v = f ? parseNumber(f.text) : undefined;
      if (v === undefined) {
        issues.error("bad-number", `${name} "${f?.text ?? ""}" is not a number`, {
          line,
          column: f?.column ?? 1,
          path: name,
          value: f?.text,
        });
      }
      return v;
    };
    const month = num(1, "Month");
    const day = num(2, "Day");
    const hour = num(3, "Hour");
    if (month === undefined || day === undefined || hour === undefined) continue;
    const stamp = hour >= 1 ? stampHourOfYear(month, day, hour) : undefined;
    if (stamp === undefined) {
      issues.error(
        "bad-timestamp",
        month === 2 && day === 29
          ? "29 February is not part of a typical year"
          : `month ${month}, day ${day}, hour ${hour} is not a time of a non-leap year (hour 1..24)`,
        { line, column: fields[1]?.column ?? 1, value: `${month}-${day} ${hour}` },
      );
      continue;
    }
    rows.push({ stampHour: stamp, line, column: fields[1]?.column ?? 1 });
    for (const spec of EPW_FIELDS) {
      const v = num(spec.index, spec.name);
      if (v === undefined) continue;
      const column = fields[spec.index]?.column ?? 1;
      if (v === spec.missing) {
        issues.error("missing-value", `${spec.name} is the EPW missing-value code ${spec.missing}`, {
          line,
          column,
          path: spec.name,
          value: v,
        });
      } else if (v < spec.range[0] || v > spec.range[1]) {
        issues.error("out-of-range", `${spec.name} ${v} is outside ${spec.range[0]}..${spec.range[1]}`, {
          line,
          column,
          path: spec.name,
          value: v,
          expected: `${spec.range[0]}..${spec.range[1]}`,
        });
      }
      raw[spec.key][stamp % 8760] = v;
    }
  }
  checkTypicalYearSequence(rows, 1, issues);
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  const source =
    o.source ??
    `EPW ${location.city} ${location.country} ${location.wmo} (${o.fileName}; check the file's licence)`;
  const weather = toEngineWeather(
    raw,
    location.utcOffsetHours,
    source,
    o.timeZone ?? fixedOffsetZone(location.utcOffsetHours),
    o,
  );
  return { ok: true, value: { ...weather, location } };
}
