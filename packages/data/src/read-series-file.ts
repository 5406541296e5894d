import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Result } from "@kera/schema";
import { parseSeriesCsv, type SeriesCsvOptions } from "./importers/series-csv.js";
import type { Series } from "./series.js";

function decode(bytes: Uint8Array, path: string): string {
  return Buffer.from(path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

function notReadable(path: string, error: unknown): Result<Series> {
  return {
    ok: false,
    issues: [
      {
        code: "file-not-readable",
        severity: "error",
        path: "",
        message: `${basename(path)}: cannot read ${path}: ${(error as Error).message}`,
        value: path,
      },
    ],
  };
}

/** Reads a generic series CSV file (`.gz` allowed) with `parseSeriesCsv`; the file name goes into messages. */
export async function readSeriesFile(path: string, options: SeriesCsvOptions = {}): Promise<Result<Series>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return notReadable(path, error);
  }
  return parseSeriesCsv(decode(bytes, path), { fileName: basename(path), ...options });
}

/** Synchronous `readSeriesFile`. */
export function readSeriesFileSync(path: string, options: SeriesCsvOptions = {}): Result<Series> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return notReadable(path, error);
  }
  return parseSeriesCsv(decode(bytes, path), { fileName: basename(path), ...options });
}
