import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/**
 * The development-only data sets live beside the clone in `../shared/data` (from the repo root). Tests that
 * read them skip, with this reason in their title, when the directory is missing.
 */
export const SHARED_DATA_DIR = fileURLToPath(new URL("../../../../../shared/data/", import.meta.url));
export const HAS_SHARED_DATA = existsSync(SHARED_DATA_DIR);
export const SHARED_SKIP_NOTE = HAS_SHARED_DATA ? "" : ` [SKIPPED: ${SHARED_DATA_DIR} is missing]`;

/** Text of a shared data file (`.gz` is decompressed). */
export function readShared(relativePath: string): string {
  const buf = readFileSync(SHARED_DATA_DIR + relativePath);
  return (relativePath.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}
