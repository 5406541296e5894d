import { jobInputHash } from "../jobs/index.js";
import type { RunKind, RunRecord, ServerJobs, ServerStore, VersionRecord } from "../ports.js";
import { runJobInput } from "./simulate-job.js";

/**
 * The input hash of a run: the job queue's own content hash of (kind, job input, options), so that the store's
 * succeeded runs serve as its persistent cache and identical analyses are found again.
 */
export function runInputHash(kind: RunKind, model: unknown, options: Record<string, unknown>): string {
  return jobInputHash(kind, runJobInput(model, kind, options), options);
}

/**
 * Creates a run of a version in the store (status queued) and hands it to the job queue. `model` is the job model
 * when it is not the version's document (a `variants` run: the documents to simulate).
 */
export async function startRun(
  deps: { readonly store: ServerStore; readonly jobs: ServerJobs },
  version: VersionRecord,
  kind: RunKind,
  options: Record<string, unknown>,
  createdBy: string | null,
  model: unknown = version.model,
): Promise<RunRecord> {
  const run = await deps.store.runs.create({
    versionId: version.id,
    kind,
    options,
    inputHash: runInputHash(kind, model, options),
    createdBy,
  });
  await deps.jobs.enqueueRun(run, model);
  return run;
}
