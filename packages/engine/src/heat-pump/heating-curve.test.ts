import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_FLOOR_CURVE,
  DEFAULT_RADIATOR_CURVE,
  DESIGN_OUTDOOR_TEMP_ESPOO_C,
  heatingCurve,
  heatingCurveHourly,
  K1_2013_DESIGN_TEMPS_C,
  RADIATOR_EXPONENT,
  when2heatSinkTempC,
} from "./heating-curve.js";

// Design data: Finnish building code D5 (2012) zone I design outdoor temperature −26 degC; Finnish Energy
// K1/2013 maximum design temperatures for new buildings: radiators 60/30 degC, floor heating 35/30 degC.
const radiator = {
  designOutdoorTempC: DESIGN_OUTDOOR_TEMP_ESPOO_C,
  designSupplyTempC: K1_2013_DESIGN_TEMPS_C.radiator.supply,
  designReturnTempC: K1_2013_DESIGN_TEMPS_C.radiator.return,
  heatingLimitTempC: 17,
  roomTempC: 21,
};

describe("heatingCurve reference points", () => {
  it("gives the design supply temperature at the design outdoor temperature", () => {
    expect(heatingCurve({ ...radiator, outdoorTempC: -26 })).toBeCloseTo(60, 12);
    expect(heatingCurve({ ...radiator, designReturnTempC: undefined, outdoorTempC: -26 })).toBeCloseTo(
      60,
      12,
    );
  });

  it("holds the design value below the design outdoor temperature", () => {
    expect(heatingCurve({ ...radiator, outdoorTempC: -35 })).toBeCloseTo(60, 12);
  });

  it("linear curve: 21 + (60 − 21)·(21 − T)/(21 + 26), e.g. 40.5 degC at −2.5 degC", () => {
    expect(heatingCurve({ ...radiator, designReturnTempC: undefined, outdoorTempC: -2.5 })).toBeCloseTo(
      40.5,
      10,
    );
  });

  it("stays at its heating-limit value above the heating limit", () => {
    const atLimit = heatingCurve({ ...radiator, outdoorTempC: 17 });
    expect(heatingCurve({ ...radiator, outdoorTempC: 25 })).toBe(atLimit);
    expect(atLimit).toBeGreaterThan(21);
    expect(atLimit).toBeLessThan(30);
  });

  it("radiator curve obeys the EN 442 emitter law Q/Qd = ((Tmean − Troom)/(Tmean,d − Troom))^n", () => {
    for (const outdoor of [-20, -10, 0, 10]) {
      const load = (21 - outdoor) / 47;
      const supply = heatingCurve({ ...radiator, outdoorTempC: outdoor });
      const ret = supply - (60 - 30) * load; // flow is constant, so the supply–return difference scales with load
      const meanExcess = (supply + ret) / 2 - 21;
      expect(Math.pow(meanExcess / (45 - 21), RADIATOR_EXPONENT)).toBeCloseTo(load, 10);
    }
  });

  it("is non-increasing in outdoor temperature", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (t, d) => {
          return (
            heatingCurve({ ...radiator, outdoorTempC: t + d }) <=
            heatingCurve({ ...radiator, outdoorTempC: t }) + 1e-12
          );
        },
      ),
      { seed: 3 },
    );
  });

  it("hourly version matches the scalar one", () => {
    const out = heatingCurveHourly(Float64Array.from([-26, 0, 20]), radiator);
    expect(out[0]).toBeCloseTo(60, 12);
    expect(out[1]).toBe(heatingCurve({ ...radiator, outdoorTempC: 0 }));
  });
});

describe("default curves", () => {
  it("radiators: 60 degC at −26 degC; floor heating: 35 degC; both lower in mild weather", () => {
    expect(heatingCurve({ ...DEFAULT_RADIATOR_CURVE, outdoorTempC: -26 })).toBeCloseTo(60, 12);
    expect(heatingCurve({ ...DEFAULT_FLOOR_CURVE, outdoorTempC: -26 })).toBeCloseTo(35, 12);
    expect(heatingCurve({ ...DEFAULT_RADIATOR_CURVE, outdoorTempC: 5 })).toBeLessThan(45);
    expect(heatingCurve({ ...DEFAULT_FLOOR_CURVE, outdoorTempC: 5 })).toBeLessThan(30);
  });
});

describe("when2heatSinkTempC", () => {
  // Ruhnau et al. 2019: radiators 40 − T, floor 30 − 0.5T, hot water 50 degC.
  it("reproduces the when2heat heating curves", () => {
    expect(when2heatSinkTempC("radiator", -10)).toBe(50);
    expect(when2heatSinkTempC("floor", -10)).toBe(35);
    expect(when2heatSinkTempC("water", -10)).toBe(50);
  });
});
