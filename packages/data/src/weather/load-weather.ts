import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Weather } from "@kera/engine";
import type { Result } from "@kera/schema";
import { parseEpw, type EpwOptions } from "../importers/epw.js";
import { parseTryCsv, type TryCsvOptions } from "../importers/try-csv.js";
import { parseWeatherCsv, type WeatherCsvOptions } from "../importers/weather-csv.js";
import {
  DEFAULT_WEATHER_DATASET_ID,
  WEATHER_DATASET_LIST,
  findWeatherDataset,
  weatherDatasetSource,
} from "./weather-datasets.js";

/** Weather file formats, as in the district model (`@kera/schema` WEATHER_FILE_FORMATS). */
export type WeatherFileFormat = "epw" | "fmiTry" | "csv";

/**
 * Where weather comes from: a shipped data set id (`"fmi-try2020-vantaa"`, `{ dataset }`) or a file
 * (`{ file, format? }`, the district model's shape; a relative path is resolved against `baseDir`).
 */
export type WeatherSource =
  string | { readonly dataset: string } | { readonly file: string; readonly format?: WeatherFileFormat };

/** Options of the weather loaders: the site zone and the directory relative file paths start from. */
export interface LoadWeatherOptions {
  /** Directory for relative `file` paths (usually the model file's folder); default the working directory. */
  readonly baseDir?: string;
  /** Site IANA time zone stored in the timeline; default Europe/Helsinki for FMI files, the EPW offset, or UTC. */
  readonly timeZone?: string;
  /** Parser options passed through (year label, point-variable handling, ...). */
  readonly parser?: TryCsvOptions & EpwOptions & WeatherCsvOptions;
}

/** Folder of the shipped weather files (works from src/ in tests and from dist/ when installed). */
export const WEATHER_ASSETS_DIR = fileURLToPath(new URL("../../assets/weather/", import.meta.url));

