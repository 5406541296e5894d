import { HIGHS_VERSION } from "./highs-solver.js";
import type { HighsSolveSettings } from "./highs-solve.js";
import { createWorkerSolver, type WorkerEndpoint, type WorkerSolver } from "./worker-solver.js";
import type { WorkerReply } from "./worker-protocol.js";

/** The structural part of Node's `worker_threads.Worker` that the adapter uses. */
interface NodeWorkerLike {
  postMessage(value: unknown): void;
  on(event: "message", listener: (value: WorkerReply) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
}

type NodeWorkerConstructor = new (script: URL, options: { workerData?: unknown }) => NodeWorkerLike;

/**
 * Where the worker script is: beside this module. From dist that is `highs-worker.js`. When this module runs
 * from source (vitest, tsx) it is `highs-worker.ts`, which a plain worker cannot load (`--import tsx` in a
 * worker's execArgv does not register tsx's hooks on Node 20), so the worker starts
 * test-support/tsx-worker-bootstrap.mjs, which loads it through tsx's `tsImport` (tsx is a root devDependency).
 */
export function highsWorkerScript(): { url: URL; fromSource: boolean } {
  const fromSource = import.meta.url.endsWith(".ts");
  return {
    url: new URL(fromSource ? "./highs-worker.ts" : "./highs-worker.js", import.meta.url),
    fromSource,
  };
}

async function loadNodeWorker(): Promise<(url: URL, fromSource: boolean) => NodeWorkerLike> {
  const { Worker } = await import("node:worker_threads");
  const WorkerClass = Worker as unknown as NodeWorkerConstructor;
  const bootstrap = new URL("./test-support/tsx-worker-bootstrap.mjs", import.meta.url);
  return (url, fromSource) =>
    fromSource
      ? new WorkerClass(bootstrap, { workerData: { tsWorkerUrl: url.href } })
      : new WorkerClass(url, {});
}

/**
 * The Solver port in a Node `worker_threads` worker. `node:worker_threads` is loaded on first use so that
 * importing this package in a browser bundle stays possible.
 */
export function createHighsWorkerSolver(settings: HighsSolveSettings = {}): WorkerSolver {
  let startWorker: ((url: URL, fromSource: boolean) => NodeWorkerLike) | undefined;
  const loading = loadNodeWorker().then((start) => {
    startWorker = start;
  });
  const spawn = (): WorkerEndpoint => {
    if (!startWorker) throw new Error("node:worker_threads is not loaded yet");
    const { url, fromSource } = highsWorkerScript();
    const worker = startWorker(url, fromSource);
    let terminated = false;
    return {
      post: (request) => worker.postMessage(request),
      connect(onReply, onFailure) {
        worker.on("message", onReply);
        worker.on("error", (error) => onFailure(error.message));
        worker.on("exit", (code) => {
          if (!terminated) onFailure(`worker exited with code ${code}`);
        });
      },
      setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
      terminate() {
        terminated = true;
        void worker.terminate();
      },
    };
  };
  const solver = createWorkerSolver(spawn, { name: "highs-worker", version: HIGHS_VERSION }, settings);
  return {
    name: solver.name,
    version: solver.version,
    solve: async (model, options) => {
      try {
        await loading;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { status: "solverError", message: `cannot start a worker thread: ${reason}`, seconds: 0 };
      }
      return solver.solve(model, options);
    },
    dispose: () => solver.dispose(),
    get memoryBytes() {
      return solver.memoryBytes;
    },
    get workerStarts() {
      return solver.workerStarts;
    },
  };
}

/** The structural part of a browser `Worker`. */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/**
 * The Solver port in a browser Web Worker. `createWorker` must start the module worker from this package's
 * `./worker` entry, e.g. `() => new Worker(new URL("@kera/solver-highs/worker", import.meta.url), { type: "module" })`
 * (bundlers resolve that URL and serve `highs.wasm` beside it; see the README).
 */
export function createHighsWebWorkerSolver(
  createWorker: () => WebWorkerLike,
  settings: HighsSolveSettings = {},
): WorkerSolver {
  const spawn = (): WorkerEndpoint => {
    const worker = createWorker();
    return {
      post: (request) => worker.postMessage(request),
      connect(onReply, onFailure) {
        worker.addEventListener("message", (event) => onReply(event.data));
        worker.addEventListener("error", (event) => onFailure(event.message ?? "worker error"));
      },
      terminate: () => worker.terminate(),
    };
  };
  return createWorkerSolver(spawn, { name: "highs-web-worker", version: HIGHS_VERSION }, settings);
}
