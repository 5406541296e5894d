import type { LpModel, SolveOptions, SolveResult, Solver } from "@kera/engine";
import type { HighsSolveSettings } from "./highs-solve.js";
import type { SolveRequest, WorkerReply } from "./worker-protocol.js";

/** The few operations the solver needs from a worker (a Node worker thread or a browser Web Worker). */
export interface WorkerEndpoint {
  post(request: SolveRequest): void;
  /** Registers the handlers; `onFailure` is called when the worker errors or exits unexpectedly. */
  connect(onReply: (reply: WorkerReply) => void, onFailure: (reason: string) => void): void;
  /** Keep the host process alive only while a solve is pending (Node); optional. */
  setBusy?(busy: boolean): void;
  terminate(): void;
}

export interface WorkerSolver extends Solver {
  /** Linear memory of the worker's HiGHS runtime after the last solve, bytes (0 before any). */
  readonly memoryBytes: number;
  /** Workers started so far (a new one after an abort or a crash). */
  readonly workerStarts: number;
}

interface Pending {
  readonly id: number;
  resolve(result: SolveResult): void;
  readonly startedMs: number;
}

/**
 * A Solver that runs each solve in a worker, one at a time, so the calling thread stays responsive. An abort
 * (`options.signal`) terminates the worker — the only way to stop a synchronous WASM solve — and resolves
 * with status "solverError", message "aborted"; the next solve starts a fresh worker. A crashed worker gives
 * "solverError" too. Never rejects.
 */
export function createWorkerSolver(
  spawn: () => WorkerEndpoint,
  identity: { name: string; version: string },
  settings: HighsSolveSettings = {},
  clockMs: () => number = () => performance.now(),
): WorkerSolver {
  let endpoint: WorkerEndpoint | undefined;
  let pending: Pending | undefined;
  let nextId = 1;
  let memoryBytes = 0;
  let workerStarts = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const finish = (result: SolveResult): void => {
    const p = pending;
    pending = undefined;
    endpoint?.setBusy?.(false);
    p?.resolve(result);
  };
  const elapsedS = (): number => (pending ? (clockMs() - pending.startedMs) / 1000 : 0);
  const drop = (): void => {
    const e = endpoint;
    endpoint = undefined;
    e?.terminate();
  };
  const ensure = (): WorkerEndpoint => {
    if (endpoint) return endpoint;
    const e = spawn();
    workerStarts++;
    e.connect(
      (reply) => {
        if (e !== endpoint || reply.type !== "result" || reply.id !== pending?.id) return;
        memoryBytes = reply.memoryBytes;
        finish(reply.result);
      },
      (reason) => {
        if (e !== endpoint) return;
        endpoint = undefined;
        const seconds = elapsedS();
        finish({ status: "solverError", message: `HiGHS worker failed: ${reason}`, seconds });
      },
    );
    e.setBusy?.(false);
    endpoint = e;
    return e;
  };

  const runOne = (model: LpModel, options: SolveOptions): Promise<SolveResult> => {
    const { signal, ...rest } = options;
    if (signal?.aborted) return Promise.resolve({ status: "solverError", message: "aborted", seconds: 0 });
    return new Promise<SolveResult>((resolve) => {
      const onAbort = (): void => {
        const seconds = elapsedS();
        drop();
        finish({ status: "solverError", message: "aborted", seconds });
      };
      const id = nextId++;
      pending = {
        id,
        startedMs: clockMs(),
        resolve: (result) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(result);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        const e = ensure();
        e.setBusy?.(true);
        e.post({ type: "solve", id, model, options: rest, settings });
      } catch (error) {
        drop();
        finish({
          status: "solverError",
          message: `could not start the HiGHS worker: ${error instanceof Error ? error.message : String(error)}`,
          seconds: 0,
        });
      }
    });
  };

  return {
    name: identity.name,
    version: identity.version,
    solve(model, options = {}) {
      const next = queue.then(() => runOne(model, options));
      queue = next.catch(() => undefined);
      return next;
    },
    async dispose() {
      await queue;
      drop();
    },
    get memoryBytes() {
      return memoryBytes;
    },
    get workerStarts() {
      return workerStarts;
    },
  };
}
