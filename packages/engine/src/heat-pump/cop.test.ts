import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  carnotCop,
  COP_MIN_DELTA_T_K,
  heatPumpCop,
  heatPumpHourly,
  regressionMaxDeltaTK,
  WHEN2HEAT_COP_REGRESSIONS,
  type HeatPumpSource,
} from "./cop.js";

const SOURCES: HeatPumpSource[] = ["air", "ground", "water", "exhaustAir", "wasteHeat", "sewage"];

describe("heatPumpCop, when2heat regression", () => {
  // Reference: Ruhnau, Hirth & Praktiknjo (2019), Scientific Data 6:189, and when2heat
  // input/cop/cop_parameters.csv: ASHP 6.0801 − 0.0941ΔT + 0.0005ΔT², GSHP 10.288 − 0.2084ΔT + 0.0012ΔT²,
  // WSHP 9.9696 − 0.2049ΔT + 0.0012ΔT². Values at ΔT = 40 K worked by hand.
  it.each([
    ["air", 3.1161],
    ["ground", 3.872],
    ["water", 3.6936],
  ] as const)("%s source at ΔT = 40 K gives the published regression value %f", (source, expected) => {
    expect(heatPumpCop({ model: "when2heat", source, sourceTempC: 0, sinkTempC: 40 })).toBeCloseTo(
      expected,
      10,
    );
  });

  it("is close to the rounded coefficients printed in the paper (6.08 − 0.09ΔT + 0.0005ΔT²) at ΔT = 20 K", () => {
    const paper = 6.08 - 0.09 * 20 + 0.0005 * 400;
    expect(heatPumpCop({ model: "when2heat", source: "air", sourceTempC: 15, sinkTempC: 35 })).toBeCloseTo(
      paper,
      0,
    );
  });

  it("clips lifts below 15 K like when2heat (cop.py clips ΔT at 15)", () => {
    const at15 = heatPumpCop({ model: "when2heat", source: "air", sourceTempC: 20, sinkTempC: 35 });
    expect(at15).toBeCloseTo(6.0801 - 0.0941 * 15 + 0.0005 * 225, 10);
    expect(heatPumpCop({ model: "when2heat", source: "air", sourceTempC: 30, sinkTempC: 35 })).toBe(at15);
    expect(heatPumpCop({ model: "when2heat", source: "air", sourceTempC: 40, sinkTempC: 35 })).toBe(at15);
  });

  it("maps exhaust air to the air regression and liquid waste-heat sources to the water regression", () => {
    const t = { model: "when2heat" as const, sourceTempC: 5, sinkTempC: 55 };
    expect(heatPumpCop({ ...t, source: "exhaustAir" })).toBe(heatPumpCop({ ...t, source: "air" }));
    expect(heatPumpCop({ ...t, source: "sewage" })).toBe(heatPumpCop({ ...t, source: "water" }));
    expect(heatPumpCop({ ...t, source: "wasteHeat" })).toBe(heatPumpCop({ ...t, source: "water" }));
  });

  it("applies the correction factor (when2heat's published series use 0.85)", () => {
    const base = heatPumpCop({ model: "when2heat", source: "ground", sourceTempC: 0, sinkTempC: 35 });
    const corrected = heatPumpCop({
      model: "when2heat",
      source: "ground",
      sourceTempC: 0,
      sinkTempC: 35,
      correctionFactor: 0.85,
    });
    expect(corrected).toBeCloseTo(base * 0.85, 12);
  });

  it("holds the COP constant beyond the vertex of the parabola instead of rising again", () => {
    const vertex = regressionMaxDeltaTK(WHEN2HEAT_COP_REGRESSIONS.air);
    expect(vertex).toBeCloseTo(94.1, 6);
    const atVertex = heatPumpCop({
      model: "when2heat",
      source: "air",
      sourceTempC: -30,
      sinkTempC: vertex - 30,
    });
    expect(heatPumpCop({ model: "when2heat", source: "air", sourceTempC: -40, sinkTempC: 90 })).toBe(
      atVertex,
    );
  });
});

