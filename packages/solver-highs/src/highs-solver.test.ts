import { describe, expect, it } from "vitest";
import { createHighsSolver } from "./highs-solver.js";
import { describeSolverContract, expectRelativelyClose } from "./test-support/solver-contract.js";
import { microModels } from "./test-support/micro-models.js";
import { infeasibleModel, largeDispatchModel } from "./test-support/status-models.js";

describeSolverContract("highs in-thread", () => createHighsSolver());

describe("createHighsSolver", () => {
  it("loads HiGHS once and does not grow its memory over 20 solves (memory released after each solve)", async () => {
    const solver = createHighsSolver();
    const model = largeDispatchModel(300, 2);
    await solver.solve(model);
    const after1 = solver.memoryBytes;
    let objective: number | undefined;
    for (let i = 0; i < 20; i++) {
      const result = await solver.solve(model);
      expect(result.status).toBe("optimal");
      objective ??= result.objective;
      expect(result.objective).toBe(objective);
    }
    expect(solver.runtimeLoads).toBe(1);
    expect(solver.memoryBytes).toBe(after1);
    await solver.dispose();
  });

  it("recycles the runtime when its memory exceeds the ceiling, and still solves", async () => {
    const solver = createHighsSolver({ recycleAboveBytes: 1 });
    const micro = microModels()[2]!;
    for (let i = 0; i < 3; i++)
      expectRelativelyClose((await solver.solve(micro.model)).objective, micro.objective);
    expect(solver.runtimeLoads).toBe(3);
  });

  it("names the conflicting constraint of an infeasible LP", async () => {
    const result = await createHighsSolver().solve(infeasibleModel());
    expect(result.status).toBe("infeasible");
    expect(result.message).toContain("district:pvTarget");
    const quiet = await createHighsSolver({ explainInfeasibility: false }).solve(infeasibleModel());
    expect(quiet.message).not.toContain("district:pvTarget");
  });

  it("reports a loader failure as solverError", async () => {
    const solver = createHighsSolver({ loader: () => Promise.reject(new Error("no wasm here")) });
    const result = await solver.solve(microModels()[0]!.model);
    expect(result).toMatchObject({ status: "solverError" });
    expect(result.message).toContain("no wasm here");
  });
});
