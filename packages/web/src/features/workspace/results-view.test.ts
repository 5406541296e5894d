import { seriesUnit } from "@kera/engine";
import { describe, expect, it } from "vitest";
import { localOffsetHours, numericLeaves, seriesNamesOf, seriesUnitOf, timelineOf } from "./results-view.js";

describe("results helpers", () => {
  it("finds Helsinki's offset in winter and summer", () => {
    expect(localOffsetHours(Date.UTC(2037, 0, 1), "Europe/Helsinki")).toBe(2);
    expect(localOffsetHours(Date.UTC(2037, 6, 1), "Europe/Helsinki")).toBe(3);
    expect(localOffsetHours(Date.UTC(2037, 0, 1), "Not/AZone")).toBe(0);
  });
  it("reads the run's timeline and series names from its summary", () => {
    const summary = {
      timeline: { start: "2036-12-31T22:00:00.000Z", hours: 8760, timeZone: "Europe/Helsinki" },
      seriesNames: ["a:import", 3, "b:flowOut"],
    };
    expect(timelineOf(summary)).toEqual({ startUtcMs: Date.UTC(2036, 11, 31, 22), offsetHours: 2 });
    expect(seriesNamesOf(summary)).toEqual(["a:import", "b:flowOut"]);
    expect(timelineOf({})).toEqual({ startUtcMs: 0, offsetHours: 0 });
  });
  it("gives a series the engine's unit", () => {
    for (const name of ["bat:stateOfCharge", "grid:import", "pv-roof:flowOut", "bus:heat:unmet"]) {
      expect(seriesUnitOf(name), name).toBe(seriesUnit(name));
    }
    expect(seriesUnitOf("bat:stateOfCharge")).toBe("kWh");
    expect(seriesUnitOf("grid:import")).toBe("kWh/h");
  });
  it("lists the numeric leaves of a summary with their paths", () => {
    expect(numericLeaves({ a: 1, b: { c: [2, "x"] }, d: Number.NaN })).toEqual([
      ["a", 1],
      ["b.c[0]", 2],
    ]);
  });
});
