import type { Logger } from "pino";
import type { ServerJobs, ServerStore } from "./ports.js";

/**
 * On start (in-process job modes): runs left `running` by a process that is gone are marked `interrupted`
 * (they can be run again), and runs left `queued` — including those re-queued by a graceful shutdown — are handed
 * to this process's queue.
 */
export async function requeueLeftovers(
  store: ServerStore,
  jobs: ServerJobs,
  logger: Logger,
): Promise<string[]> {
  const interrupted = await store.runs.interruptOrphans();
  if (interrupted.length > 0)
    logger.warn({ runs: interrupted }, "runs of a stopped process marked interrupted");
  const requeued: string[] = [];
  for (const run of await store.runs.listByStatus(["queued"])) {
    const version = await store.versions.get(run.versionId);
    if (!version) continue;
    if (run.kind === "variants") {
      // Its documents (the version with proposals applied) are not stored: the next request starts a new run.
      await store.runs.finish(
        run.id,
        "interrupted",
        "the server restarted before the run started; ask again",
      );
      continue;
    }
    await jobs.enqueueRun(run, version.model);
    requeued.push(run.id);
    logger.info({ run: run.id }, "re-queued a run left by an earlier process");
  }
  return requeued;
}

/**
 * On graceful shutdown, after the job queue had its grace period: each of `runIds` (running when the shutdown
 * began) that has not finished is marked `interrupted`, and a fresh queued run with the same inputs is created for
 * the next start. Returns the ids of the new runs.
 */
export async function requeueUnfinished(
  store: ServerStore,
  runIds: readonly string[],
  logger: Logger,
): Promise<string[]> {
  const copies: string[] = [];
  for (const id of runIds) {
    let run = await store.runs.get(id);
    if (run?.status === "running" || run?.status === "queued") {
      await store.runs.finish(id, "interrupted", "the server shut down before the run finished; re-queued");
      run = await store.runs.get(id);
    }
    if (run?.status !== "interrupted" || run.kind === "variants") continue; // variants: asked again instead
    const copy = await store.runs.create({
      versionId: run.versionId,
      kind: run.kind,
      options: run.options,
      inputHash: run.inputHash,
      createdBy: run.createdBy,
    });
    copies.push(copy.id);
    logger.info({ run: id, requeued: copy.id }, "re-queued an unfinished run for the next start");
  }
  return copies;
}
