import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRc5r1cState,
  rc5r1cNetwork,
  rc5r1cResiduals,
  stepRc5r1c,
  type Rc5r1cHourInput,
} from "./rc-5r1c.js";

const params = fc.record({
  floorAreaM2: fc.double({ min: 10, max: 1e5, noNaN: true }),
  amPerAf: fc.constantFrom(2.5, 3, 3.5),
  cmPerAf: fc.double({ min: 50_000, max: 400_000, noNaN: true }),
  uaWindowPerAf: fc.double({ min: 0, max: 1, noNaN: true }),
  uaOpaquePerAf: fc.double({ min: 0.01, max: 2, noNaN: true }),
});
const hour = fc.record({
  outdoorC: fc.double({ min: -35, max: 35, noNaN: true }),
  supplyDeltaC: fc.double({ min: 0, max: 20, noNaN: true }),
  hVePerAf: fc.double({ min: 0.01, max: 5, noNaN: true }),
  internalPerAf: fc.double({ min: 0, max: 30, noNaN: true }),
  solarPerAf: fc.double({ min: 0, max: 50, noNaN: true }),
  heatingSetpointC: fc.double({ min: 12, max: 24, noNaN: true }),
  coolingGapC: fc.double({ min: 0, max: 8, noNaN: true }),
  cooling: fc.boolean(),
});

describe("ISO 13790 5R1C hourly step", () => {
  it("closes the heat balance of the air, central and mass nodes every hour (property)", () => {
    fc.assert(
      fc.property(
        params,
        fc.array(hour, { minLength: 1, maxLength: 48 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (p, hs, m0) => {
          const net = rc5r1cNetwork({
            floorAreaM2: p.floorAreaM2,
            massAreaM2: p.amPerAf * p.floorAreaM2,
            heatCapacityJPerK: p.cmPerAf * p.floorAreaM2,
            hTrWindowsWPerK: p.uaWindowPerAf * p.floorAreaM2,
            hTrOpaqueWPerK: p.uaOpaquePerAf * p.floorAreaM2,
          });
          const s = createRc5r1cState();
          let massPrev = m0;
          for (const h of hs) {
            const inp: Rc5r1cHourInput = {
              outdoorC: h.outdoorC,
              supplyC: h.outdoorC + h.supplyDeltaC,
              hVeWPerK: h.hVePerAf * p.floorAreaM2,
              internalW: h.internalPerAf * p.floorAreaM2,
              solarW: h.solarPerAf * p.floorAreaM2,
              heatingSetpointC: h.heatingSetpointC,
              coolingSetpointC: h.cooling ? h.heatingSetpointC + h.coolingGapC : Number.POSITIVE_INFINITY,
            };
            stepRc5r1c(net, inp, massPrev, s);
            const r = rc5r1cResiduals(net, inp, massPrev, s);
            // Scale: the largest flow in the balance (W); residuals are rounding only.
            const scale = p.floorAreaM2 * 100;
            expect(Math.abs(r.airW)).toBeLessThan(1e-9 * scale);
            expect(Math.abs(r.surfaceW)).toBeLessThan(1e-9 * scale);
            expect(Math.abs(r.massW)).toBeLessThan(1e-9 * scale);
            expect(Number.isFinite(s.heatingCoolingW)).toBe(true);
            if (s.heatingCoolingW > 0) expect(s.airC).toBeCloseTo(inp.heatingSetpointC, 6);
            if (s.heatingCoolingW < 0) expect(s.airC).toBeCloseTo(inp.coolingSetpointC, 6);
            if (s.heatingCoolingW === 0) {
              expect(s.airC).toBeGreaterThanOrEqual(inp.heatingSetpointC - 1e-9);
              expect(s.airC).toBeLessThanOrEqual(inp.coolingSetpointC + 1e-9);
            }
            massPrev = s.massEndC;
          }
        },
      ),
      { seed: 4242, numRuns: 200 },
    );
  });

  it("reaches the analytic steady-state loss with constant weather and no gains", () => {
    // Steady state of the network: H_ve in parallel with [H_tr,is in series with (H_tr,w + H_tr,op)]
    // (H_tr,ms and H_tr,em in series are H_tr,op, ISO 13790 eq. 63), between θair and θe.
    const net = rc5r1cNetwork({
      floorAreaM2: 100,
      massAreaM2: 250,
      heatCapacityJPerK: 165_000 * 100,
      hTrWindowsWPerK: 30,
      hTrOpaqueWPerK: 40,
    });
    const inp: Rc5r1cHourInput = {
      outdoorC: -10,
      supplyC: -10,
      hVeWPerK: 50,
      internalW: 0,
      solarW: 0,
      heatingSetpointC: 20,
      coolingSetpointC: Number.POSITIVE_INFINITY,
    };
    const s = createRc5r1cState(20);
    let m = 20;
    for (let i = 0; i < 2000; i++) {
      stepRc5r1c(net, inp, m, s);
      m = s.massEndC;
    }
    const hIs = 3.45 * 4.5 * 100;
    const expected = (50 + (hIs * (30 + 40)) / (hIs + 30 + 40)) * 30;
    expect(s.heatingCoolingW).toBeCloseTo(expected, 3);
  });

  it("cools to the cooling set-point and stays free-floating in between", () => {
    const net = rc5r1cNetwork({
      floorAreaM2: 100,
      massAreaM2: 250,
      heatCapacityJPerK: 165_000 * 100,
      hTrWindowsWPerK: 30,
      hTrOpaqueWPerK: 40,
    });
    const s = createRc5r1cState(22);
    const hot: Rc5r1cHourInput = {
      outdoorC: 30,
      supplyC: 30,
      hVeWPerK: 50,
      internalW: 2000,
      solarW: 1000,
      heatingSetpointC: 20,
      coolingSetpointC: 25,
    };
    stepRc5r1c(net, hot, 24, s);
    expect(s.heatingCoolingW).toBeLessThan(0);
    expect(s.airC).toBeCloseTo(25, 9);
  });
});
