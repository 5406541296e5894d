import type { JobContext } from "../jobs/types.js";
import { runScenario, type RunScenarioInput } from "./run-scenario.js";

/** The export name the job queue loads for the `simulate` and `optimize` kinds. */
export const SIMULATE_JOB_EXPORT = "simulateJob";

/** What a run job returns: the summary, and the series as plain arrays (structured-clone and JSON friendly). */
export interface RunJobResult {
  readonly summary: Record<string, unknown>;
  readonly series: Record<string, number[]>;
}

/** The job input of a run (what the handler receives and what the cache key is computed from). */
export function runJobInput(
  model: unknown,
  kind: RunScenarioInput["kind"],
  options: Record<string, unknown>,
): RunScenarioInput {
  return { model, kind, options };
}

/**
 * The job handler for runs, loaded by module path + export name inside a worker (thread or BullMQ process).
 * `input` is `{ model, kind, options }`.
 */
export async function simulateJob(context: JobContext<RunScenarioInput>): Promise<RunJobResult> {
  const out = await runScenario(
    context.input,
    (fraction, message) => context.progress(fraction, message),
    context.signal,
  );
  const series: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(out.series)) series[name] = Array.from(values);
  return { summary: out.summary, series };
}
