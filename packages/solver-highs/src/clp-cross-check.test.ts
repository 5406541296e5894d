import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toMps, type LpModel } from "@kera/engine";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createHighsSolver } from "./highs-solver.js";
import { expectRelativelyClose } from "./test-support/solver-contract.js";
import { microModels } from "./test-support/micro-models.js";
import { buildRandomLp, randomLpSpec } from "./test-support/random-models.js";
import { largeDispatchModel } from "./test-support/status-models.js";

/**
 * Cross-check (STYLE.md §5): the LP objective agrees with an independent solver on the exported MPS — COIN-OR
 * CLP (Debian `coinor-clp`, installed by .ci/run) with its dual simplex.
 */
function findClp(): string | undefined {
  try {
    execFileSync("clp", ["-quit"], { stdio: "ignore" });
    return "clp";
  } catch {
    return undefined;
  }
}

const clp = findClp();
const dir = mkdtempSync(join(tmpdir(), "kera-clp-"));
let fileNo = 0;

/** Runs `clp model.mps -dualsimplex -solution sol.txt` and parses the status and objective of sol.txt. */
export function solveWithClp(model: LpModel): { status: string; objective: number } {
  const mps = join(dir, `m${fileNo}.mps`);
  const sol = join(dir, `m${fileNo++}.sol`);
  writeFileSync(mps, toMps(model));
  execFileSync("clp", [mps, "-dualsimplex", "-solution", sol], { stdio: "ignore" });
  const first = readFileSync(sol, "utf8").split("\n")[0] ?? "";
  const match = /^(.*?)\s*-\s*objective value\s+(\S+)/.exec(first);
  if (!match) throw new Error(`unexpected clp solution header: ${first}`);
  return { status: match[1]!.trim(), objective: Number(match[2]) };
}

const skipMessage = "(skipped: `clp` is not on PATH — apt-get install -y coinor-clp)";
if (!clp) console.warn(`clp-cross-check ${skipMessage}`);

describe(`HiGHS and CLP agree on exported MPS ${clp ? "" : skipMessage}`, () => {
  const solver = createHighsSolver();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!clp)("on the micro-models (hand-computed optima)", () => {
    for (const micro of microModels()) {
      const result = solveWithClp(micro.model);
      expect(result.status).toBe("Optimal");
      expectRelativelyClose(result.objective, micro.objective);
    }
  });

  it.skipIf(!clp)("on a synthetic storage-dispatch LP (1000 h, 4 storages)", async () => {
    const model = largeDispatchModel(1000, 4, 7);
    const highs = await solver.solve(model);
    expect(highs.status).toBe("optimal");
    const viaClp = solveWithClp(model);
    expect(viaClp.status).toBe("Optimal");
    expectRelativelyClose(viaClp.objective, highs.objective!, 1e-6);
  });

  it.skipIf(!clp)("on random feasible LPs (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(randomLpSpec(), async (spec) => {
        const model = buildRandomLp(spec);
        const highs = await solver.solve(model);
        expect(highs.status).toBe("optimal");
        const viaClp = solveWithClp(model);
        expect(viaClp.status).toBe("Optimal");
        expectRelativelyClose(viaClp.objective, highs.objective!, 1e-6);
      }),
      { seed: 5, numRuns: 25 },
    );
  });
});
