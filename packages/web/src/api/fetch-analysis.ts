import { readJson, type Run, type RunStatus } from "./client.js";

/** The 202 body of an analysis endpoint (docs/api.md, "analyses run as jobs"). */
export interface AnalysisPending {
  readonly status: "queued" | "running";
  readonly runId: string;
  readonly progress: number;
  readonly message: string | null;
}

/** What `onProgress` receives while an analysis runs on the server. */
export interface AnalysisProgress {
  readonly runId: string;
  readonly status: RunStatus;
  /** 0..1 */
  readonly progress: number;
  readonly message: string | null;
}

export interface FetchAnalysisOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: AnalysisProgress) => void;
  /** First wait between two polls of the run (ms); it grows by half each time up to `maxPollMs`. */
  readonly pollMs?: number;
  readonly maxPollMs?: number;
  /** For tests; the browser's fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** The analysis' run ended without a result (`failed`, `cancelled` or `interrupted`); `message` is the run's error. */
export class AnalysisFailedError extends Error {
  constructor(
    readonly runId: string,
    readonly status: RunStatus,
    message: string,
  ) {
    super(message);
    this.name = "AnalysisFailedError";
  }
}

const FAILED: ReadonlySet<RunStatus> = new Set(["failed", "cancelled", "interrupted"]);
/** A succeeded run whose result is not yet served (should not happen) is asked for at most this many times. */
const MAX_ROUNDS = 5;

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The analysis was aborted", "AbortError");
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * GETs an analysis endpoint (`path` under /api/v1, e.g. `/proposals/p1/impact`) that answers either `200` with the
 * result or `202` with a run that computes it. While the run is queued or running it polls `GET /runs/{runId}`
 * (every `pollMs`, growing to `maxPollMs`) and reports progress; when the run succeeds it GETs the endpoint again
 * (now 200). A failed, cancelled or interrupted run throws an AnalysisFailedError with the run's error; other
 * non-2xx answers throw an ApiError; aborting `signal` stops the polling (the run itself continues on the server,
 * where others may be waiting for it) and rejects with the abort reason.
 */
export async function fetchAnalysis<T>(path: string, options: FetchAnalysisOptions = {}): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const { signal, onProgress } = options;
  const maxPollMs = options.maxPollMs ?? 2000;
  const get = (url: string) =>
    doFetch(url, {
      method: "GET",
      headers: { accept: "application/json" },
      credentials: "same-origin",
      ...(signal ? { signal } : {}),
    });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const res = await get(`/api/v1${path}`);
    if (res.status !== 202) return readJson<T>(res);
    const pending = await readJson<AnalysisPending>(res);
    const runUrl = res.headers.get("location") ?? `/api/v1/runs/${encodeURIComponent(pending.runId)}`;
    onProgress?.({
      runId: pending.runId,
      status: pending.status,
      progress: pending.progress,
      message: pending.message,
    });
    let waitMs = options.pollMs ?? 500;
    for (;;) {
      await sleep(waitMs, signal);
      waitMs = Math.min(maxPollMs, Math.ceil(waitMs * 1.5));
      const run = await readJson<Run & { message?: string | null }>(await get(runUrl));
      if (run.status === "succeeded") break;
      if (FAILED.has(run.status)) {
        throw new AnalysisFailedError(run.id, run.status, run.error ?? `the analysis run was ${run.status}`);
      }
      onProgress?.({
        runId: run.id,
        status: run.status,
        progress: run.progress ?? 0,
        message: run.message ?? null,
      });
    }
  }
  throw new AnalysisFailedError("", "failed", `${path}: the result of the succeeded run was not served`);
}
