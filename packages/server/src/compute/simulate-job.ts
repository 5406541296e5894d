import type { JobContext } from "../jobs/types.js";
import type { RunKind } from "../ports.js";
import { runJob, type RunJobInput } from "./run-job.js";

/** The export name the job queue loads for every run kind (simulate, optimize and the analyses). */
export const SIMULATE_JOB_EXPORT = "simulateJob";

/** What a run job returns: the summary, and the series as plain arrays (structured-clone and JSON friendly). */
export interface RunJobResult {
  readonly summary: Record<string, unknown>;
  readonly series: Record<string, number[]>;
}

/** The job input of a run (what the handler receives and what the cache key is computed from). */
export function runJobInput(model: unknown, kind: RunKind, options: Record<string, unknown>): RunJobInput {
  return { model, kind, options };
}

/**
 * The job handler for runs, loaded by module path + export name inside a worker (thread or BullMQ process).
 * `input` is `{ model, kind, options }`; the kind selects the computation (`runJob`).
 */
export async function simulateJob(context: JobContext<RunJobInput>): Promise<RunJobResult> {
  const out = await runJob(
    context.input,
    (fraction, message) => context.progress(fraction, message),
    context.signal,
  );
  const series: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(out.series)) series[name] = Array.from(values);
  return { summary: out.summary, series };
}
