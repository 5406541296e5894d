import { describe, expect, it } from "vitest";
import { createHighsWorkerSolver } from "./highs-worker-solver.js";
import { describeSolverContract, expectRelativelyClose } from "./test-support/solver-contract.js";
import { microModels } from "./test-support/micro-models.js";
import { largeDispatchModel } from "./test-support/status-models.js";

// From source, the worker runs src/highs-worker.ts through tsx's loader (`--import tsx`); from dist it runs
// dist/highs-worker.js (see highsWorkerScript()).
describeSolverContract("highs worker thread", () => createHighsWorkerSolver());

describe("createHighsWorkerSolver", () => {
  it("keeps the calling thread responsive while solving", async () => {
    const solver = createHighsWorkerSolver();
    await solver.solve(microModels()[1]!.model); // worker started and HiGHS loaded
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await solver.solve(largeDispatchModel(800, 3));
    clearInterval(timer);
    expect(result.status).toBe("optimal");
    // Timers fired during the solve; an in-thread solve (a synchronous WASM call once loaded) blocks them all.
    expect(ticks).toBeGreaterThan(0);
    await solver.dispose();
  });

  it("aborts a running solve by terminating the worker, then solves again in a fresh one", async () => {
    const solver = createHighsWorkerSolver();
    await solver.solve(microModels()[1]!.model); // the worker is up, so the abort hits a running solve
    const controller = new AbortController();
    const pending = solver.solve(largeDispatchModel(4000, 6), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const aborted = await pending;
    expect(aborted).toMatchObject({ status: "solverError", message: "aborted" });
    const micro = microModels()[0]!;
    const next = await solver.solve(micro.model);
    expectRelativelyClose(next.objective, micro.objective);
    expect(solver.workerStarts).toBe(2);
    await solver.dispose();
  });

  it("does not grow the worker's memory over 20 solves", async () => {
    const solver = createHighsWorkerSolver();
    const model = largeDispatchModel(300, 2);
    await solver.solve(model);
    const after1 = solver.memoryBytes;
    expect(after1).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) expect((await solver.solve(model)).status).toBe("optimal");
    expect(solver.memoryBytes).toBe(after1);
    expect(solver.workerStarts).toBe(1);
    await solver.dispose();
  });
});
