import { describe, expect, it } from "vitest";
import { HIGHS_STATUS_MAP, toHighsModelData } from "./highs-solve.js";
import { defaultHighsLoader } from "./highs-runtime.js";
import { createHighsSolver } from "./highs-solver.js";
import { knapsackModel } from "./test-support/status-models.js";
import { microModels } from "./test-support/micro-models.js";

describe("HiGHS status mapping (docs/optimisation/lp-and-solver.md)", () => {
  it("maps every HiGHS model status to the documented port status", () => {
    const highs = { optimal: [6, 7], infeasible: [8, 9], unbounded: [10], timeLimit: [13, 14, 16] };
    const expected = new Map<number, string>();
    for (const [status, codes] of Object.entries(highs)) for (const c of codes) expected.set(c, status);
    for (let code = 0; code <= 17; code++) {
      const entry = HIGHS_STATUS_MAP[code as keyof typeof HIGHS_STATUS_MAP];
      expect(entry, `code ${code}`).toBeDefined();
      expect(entry.status, `code ${code} (${entry.label})`).toBe(expected.get(code) ?? "solverError");
    }
  });

  it("uses the labels of the loaded runtime's constants", async () => {
    const runtime = await defaultHighsLoader()();
    for (const [label, code] of Object.entries(runtime.constants.modelStatus)) {
      expect(HIGHS_STATUS_MAP[code].label).toBe(label);
    }
  });
});

describe("adapter identity", () => {
  it("reports the version of the HiGHS build it loads", async () => {
    const runtime = await defaultHighsLoader()();
    expect(createHighsSolver().version).toBe(runtime.version.string);
  });
});

describe("toHighsModelData", () => {
  it("passes the CSC arrays as they are, with integrality only for MIPs", async () => {
    const runtime = await defaultHighsLoader()();
    const lp = microModels()[0]!.model;
    const data = toHighsModelData(runtime, lp);
    expect(data.matrix.starts).toBe(lp.matrix.colStart);
    expect(data.matrix.values).toBe(lp.matrix.value);
    expect(data.integrality).toBeUndefined();
    expect(data.colUpper[0]).toBe(runtime.infinity);
    expect(Array.from(toHighsModelData(runtime, knapsackModel(5)).integrality ?? [])).toEqual([1, 1, 1]);
  });
});
