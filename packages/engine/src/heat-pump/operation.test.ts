import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { heatPumpOperation } from "./operation.js";

describe("heatPumpOperation", () => {
  it("meets demand within capacity and splits heat into electricity and source heat", () => {
    const r = heatPumpOperation({
      heatDemandKwh: Float64Array.from([30, 120, 0]),
      cop: Float64Array.from([3, 2.5, 4]),
      capacityKw: 100,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(Array.from(r.value.heatKwh)).toEqual([30, 100, 0]);
    expect(r.value.electricityKwh[0]).toBeCloseTo(10, 12);
    expect(r.value.sourceHeatKwh[0]).toBeCloseTo(20, 12);
    expect(r.value.electricityKwh[1]).toBeCloseTo(40, 12);
    expect(Array.from(r.value.unmetHeatKwh)).toEqual([0, 20, 0]);
  });

  it("is limited by the heat a waste-heat source can give: heat ≤ available·COP/(COP − 1)", () => {
    const r = heatPumpOperation({
      heatDemandKwh: Float64Array.from([100]),
      cop: Float64Array.from([4]),
      capacityKw: 1000,
      sourceHeatAvailableKwh: Float64Array.from([30]),
    });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.heatKwh[0]).toBeCloseTo(40, 12);
    expect(r.value.sourceHeatKwh[0]).toBeCloseTo(30, 12);
    expect(r.value.unmetHeatKwh[0]).toBeCloseTo(60, 12);
  });

  it("respects an electricity limit", () => {
    const r = heatPumpOperation({
      heatDemandKwh: Float64Array.from([100]),
      cop: Float64Array.from([3]),
      capacityKw: Float64Array.from([1000]),
      maxElectricityKw: 20,
    });
    expect(r.ok && r.value.heatKwh[0]).toBeCloseTo(60, 12);
  });

  it("reports bad input as issues", () => {
    const r = heatPumpOperation({
      heatDemandKwh: Float64Array.from([1, -1]),
      cop: Float64Array.from([0.5, 3]),
      capacityKw: new Float64Array(3),
    });
    expect(!r.ok && r.issues.map((i) => `${i.code}:${i.path}`)).toEqual([
      "out-of-range:cop[0]",
      "length-mismatch:capacityKw",
      "out-of-range:heatDemandKwh[1]",
    ]);
  });

  it("conserves energy every hour and never goes negative (property)", () => {
    const hours = fc.integer({ min: 1, max: 48 });
    fc.assert(
      fc.property(
        hours.chain((n) =>
          fc.tuple(
            fc.float64Array({
              minLength: n,
              maxLength: n,
              min: 0,
              max: 1e4,
              noNaN: true,
              noDefaultInfinity: true,
            }),
            fc.float64Array({
              minLength: n,
              maxLength: n,
              min: 1,
              max: 12,
              noNaN: true,
              noDefaultInfinity: true,
            }),
            fc.float64Array({
              minLength: n,
              maxLength: n,
              min: 0,
              max: 1e4,
              noNaN: true,
              noDefaultInfinity: true,
            }),
            fc.double({ min: 0, max: 5000, noNaN: true }),
          ),
        ),
        ([demand, cop, avail, cap]) => {
          const r = heatPumpOperation({
            heatDemandKwh: demand,
            cop,
            capacityKw: cap,
            sourceHeatAvailableKwh: avail,
          });
          if (!r.ok) return false;
          const { heatKwh, electricityKwh, sourceHeatKwh, unmetHeatKwh } = r.value;
          for (let t = 0; t < demand.length; t++) {
            const h = heatKwh[t]!;
            const tol = 1e-9 * Math.max(1, h);
            if (!(h >= 0 && electricityKwh[t]! >= 0 && sourceHeatKwh[t]! >= 0 && unmetHeatKwh[t]! >= -tol))
              return false;
            if (Math.abs(h - electricityKwh[t]! - sourceHeatKwh[t]!) > tol) return false;
            if (Math.abs(h + unmetHeatKwh[t]! - demand[t]!) > tol) return false;
            if (h > cap + tol || sourceHeatKwh[t]! > avail[t]! + tol) return false;
          }
          return true;
        },
      ),
      { seed: 2026, numRuns: 300 },
    );
  });
});
