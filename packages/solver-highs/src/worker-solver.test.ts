import type { SolveResult } from "@kera/engine";
import { describe, expect, it } from "vitest";
import type { SolveRequest, WorkerReply } from "./worker-protocol.js";
import { createWorkerSolver, type WorkerEndpoint } from "./worker-solver.js";
import { microModels } from "./test-support/micro-models.js";

/** A scripted worker: `behaviour` decides what happens to each request. */
function fakeWorkers(
  behaviour: (request: SolveRequest, reply: (r: WorkerReply) => void, fail: (why: string) => void) => void,
) {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): WorkerEndpoint => {
    const state = { terminated: false };
    spawned.push(state);
    let onReply: (r: WorkerReply) => void = () => undefined;
    let onFailure: (why: string) => void = () => undefined;
    return {
      post: (request) =>
        queueMicrotask(() =>
          behaviour(
            request,
            (r) => onReply(r),
            (w) => onFailure(w),
          ),
        ),
      connect(reply, failure) {
        onReply = reply;
        onFailure = failure;
      },
      terminate: () => {
        state.terminated = true;
      },
    };
  };
  return { spawn, spawned };
}

const ok: SolveResult = { status: "optimal", objective: 1, primal: new Float64Array(0), seconds: 0.1 };

describe("createWorkerSolver", () => {
  const model = microModels()[1]!.model;

  it("passes results through and ignores replies for other requests", async () => {
    const { spawn } = fakeWorkers((req, reply) => {
      reply({ type: "ready", version: "x" });
      reply({
        type: "result",
        id: req.id + 100,
        result: { status: "infeasible", seconds: 0 },
        memoryBytes: 1,
      });
      reply({ type: "result", id: req.id, result: ok, memoryBytes: 42 });
    });
    const solver = createWorkerSolver(spawn, { name: "fake", version: "0" });
    expect(await solver.solve(model)).toBe(ok);
    expect(solver.memoryBytes).toBe(42);
  });

  it("turns a crashed worker into solverError and starts a new worker for the next solve", async () => {
    let calls = 0;
    const { spawn, spawned } = fakeWorkers((req, reply, fail) => {
      if (calls++ === 0) fail("out of memory");
      else reply({ type: "result", id: req.id, result: ok, memoryBytes: 1 });
    });
    const solver = createWorkerSolver(spawn, { name: "fake", version: "0" });
    const first = await solver.solve(model);
    expect(first.status).toBe("solverError");
    expect(first.message).toContain("out of memory");
    expect(await solver.solve(model)).toBe(ok);
    expect(spawned.length).toBe(2);
  });

  it("terminates the worker on abort and answers 'aborted'", async () => {
    const { spawn, spawned } = fakeWorkers(() => undefined); // never answers
    const solver = createWorkerSolver(spawn, { name: "fake", version: "0" });
    const controller = new AbortController();
    const pending = solver.solve(model, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await pending).toMatchObject({ status: "solverError", message: "aborted" });
    expect(spawned[0]?.terminated).toBe(true);
  });

  it("reports a worker that cannot start", async () => {
    const solver = createWorkerSolver(
      () => {
        throw new Error("no threads");
      },
      { name: "fake", version: "0" },
    );
    const result = await solver.solve(model);
    expect(result.status).toBe("solverError");
    expect(result.message).toContain("no threads");
  });
});
