import { toLpFormat, toMps } from "@kera/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultHighsLoader } from "./highs-runtime.js";
import { solveWithHighs } from "./highs-solve.js";
import { expectRelativelyClose } from "./test-support/solver-contract.js";
import { microModels } from "./test-support/micro-models.js";
import { buildRandomLp, randomLpSpec } from "./test-support/random-models.js";

// The exports are checked by solving them with HiGHS' own readers and comparing with the direct (CSC) path.
const highs = await defaultHighsLoader()();

function solveText(format: "lp" | "mps", data: string): { status: number; objective: number } {
  return highs.withModel({ format, data }, (m) => {
    m.options.set({ output_flag: false });
    const status = m.run().modelStatus;
    return { status, objective: m.getObjectiveValue() };
  });
}

describe("LP and MPS exports round-trip through HiGHS", () => {
  it("give the hand-computed optima of the micro-models", () => {
    for (const micro of microModels()) {
      const lp = highs.solve(toLpFormat(micro.model).text, { output_flag: false });
      expect(lp.Status).toBe("Optimal");
      expectRelativelyClose(lp.ObjectiveValue, micro.objective);
      const mps = solveText("mps", toMps(micro.model));
      expect(mps.status).toBe(highs.constants.modelStatus.optimal);
      expectRelativelyClose(mps.objective, micro.objective);
    }
  });

  it("agree with the direct path on random feasible LPs and MIPs (fast-check)", () => {
    fc.assert(
      fc.property(randomLpSpec({ allowIntegers: true }), (spec) => {
        const model = buildRandomLp(spec);
        const direct = solveWithHighs(highs, model, { mipGap: 0 }).result;
        expect(direct.status).toBe("optimal");
        const viaLp = highs.solve(toLpFormat(model).text, { output_flag: false, mip_rel_gap: 0 });
        expect(viaLp.Status).toBe("Optimal");
        expectRelativelyClose(viaLp.ObjectiveValue, direct.objective!, 1e-6);
        const viaMps = highs.withModel({ format: "mps", data: toMps(model) }, (m) => {
          m.options.set({ output_flag: false, mip_rel_gap: 0 });
          m.run();
          return m.getObjectiveValue();
        });
        expectRelativelyClose(viaMps, direct.objective!, 1e-6);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("does not depend on the order in which variables and constraints are added (fast-check)", () => {
    fc.assert(
      fc.property(randomLpSpec(), fc.infiniteStream(fc.nat()), (spec, stream) => {
        const direct = solveWithHighs(highs, buildRandomLp(spec)).result;
        // Same LP with columns permuted (terms re-indexed) and rows reversed.
        const order = spec.cols.map((_, j) => j);
        const keys = order.map(() => stream.next().value as number);
        order.sort((a, b) => keys[a]! - keys[b]! || a - b);
        const position = new Map(order.map((j, p) => [j, p]));
        const shuffled = {
          ...spec,
          cols: order.map((j) => spec.cols[j]!),
          rows: [...spec.rows].reverse().map((r) => ({
            ...r,
            terms: r.terms.map(([j, a]) => [position.get(j)!, a] as const),
          })),
        };
        const permuted = solveWithHighs(highs, buildRandomLp(shuffled)).result;
        expect(permuted.status).toBe(direct.status);
        expectRelativelyClose(permuted.objective, direct.objective!, 1e-6);
      }),
      { seed: 9, numRuns: 100 },
    );
  });

  it("maps LP-text names back to columns", () => {
    const micro = microModels()[2]!;
    const exported = toLpFormat(micro.model);
    const result = highs.solve(exported.text, { output_flag: false });
    const j = micro.model.colNames.indexOf("dh:peak");
    const column = result.Columns[exported.colNames[j]!];
    expectRelativelyClose(column && "Primal" in column ? column.Primal : undefined, micro.values["dh:peak"]!);
  });
});
