/**
 * Worker entry: loads HiGHS once and answers `SolveRequest`s one at a time. Runs as a Node
 * `worker_threads` worker (dist/highs-worker.js) or as a browser module Web Worker
 * (`new Worker(new URL("@kera/solver-highs/worker", import.meta.url), { type: "module" })`).
 */
import { createHighsRuntimeHolder, defaultHighsLoader } from "./highs-runtime.js";
import { solveWithHighs } from "./highs-solve.js";
import { transferablesOf, type SolveRequest, type WorkerReply } from "./worker-protocol.js";

interface Port {
  post(message: WorkerReply, transfer: ArrayBuffer[]): void;
  listen(handler: (message: SolveRequest) => void): void;
}

async function openPort(): Promise<Port> {
  const isNode = typeof globalThis.process?.versions?.node === "string";
  if (isNode) {
    const { parentPort } = await import("node:worker_threads");
    if (!parentPort) throw new Error("highs-worker must run inside a worker thread");
    return {
      post: (message, transfer) => parentPort.postMessage(message, transfer),
      listen: (handler) => parentPort.on("message", handler),
    };
  }
  const scope = globalThis as unknown as {
    postMessage(message: unknown, transfer: ArrayBuffer[]): void;
    addEventListener(type: "message", listener: (event: { data: SolveRequest }) => void): void;
  };
  return {
    post: (message, transfer) => scope.postMessage(message, transfer),
    listen: (handler) => scope.addEventListener("message", (event) => handler(event.data)),
  };
}

const holder = createHighsRuntimeHolder(defaultHighsLoader());
const port = await openPort();
let queue: Promise<void> = Promise.resolve();
port.listen((request) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      const highs = await holder.get();
      const { result, runtimeBroken } = solveWithHighs(
        highs,
        request.model,
        request.options,
        request.settings,
      );
      const memoryBytes = holder.memoryBytes;
      holder.release(runtimeBroken);
      reply = { type: "result", id: request.id, result, memoryBytes };
    } catch (error) {
      holder.release(true);
      const message = `HiGHS worker failed: ${error instanceof Error ? error.message : String(error)}`;
      reply = {
        type: "result",
        id: request.id,
        result: { status: "solverError", message, seconds: 0 },
        memoryBytes: 0,
      };
    }
    port.post(reply, reply.type === "result" ? transferablesOf(reply.result) : []);
  });
});
const highs = await holder.get();
port.post({ type: "ready", version: highs.version.string }, []);
