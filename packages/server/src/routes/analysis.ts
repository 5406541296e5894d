/**
 * The protocol shared by every analysis endpoint (cooperation, proposal impact, tracker, alternatives): analyses
 * run as jobs, and the endpoint answers
 * - 200 with the result when a succeeded run with the same input exists (its stored summary, rendered per viewer);
 * - 202 `{ status, runId, progress, message }` + `Location: /api/v1/runs/{runId}` otherwise: the queued or running
 *   run with the same input, or a new one (asking again never starts a duplicate; a failed run is not reused).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { runInputHash, startRun } from "../compute/start-run.js";
import type { AppDeps } from "../context.js";
import type { RunKind, RunRecord, VersionRecord } from "../ports.js";
import { json } from "./common.js";

export const AnalysisPendingSchema = z
  .object({
    status: z.enum(["queued", "running"]),
    runId: z.string(),
    progress: z.number().min(0).max(1),
    message: z.string().nullable(),
  })
  .openapi("AnalysisPending", {
    description:
      "The analysis is computing as a run: poll GET /api/v1/runs/{runId} (or its /events) until it has finished, then ask again",
  });

/** The 202 response entry of an analysis endpoint's OpenAPI description. */
export const ANALYSIS_PENDING_RESPONSE = {
  description: "Computing: the run to follow (header Location: /api/v1/runs/{runId})",
  schema: AnalysisPendingSchema,
} as const;

export interface AnalysisRequest {
  /** The version the run belongs to. */
  readonly version: VersionRecord;
  readonly kind: RunKind;
  /** The run's options (part of its input; shown with the run, so keep them small and free of secrets). */
  readonly options: Record<string, unknown>;
  /** The job model when it is not the version's document (a `variants` run). */
  readonly model?: unknown;
  readonly createdBy: string | null;
}

/** Answers an analysis request with 200 + `render(summary)` or 202 + the run computing it. */
export type ServeAnalysis = (
  c: Context,
  request: AnalysisRequest,
  render: (summary: Record<string, unknown>, run: RunRecord) => unknown | Promise<unknown>,
) => Promise<Response>;

/**
 * One per app: concurrent requests for the same input in this process wait for one another, so that they
 * share one run (across processes, a rare race can start a second identical run; both give the same result).
 */
export function analysisServer(deps: AppDeps): ServeAnalysis {
  type Found =
    | { readonly done: true; readonly run: RunRecord; readonly summary: Record<string, unknown> }
    | { readonly done: false; readonly run: RunRecord };
  const starting = new Map<string, Promise<Found>>();

  const find = async (request: AnalysisRequest, model: unknown, inputHash: string): Promise<Found> => {
    const succeeded = await deps.store.runs.findSucceeded(request.kind, inputHash);
    const result = succeeded && (await deps.store.results.get(succeeded.id));
    if (succeeded && result) return { done: true, run: succeeded, summary: result.summary };
    const active = await deps.store.runs.findActive(request.kind, inputHash);
    if (active) return { done: false, run: active };
    const run = await startRun(
      deps,
      request.version,
      request.kind,
      request.options,
      request.createdBy,
      model,
    );
    return { done: false, run };
  };

  return async (c, request, render) => {
    const model = request.model === undefined ? request.version.model : request.model;
    const inputHash = runInputHash(request.kind, model, request.options);
    const key = `${request.kind}|${inputHash}`;
    let pending = starting.get(key);
    if (!pending) {
      pending = find(request, model, inputHash).finally(() => starting.delete(key));
      starting.set(key, pending);
    }
    const found = await pending;
    if (found.done) return json(c, await render(found.summary, found.run));
    const { run } = found;
    c.header("location", `/api/v1/runs/${run.id}`);
    return json(
      c,
      {
        status: run.status === "running" ? "running" : "queued",
        runId: run.id,
        progress: run.progress,
        message: run.message ?? null,
      },
      202,
    );
  };
}