describe("heatPumpCop, Carnot fraction", () => {
  // Reference: ideal (Carnot) heating COP T_sink/(T_sink − T_source) in K. Tabulated values (e.g. the
  // "Coefficient of performance" table of heat pumps): source 0 degC, output 35 degC → 8.8; source −20 degC → 5.6.
  it("reproduces tabulated Carnot limits", () => {
    expect(carnotCop(0, 35)).toBeCloseTo(8.8, 1);
    expect(carnotCop(-20, 35)).toBeCloseTo(5.6, 1);
  });

  it("is η · T_sink / (T_sink − T_source) with T in K", () => {
    const cop = heatPumpCop({
      model: "carnot",
      source: "sewage",
      sourceTempC: 5,
      sinkTempC: 75,
      carnotEfficiency: 0.45,
    });
    expect(cop).toBeCloseTo((0.45 * (75 + 273.15)) / 70, 12);
  });

  it("uses η = 0.5 by default and floors the lift at 15 K", () => {
    expect(heatPumpCop({ model: "carnot", source: "air", sourceTempC: 0, sinkTempC: 35 })).toBeCloseTo(
      (0.5 * 308.15) / 35,
      12,
    );
    expect(heatPumpCop({ model: "carnot", source: "air", sourceTempC: 30, sinkTempC: 35 })).toBeCloseTo(
      (0.5 * (30 + COP_MIN_DELTA_T_K + 273.15)) / COP_MIN_DELTA_T_K,
      12,
    );
  });

  it("never returns less than 1 (would mean negative source heat)", () => {
    expect(
      heatPumpCop({ model: "carnot", source: "air", sourceTempC: -30, sinkTempC: 90, carnotEfficiency: 0.1 }),
    ).toBe(1);
  });
});

describe("heatPumpCop properties", () => {
  const temp = fc.double({ min: -40, max: 100, noNaN: true });
  const model = fc.constantFrom("when2heat" as const, "carnot" as const);
  const source = fc.constantFrom(...SOURCES);

  it("is finite and ≥ 1 everywhere", () => {
    fc.assert(
      fc.property(model, source, temp, temp, (m, s, a, b) => {
        const cop = heatPumpCop({ model: m, source: s, sourceTempC: a, sinkTempC: b });
        return Number.isFinite(cop) && cop >= 1;
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("does not increase when the lift grows (fixed sink, colder source)", () => {
    fc.assert(
      fc.property(
        model,
        source,
        temp,
        temp,
        fc.double({ min: 0, max: 60, noNaN: true }),
        (m, s, sink, src, d) => {
          const warm = heatPumpCop({ model: m, source: s, sourceTempC: src, sinkTempC: sink });
          const cold = heatPumpCop({ model: m, source: s, sourceTempC: src - d, sinkTempC: sink });
          return cold <= warm + 1e-12;
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });

  it("does not increase when the lift grows (fixed source, hotter sink)", () => {
    fc.assert(
      fc.property(
        model,
        source,
        temp,
        temp,
        fc.double({ min: 0, max: 60, noNaN: true }),
        (m, s, sink, src, d) => {
          const low = heatPumpCop({ model: m, source: s, sourceTempC: src, sinkTempC: sink });
          const high = heatPumpCop({ model: m, source: s, sourceTempC: src, sinkTempC: sink + d });
          return high <= low + 1e-12;
        },
      ),
      { seed: 11, numRuns: 2000 },
    );
  });
});

describe("heatPumpHourly", () => {
  it("applies heatPumpCop hour by hour", () => {
    const src = Float64Array.from([-10, 0, 10]);
    const sink = Float64Array.from([50, 45, 35]);
    const cop = heatPumpHourly({ model: "when2heat", source: "air", sourceTempC: src, sinkTempC: sink });
    expect(Array.from(cop)).toEqual(
      [0, 1, 2].map((i) =>
        heatPumpCop({ model: "when2heat", source: "air", sourceTempC: src[i]!, sinkTempC: sink[i]! }),
      ),
    );
  });

  it("equals heatPumpCop element-wise for both models (property)", () => {
    const series = fc.float64Array({
      minLength: 5,
      maxLength: 5,
      min: -40,
      max: 100,
      noNaN: true,
      noDefaultInfinity: true,
    });
    fc.assert(
      fc.property(
        fc.constantFrom("when2heat" as const, "carnot" as const),
        fc.constantFrom(...SOURCES),
        series,
        series,
        (model, source, src, sink) => {
          const cop = heatPumpHourly({
            model,
            source,
            sourceTempC: src,
            sinkTempC: sink,
            carnotEfficiency: 0.45,
          });
          return Array.from(cop).every(
            (v, i) =>
              v ===
              heatPumpCop({
                model,
                source,
                sourceTempC: src[i]!,
                sinkTempC: sink[i]!,
                carnotEfficiency: 0.45,
              }),
          );
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });

  it("rejects series of different length", () => {
    expect(() =>
      heatPumpHourly({
        model: "carnot",
        source: "air",
        sourceTempC: new Float64Array(3),
        sinkTempC: new Float64Array(4),
      }),
    ).toThrow(/length-mismatch/);
  });
});
