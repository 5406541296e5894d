/**
 * Runs one job at a time in a worker thread (node:worker_threads). The thread loads the handler module
 * (`.js`/`.mjs`; `.ts`/`.mts` through tsx's ESM loader when tsx is installed — dev and tests), calls the
 * handler with an AbortSignal and a progress callback, and posts the outcome back. If an aborted
 * handler does not return within the grace period, the thread is terminated and a fresh one is started
 * for the next job. A thread that dies mid-job yields `worker-crashed`.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { HandlerRef, JobError } from "./types.js";

/** Source of the worker thread (CommonJS, run with `eval: true` so no separate file must be shipped). */
const WORKER_SOURCE = `
"use strict";
const { parentPort } = require("node:worker_threads");
const modules = new Map();
const running = new Map();
let tsxRegistered = false;
async function load(moduleUrl, exportName, tsxApi) {
  if (/\\.(c|m)?ts$/.test(moduleUrl) && !tsxRegistered) {
    if (!tsxApi) { const e = new Error("cannot load " + moduleUrl + ": TypeScript handlers need tsx"); e.code = "bad-handler"; throw e; }
    const api = await import(tsxApi);
    (api.register ?? api.default.register)();
    tsxRegistered = true;
  }
  let mod = modules.get(moduleUrl);
  if (!mod) {
    try { mod = await import(moduleUrl); } catch (cause) {
      const e = new Error("cannot load handler module " + moduleUrl + ": " + (cause && cause.message)); e.code = "bad-handler"; throw e;
    }
    modules.set(moduleUrl, mod);
  }
  const fn = mod[exportName];
  if (typeof fn !== "function") { const e = new Error("handler " + exportName + " is not a function in " + moduleUrl); e.code = "bad-handler"; throw e; }
  return fn;
}
parentPort.on("message", async (msg) => {
  if (msg.type === "abort") { const c = running.get(msg.jobId); if (c) c.abort(msg.reason); return; }
  if (msg.type !== "run") return;
  const controller = new AbortController();
  running.set(msg.jobId, controller);
  try {
    const fn = await load(msg.moduleUrl, msg.exportName, msg.tsxApi);
    const result = await fn({
      jobId: msg.jobId, kind: msg.kind, input: msg.input, options: msg.options, signal: controller.signal,
      progress(fraction, message) {
        const f = Number(fraction);
        parentPort.postMessage({ type: "progress", jobId: msg.jobId, fraction: Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0, message: message == null ? null : String(message) });
      },
    });
    parentPort.postMessage({ type: "done", jobId: msg.jobId, result });
  } catch (error) {
    const code = error && typeof error.code === "string" ? error.code : "handler-error";
    const message = error && error.message ? String(error.message) : String(error);
    parentPort.postMessage({ type: "error", jobId: msg.jobId, error: { code, message } });
  } finally {
    running.delete(msg.jobId);
  }
});
`;

/** file: URL of tsx's ESM API (`tsx/esm/api`, import condition), if tsx is installed. */
function resolveTsxApi(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkgPath = require.resolve("tsx/package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as {
      exports?: Record<string, { import?: { default?: string } | string }>;
    };
    const entry = pkg.exports?.["./esm/api"]?.import;
    const file = typeof entry === "string" ? entry : entry?.default;
    return file ? pathToFileURL(join(dirname(pkgPath), file)).href : undefined;
  } catch {
    return undefined;
  }
}

const tsxApi = resolveTsxApi();

/** A handler module path or URL as a file: URL. */
export function handlerModuleUrl(module: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(module) && !/^[a-z]:[\\/]/i.test(module)) return module;
  if (!isAbsolute(module)) throw new Error(`handler module must be an absolute path or URL: ${module}`);
  return pathToFileURL(module).href;
}

export type RunOutcome =
  | { kind: "succeeded"; result: unknown }
  | { kind: "failed"; error: JobError }
  /** The signal fired and the handler stopped (or was terminated). */
  | { kind: "aborted" };

export interface RunTask {
  jobId: string;
  kind: string;
  handler: HandlerRef;
  input: unknown;
  options: unknown;
}

export class ThreadRunner {
  #worker: Worker | undefined;
  #busy = false;
  readonly #graceMs: number;

  constructor(options: { graceMs?: number } = {}) {
    this.#graceMs = options.graceMs ?? 2000;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Runs the task; never rejects. */
  run(
    task: RunTask,
    onProgress: (fraction: number, message: string | null) => void,
    signal: AbortSignal,
  ): Promise<RunOutcome> {
    if (this.#busy) throw new Error("ThreadRunner is busy");
    this.#busy = true;
    const worker = this.#ensureWorker();
    worker.ref(); // a running job keeps the process alive; an idle thread does not
    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      let graceTimer: NodeJS.Timeout | undefined;
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        if (graceTimer) clearTimeout(graceTimer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        signal.removeEventListener("abort", onAbort);
        worker.unref();
        this.#busy = false;
        resolve(signal.aborted && outcome.kind !== "aborted" ? { kind: "aborted" } : outcome);
      };
      const onMessage = (msg: {
        type: string;
        jobId: string;
        fraction?: number;
        message?: string | null;
        result?: unknown;
        error?: JobError;
      }) => {
        if (msg.jobId !== task.jobId) return;
        if (msg.type === "progress") {
          if (!signal.aborted) onProgress(msg.fraction ?? 0, msg.message ?? null);
        } else if (msg.type === "done") finish({ kind: "succeeded", result: msg.result });
        else if (msg.type === "error")
          finish({ kind: "failed", error: msg.error ?? { code: "handler-error", message: "failed" } });
      };
      const onError = (error: Error) => {
        this.#discard(worker);
        finish({ kind: "failed", error: { code: "worker-crashed", message: error.message } });
      };
      const onExit = (code: number) => {
        this.#discard(worker);
        finish({
          kind: "failed",
          error: { code: "worker-crashed", message: `worker thread exited with code ${code}` },
        });
      };
      const onAbort = () => {
        worker.postMessage({ type: "abort", jobId: task.jobId, reason: String(signal.reason ?? "aborted") });
        graceTimer = setTimeout(() => {
          this.#discard(worker);
          void worker.terminate();
          finish({ kind: "aborted" });
        }, this.#graceMs);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      if (signal.aborted) {
        finish({ kind: "aborted" });
        return;
      }
      signal.addEventListener("abort", onAbort, { once: true });
      try {
        worker.postMessage({
          type: "run",
          jobId: task.jobId,
          kind: task.kind,
          moduleUrl: handlerModuleUrl(task.handler.module),
          exportName: task.handler.exportName,
          input: task.input,
          options: task.options,
          tsxApi,
        });
      } catch (error) {
        finish({
          kind: "failed",
          error: {
            code: "bad-input",
            message: `input cannot be sent to a worker: ${(error as Error).message}`,
          },
        });
      }
    });
  }

  /** Terminates the thread (a running job resolves as worker-crashed unless aborted first). */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = undefined;
    if (w) await w.terminate();
  }

  #ensureWorker(): Worker {
    if (!this.#worker) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.unref();
      // keep an idle thread's late errors from becoming unhandled 'error' events
      w.on("error", () => this.#discard(w));
      w.on("exit", () => this.#discard(w));
      this.#worker = w;
    }
    return this.#worker;
  }

  #discard(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
  }
}
