import { buildNetwork, type Network } from "@kera/engine";
import { loadDistrictInputs } from "@kera/data";
import { parseDistrict } from "@kera/schema";
import type { Solver, SolveOptions } from "@kera/engine";
import { RunInputError } from "./run-scenario.js";

/**
 * A stored district document → its energy network (validated, weather and CSV series loaded, built from the
 * physics). Throws RunInputError when the document cannot be used, so that the job fails with the issues.
 */
export function districtNetwork(model: unknown, year?: number): { network: Network; year: number } {
  const parsed = parseDistrict(model);
  if (!parsed.ok) throw new RunInputError("invalid district", parsed.issues);
  const inputs = loadDistrictInputs(parsed.value, { baseDir: process.cwd() });
  if (!inputs.ok) throw new RunInputError("missing inputs", inputs.issues);
  const built = buildNetwork({
    district: parsed.value,
    weather: inputs.value.weather,
    csvSeries: inputs.value.csvSeries,
    year,
  });
  if (!built.ok) throw new RunInputError("cannot build the energy network", built.issues);
  return { network: built.value.network, year: built.value.year };
}

/**
 * A solver that passes the job's AbortSignal to every solve, refuses to start one once aborted, and calls
 * `onSolved` after each (progress of analyses made of many solves).
 */
export function jobSolver(inner: Solver, signal: AbortSignal, onSolved: () => void): Solver {
  return {
    name: inner.name,
    version: inner.version,
    async solve(model, options?: SolveOptions) {
      if (signal.aborted) throw signal.reason ?? new Error("aborted");
      const result = await inner.solve(model, { ...options, signal });
      if (signal.aborted) throw signal.reason ?? new Error("aborted");
      onSolved();
      return result;
    },
    dispose: () => inner.dispose(),
  };
}
