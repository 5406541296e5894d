import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PVWATTS_DEFAULT_LOSS_FRACTION, pvwattsAc, pvwattsDc, pvwattsLosses } from "./pvwatts.js";

// Reference: pvlib-python tests/test_pvsystem.py (test_pvwatts_dc_scalars, test_pvwatts_losses_default)
// and tests/test_inverter.py (test_pvwatts_scalars, test_pvwatts_arrays, test_pvwatts_possible_negative),
// which implement Dobos (2014), PVWatts Version 5 Manual, NREL/TP-6A20-62641.
describe("PVWatts DC", () => {
  it("test_pvwatts_dc_scalars: 900 W/m2, 30 degC, 100 kWp, gamma -0.003 -> 88.65 kW", () => {
    const r = pvwattsDc({ poaEffective: 900, cellTemperatureC: 30, capacityKwp: 100, gammaPdc: -0.003 });
    expect(r.dcKw).toBeCloseTo(88.65, 10);
    expect(r.dcGrossKw).toBeCloseTo(88.65, 10);
    expect(r.systemLossKw).toBe(0);
  });

  it("test_pvwatts_losses_default: 14.075660688264469 %", () => {
    expect(pvwattsLosses() * 100).toBeCloseTo(14.075660688264469, 10);
    expect(PVWATTS_DEFAULT_LOSS_FRACTION).toBeCloseTo(0.14075660688264469, 12);
    expect(pvwattsLosses({ snow: 5, shading: 0 })).toBeGreaterThan(pvwattsLosses({ shading: 0 }));
  });

  it("makes the system losses explicit", () => {
    const r = pvwattsDc({ poaEffective: 800, cellTemperatureC: 40, capacityKwp: 10, losses: 0.14 });
    expect(r.dcGrossKw).toBeCloseTo(10 * 0.8 * (1 - 0.0035 * 15), 12);
    expect(r.systemLossKw).toBeCloseTo(0.14 * r.dcGrossKw, 12);
    expect(r.dcKw + r.systemLossKw).toBeCloseTo(r.dcGrossKw, 12);
  });
});

describe("PVWatts inverter", () => {
  it("test_pvwatts_scalars: pdc 90 kW, pdc0 100 kW (Pac0 95 kW), eta_nom 0.95 -> 85.5856 kW; 0 -> 0", () => {
    expect(pvwattsAc({ dcKw: 90, acRatedKw: 95, nominalEfficiency: 0.95 }).acKw).toBeCloseTo(
      85.58556604752516,
      10,
    );
    expect(pvwattsAc({ dcKw: 0, acRatedKw: 95, nominalEfficiency: 0.95 }).acKw).toBe(0);
  });

  it("test_pvwatts_arrays: 50 -> 47.60843624, 100 -> 95 (clipped)", () => {
    expect(pvwattsAc({ dcKw: 50, acRatedKw: 95, nominalEfficiency: 0.95 }).acKw).toBeCloseTo(47.60843624, 7);
    expect(pvwattsAc({ dcKw: 100, acRatedKw: 95, nominalEfficiency: 0.95 }).acKw).toBeCloseTo(95, 9);
    const clipped = pvwattsAc({ dcKw: 110, acRatedKw: 95, nominalEfficiency: 0.95 });
    expect(clipped.acKw).toBe(95);
    expect(clipped.clippingLossKw).toBeGreaterThan(0);
  });

  it("test_pvwatts_possible_negative: tiny input gives 0, not a negative power", () => {
    expect(pvwattsAc({ dcKw: 0.001, acRatedKw: 0.96 }).acKw).toBe(0);
  });

  it("AC <= DC, AC <= rating, nothing negative, dc = ac + inverter loss + clipping", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0.001, max: 5000, noNaN: true }),
        fc.double({ min: 0.8, max: 0.99, noNaN: true }),
        (dcKw, acRatedKw, nominalEfficiency) => {
          const r = pvwattsAc({ dcKw, acRatedKw, nominalEfficiency });
          return (
            r.acKw >= 0 &&
            r.inverterLossKw >= 0 &&
            r.clippingLossKw >= 0 &&
            r.acKw <= dcKw &&
            r.acKw <= acRatedKw &&
            Math.abs(r.acKw + r.inverterLossKw + r.clippingLossKw - dcKw) <= 1e-9 * (1 + dcKw)
          );
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
  });
});
