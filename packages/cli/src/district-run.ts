import { dirname } from "node:path";
import { buildNetwork, type BuiltNetwork } from "@kera/engine";
import { loadDistrictInputs } from "@kera/data";
import type { District, Issue } from "@kera/schema";
import { readDistrictFile } from "./read-district.js";

export type PreparedRun =
  | { readonly ok: true; readonly district: District; readonly built: BuiltNetwork; readonly path: string }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly path: string };

/**
 * Reads a district file, its weather and CSV series, and builds its energy network: the shared first half
 * of `kera simulate` and `kera optimize`. Every problem is an issue (exit 2), never an exception.
 */
export function prepareRun(file: string, cwd: string, options: { readonly year?: number } = {}): PreparedRun {
  const { path, result } = readDistrictFile(file, cwd);
  if (!result.ok) return { ok: false, issues: result.issues, path };
  const inputs = loadDistrictInputs(result.value, { baseDir: dirname(path) });
  if (!inputs.ok) return { ok: false, issues: inputs.issues, path };
  const built = buildNetwork({
    district: result.value,
    weather: inputs.value.weather,
    csvSeries: inputs.value.csvSeries,
    year: options.year,
  });
  if (!built.ok) return { ok: false, issues: built.issues, path };
  return { ok: true, district: result.value, built: built.value, path };
}
