import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLpBuilder } from "./lp-builder.js";
import { toLpFormat } from "./lp-format.js";

// CPLEX LP name characters (IBM CPLEX 22.1 "LP file format: algebraic representation").
const CPLEX_NAME = /^[A-Za-z!"#$%&()/,;?@_`'{}|~][A-Za-z0-9!"#$%&()/,.;?@_`'{}|~]*$/;

describe("toLpFormat", () => {
  it("writes objective, rows, bounds and integers, sanitising contract names", () => {
    const lp = createLpBuilder();
    const x = lp.addVariables("pv-roof-12", "flowOut", 2, { ub: 4, cost: -1 });
    const f = lp.addVariable({ name: "grid:flowIn", lb: -Infinity, cost: 2.5 });
    const n = lp.addVariable({ name: "hp:units", ub: 3, integer: true });
    lp.addConstraint({
      name: "bus-el:balance[0]",
      terms: [
        [x, 1],
        [f, -1],
      ],
      lb: 1,
      ub: 1,
    });
    lp.addConstraint({
      name: "hp:limit",
      terms: [
        [n, 2],
        [x + 1, 1],
      ],
      lb: -3,
      ub: 5,
    });
    lp.addObjectiveConstant(7);
    const out = toLpFormat(lp.build());
    expect(out.colNames).toEqual([
      "pv_roof_12.flowOut(0)",
      "pv_roof_12.flowOut(1)",
      "grid.flowIn",
      "hp.units",
    ]);
    expect(out.rowNames).toEqual(["bus_el.balance(0)", "hp.limit"]);
    expect(out.upperRowNames.get(1)).toBe("hp.limit~ub");
    const lines = out.text.split("\n");
    expect(lines[0]).toBe("Minimize");
    expect(lines[1]).toBe(" obj: - pv_roof_12.flowOut(0) - pv_roof_12.flowOut(1) + 2.5 grid.flowIn + 7");
    expect(lines).toContain(" bus_el.balance(0): + pv_roof_12.flowOut(0) - grid.flowIn = 1");
    expect(lines).toContain(" hp.limit: + pv_roof_12.flowOut(1) + 2 hp.units >= -3");
    expect(lines).toContain(" hp.limit~ub: + pv_roof_12.flowOut(1) + 2 hp.units <= 5");
    expect(lines).toContain(" 0 <= pv_roof_12.flowOut(0) <= 4");
    expect(lines).toContain(" grid.flowIn free");
    expect(lines.slice(lines.indexOf("Generals"))).toEqual(["Generals", " hp.units", "End", ""]);
  });

  it("keeps sanitised names valid CPLEX names and unique, even when contract names collide after sanitising", () => {
    const nameArb = fc.stringMatching(/^[a-z0-9][a-z0-9:\-.]{0,6}:[a-z][a-zA-Z]{0,4}(\[(0|[1-9][0-9]?)\])?$/);
    fc.assert(
      fc.property(fc.uniqueArray(nameArb, { minLength: 1, maxLength: 30 }), (names) => {
        const lp = createLpBuilder();
        for (const name of names) lp.addVariable({ name });
        names.forEach((name, i) => lp.addConstraint({ name, terms: [[i, 1]], ub: 1 }));
        const out = toLpFormat(lp.build());
        expect(new Set(out.colNames).size).toBe(names.length);
        expect(new Set(out.rowNames).size).toBe(names.length);
        for (const s of [...out.colNames, ...out.rowNames]) expect(s).toMatch(CPLEX_NAME);
        expect(out.rowNames).not.toContain("obj");
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("breaks long rows over several lines", () => {
    const lp = createLpBuilder();
    const start = lp.addVariables("a", "x", 50);
    lp.addConstraint({
      name: "a:sum",
      terms: Array.from({ length: 50 }, (_, t) => [start + t, 1] as const),
      ub: 1,
    });
    const text = toLpFormat(lp.build()).text;
    for (const line of text.split("\n")) expect(line.length).toBeLessThan(560);
  });
});
