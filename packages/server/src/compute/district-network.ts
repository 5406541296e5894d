import { buildNetwork, type BuiltNetwork } from "@kera/engine";
import { loadDistrictInputs } from "@kera/data";
import { parseDistrict, type District } from "@kera/schema";
import type { Solver, SolveOptions } from "@kera/engine";
import { RunInputError } from "./run-input-error.js";

/**
 * A stored district document → its energy network (validated, weather and CSV series loaded, built from the
 * physics). Throws RunInputError when the document cannot be used, so that the job fails with the issues.
 * `onStep` is called before the inputs are loaded and before the network is built (a run's progress).
 */
export function districtNetwork(
  model: unknown,
  year?: number,
  onStep: (step: "load" | "build") => void = () => undefined,
): BuiltNetwork & { district: District } {
  const parsed = parseDistrict(model);
  if (!parsed.ok) throw new RunInputError("invalid district", parsed.issues);
  onStep("load");
  const inputs = loadDistrictInputs(parsed.value, { baseDir: process.cwd() });
  if (!inputs.ok) throw new RunInputError("missing inputs", inputs.issues);
  onStep("build");
  const built = buildNetwork({
    district: parsed.value,
    weather: inputs.value.weather,
    csvSeries: inputs.value.csvSeries,
    year,
  });
  if (!built.ok) throw new RunInputError("cannot build the energy network", built.issues);
  return { ...built.value, district: parsed.value };
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