function decode(bytes: Uint8Array, path: string): string {
  return Buffer.from(path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Format from the extension and, for CSV, the header (an FMI TRY header has MON, DAY, HOUR and TEMP). */
export function detectWeatherFormat(path: string, text: string): WeatherFileFormat {
  const p = path.toLowerCase().replace(/\.gz$/, "");
  if (p.endsWith(".epw")) return "epw";
  const header = text
    .split(/\r?\n/, 20)
    .find((l) => l.trim() !== "" && !l.startsWith("#"))
    ?.toUpperCase();
  const cols = header?.split(/[;,\t]/).map((c) => c.trim()) ?? [];
  return ["MON", "DAY", "HOUR", "TEMP"].every((c) => cols.includes(c)) ? "fmiTry" : "csv";
}

/** Parses weather text of a given format (pure; `fileName` is used in messages). */
export function parseWeatherText(
  text: string,
  format: WeatherFileFormat,
  options: TryCsvOptions & EpwOptions & WeatherCsvOptions = {},
): Result<Weather> {
  switch (format) {
    case "epw":
      return parseEpw(text, options);
    case "fmiTry":
      return parseTryCsv(text, options);
    case "csv":
      return parseWeatherCsv(text, options);
    default: {
      const never: never = format;
      return {
        ok: false,
        issues: [
          {
            code: "unknown-weather-format",
            severity: "error",
            path: "format",
            message: `unknown weather format ${String(never)}`,
            expected: "epw | fmiTry | csv",
          },
        ],
      };
    }
  }
}

interface Target {
  readonly path: string;
  readonly fileName: string;
  readonly format: WeatherFileFormat | undefined;
  readonly source: string | undefined;
  readonly timeZone: string | undefined;
}

function resolveSource(source: WeatherSource, options: LoadWeatherOptions): Result<Target> {
  const id = typeof source === "string" ? source : "dataset" in source ? source.dataset : undefined;
  if (id !== undefined) {
    const ds = findWeatherDataset(id);
    if (ds) {
      return {
        ok: true,
        value: {
          path: WEATHER_ASSETS_DIR + ds.file,
          fileName: ds.file,
          format: "fmiTry",
          source: weatherDatasetSource(ds),
          timeZone: options.timeZone ?? "Europe/Helsinki",
        },
      };
    }
    if (typeof source !== "string" || !/[./\\]/.test(source)) {
      return {
        ok: false,
        issues: [
          {
            code: "unknown-weather-dataset",
            severity: "error",
            path: "weather.dataset",
            message: `no shipped weather data set "${id}"`,
            value: id,
            expected: WEATHER_DATASET_LIST.map((d) => d.id).join(" | "),
          },
        ],
      };
    }
  }
  const file = typeof source === "string" ? source : "file" in source ? source.file : "";
  const format = typeof source === "object" && "format" in source ? source.format : undefined;
  const path = isAbsolute(file) ? file : resolve(options.baseDir ?? ".", file);
  return { ok: true, value: { path, fileName: file, format, source: undefined, timeZone: options.timeZone } };
}

function finish(target: Target, text: string, options: LoadWeatherOptions): Result<Weather> {
  const format = target.format ?? detectWeatherFormat(target.path, text);
  const parser = { ...options.parser, fileName: target.fileName };
  const withSource = target.source === undefined ? parser : { ...parser, source: target.source };
  return parseWeatherText(
    text,
    format,
    target.timeZone === undefined ? withSource : { ...withSource, timeZone: target.timeZone },
  );
}

function readError(target: Target, error: unknown): Result<Weather> {
  return {
    ok: false,
    issues: [
      {
        code: "file-not-readable",
        severity: "error",
        path: "weather.file",
        message: `${target.fileName}: cannot read ${target.path}: ${(error as Error).message}`,
        value: target.path,
      },
    ],
  };
}

/**
 * Loads weather from a shipped data set id or a file (EPW, FMI TRY CSV, generic CSV; `.gz` allowed), in the
 * engine's convention. A string that is not a data set id is read as a file path.
 */
export async function loadWeather(
  source: WeatherSource,
  options: LoadWeatherOptions = {},
): Promise<Result<Weather>> {
  const target = resolveSource(source, options);
  if (!target.ok) return target;
  const key = shippedKey(target.value, options);
  const hit = key === undefined ? undefined : shippedCache.get(key);
  if (hit) return { ok: true, value: hit };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(target.value.path);
  } catch (error) {
    return readError(target.value, error);
  }
  return remember(key, finish(target.value, decode(bytes, target.value.path), options));
}

/**
 * Decoded shipped data sets by file, time zone and parser options. The shipped files are part of the package and
 * never change while the process runs, so every run and request after the first gets the same value without reading
 * and parsing ~8760 rows again (Kera: about 25 ms warm, 80 ms cold per load). Users' own files are always read.
 * Consumers must treat the Weather as immutable (the engine never mutates its inputs).
 */
const shippedCache = new Map<string, Weather>();
const SHIPPED_CACHE_ENTRIES = 16;

function shippedKey(target: Target, options: LoadWeatherOptions): string | undefined {
  if (!target.path.startsWith(WEATHER_ASSETS_DIR)) return undefined;
  return JSON.stringify([target.path, target.timeZone ?? null, options.parser ?? null]);
}

function remember(key: string | undefined, result: Result<Weather>): Result<Weather> {
  if (key !== undefined && result.ok) {
    shippedCache.set(key, result.value);
    while (shippedCache.size > SHIPPED_CACHE_ENTRIES) {
      const oldest = shippedCache.keys().next().value;
      if (oldest === undefined) break;
      shippedCache.delete(oldest);
    }
  }
  return result;
}

/** Synchronous `loadWeather`. */
export function loadWeatherSync(source: WeatherSource, options: LoadWeatherOptions = {}): Result<Weather> {
  const target = resolveSource(source, options);
  if (!target.ok) return target;
  const key = shippedKey(target.value, options);
  const hit = key === undefined ? undefined : shippedCache.get(key);
  if (hit) return { ok: true, value: hit };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target.value.path);
  } catch (error) {
    return readError(target.value, error);
  }
  return remember(key, finish(target.value, decode(bytes, target.value.path), options));
}

/** Reads a weather file (format from `format` or detected); relative paths from the working directory. */
export function readWeatherFile(
  path: string,
  options: LoadWeatherOptions & { readonly format?: WeatherFileFormat } = {},
): Promise<Result<Weather>> {
  return loadWeather(options.format ? { file: path, format: options.format } : { file: path }, options);
}

/**
 * The default weather: FMI TRY2020 Vantaa (present climate), 8760 h from 1 January 00:00 UTC, site zone
 * Europe/Helsinki. Throws if the shipped file is missing or broken (a packaging bug, not bad input).
 */
export function loadDefaultWeather(options: Pick<LoadWeatherOptions, "timeZone"> = {}): Weather {
  const r = loadWeatherSync(DEFAULT_WEATHER_DATASET_ID, options);
  if (!r.ok)
    throw new Error(`shipped default weather is unreadable: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.value;
}
