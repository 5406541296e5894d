import { jobInputHash } from "../jobs/index.js";
import type { RunKind, RunRecord, ServerJobs, ServerStore, VersionRecord } from "../ports.js";
import { runJobInput } from "./simulate-job.js";

/** Creates a run of a version in the store (status queued) and hands it to the job queue. */
export async function startRun(
  deps: { readonly store: ServerStore; readonly jobs: ServerJobs },
  version: VersionRecord,
  kind: RunKind,
  options: Record<string, unknown>,
  createdBy: string | null,
): Promise<RunRecord> {
  const run = await deps.store.runs.create({
    versionId: version.id,
    kind,
    options,
    // The job queue's own content hash, so the store's succeeded runs serve as its persistent cache.
    inputHash: jobInputHash(kind, runJobInput(version.model, kind, options), options),
    createdBy,
  });
  await deps.jobs.enqueueRun(run, version.model);
  return run;
}
