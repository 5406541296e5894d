import { describe, expect, it } from "vitest";
import { pressureFromAltitude, solarPosition } from "../solar/solar-position.js";
import { absoluteAirmass, relativeAirmass } from "./airmass.js";
import { clearSkySeries } from "./clear-sky-series.js";
import { clearSkyIneichen, KERA_LINKE_TURBIDITY_MONTHLY, linkeTurbidityFromDni } from "./clear-sky.js";
import { dayOfYearUtc, extraterrestrialIrradiance } from "./extraterrestrial.js";

// Reference: pvlib-python tests/test_clearsky.py (Ineichen & Perez 2002 as implemented in pvlib.clearsky.ineichen,
// I0 = 1364 W/m2 unless given).
describe("clearSkyIneichen (Ineichen & Perez 2002)", () => {
  it("test_ineichen_scalar_input: zenith 10, AM 1, TL 3", () => {
    const r = clearSkyIneichen({ apparentZenithDeg: 10, airmassAbsolute: 1, linkeTurbidity: 3 });
    expect(r.ghi).toBeCloseTo(1038.159219, 5);
    expect(r.dni).toBeCloseTo(942.2081860378344, 8);
    expect(r.dhi).toBeCloseTo(110.26529293612793, 8);
  });

  it("test_ineichen_dni_extra (1370 W/m2) and test_ineichen_altitude (2000 m)", () => {
    const a = clearSkyIneichen({
      apparentZenithDeg: 10,
      airmassAbsolute: 1,
      linkeTurbidity: 3,
      dniExtra: 1370,
    });
    expect(a.ghi).toBeCloseTo(1042.72590228, 6);
    expect(a.dni).toBeCloseTo(946.35279683, 6);
    expect(a.dhi).toBeCloseTo(110.75033088, 6);
    const b = clearSkyIneichen({
      apparentZenithDeg: 10,
      airmassAbsolute: 1,
      linkeTurbidity: 3,
      altitudeM: 2000,
    });
    expect(b.ghi).toBeCloseTo(1134.24312405, 6);
    expect(b.dni).toBeCloseTo(994.95377835, 6);
    expect(b.dhi).toBeCloseTo(154.40492924, 6);
  });

  it("test_ineichen_series, with and without the Perez enhancement", () => {
    const zen = [124.0390863, 113.38779941, 82.85457044, 46.0467599, 10.56413562, 34.86074109, 72.41687122];
    const am = [Number.NaN, Number.NaN, 6.97935524, 1.32355476, 0.93527685, 1.12008114, 3.01614096];
    const plain = [
      [0, 0, 0],
      [0, 0, 0],
      [65.49426624, 321.16092181, 25.54562017],
      [704.6968125, 888.90147035, 87.73601277],
      [1044.1230677, 953.24925854, 107.03109696],
      [853.02065704, 922.06124712, 96.42909484],
      [251.99427693, 655.44925241, 53.9901349],
    ];
    const enhanced = [91.1249279, 716.46580547, 1053.42066073, 863.54692748, 271.06382275];
    zen.forEach((z, i) => {
      const r = clearSkyIneichen({ apparentZenithDeg: z, airmassAbsolute: am[i]!, linkeTurbidity: 3 });
      expect(r.ghi).toBeCloseTo(plain[i]![0]!, 5);
      expect(r.dni).toBeCloseTo(plain[i]![1]!, 5);
      expect(r.dhi).toBeCloseTo(plain[i]![2]!, 5);
      if (i >= 2) {
        const e = clearSkyIneichen({
          apparentZenithDeg: z,
          airmassAbsolute: am[i]!,
          linkeTurbidity: 3,
          perezEnhancement: true,
        });
        expect(e.ghi).toBeCloseTo(enhanced[i - 2]!, 5);
      }
    });
  });

  it("inverts the beam equation: linkeTurbidityFromDni recovers TL where the beam is not limited", () => {
    for (const tl of [3, 4.5, 6]) {
      const r = clearSkyIneichen({
        apparentZenithDeg: 40,
        airmassAbsolute: 1.3,
        linkeTurbidity: tl,
        dniExtra: 1400,
      });
      expect(linkeTurbidityFromDni(r.dni, 1.3, 1400)).toBeCloseTo(tl, 9);
    }
  });
});

describe("clearSkySeries", () => {
  it("equals the scalar model at each hour's midpoint and is zero at night", () => {
    const site = { latitude: 60.22, longitude: 24.66, altitude: 30 };
    const timeline = { startUtcMs: Date.UTC(2021, 4, 31, 0), hours: 48, timeZone: "Europe/Helsinki" };
    const s = clearSkySeries({ timeline, site });
    for (let i = 0; i < 48; i++) {
      const mid = timeline.startUtcMs + (i + 0.5) * 3_600_000;
      const z = solarPosition(mid, site).apparentZenithDeg;
      const month = new Date(mid).getUTCMonth();
      const r = clearSkyIneichen({
        apparentZenithDeg: z,
        airmassAbsolute: absoluteAirmass(relativeAirmass(z), pressureFromAltitude(30)),
        linkeTurbidity: KERA_LINKE_TURBIDITY_MONTHLY[month]!,
        altitudeM: 30,
        dniExtra: extraterrestrialIrradiance(Math.floor(dayOfYearUtc(mid))),
      });
      expect(Math.abs(s.ghiWm2[i]! - r.ghi)).toBeLessThan(1e-3);
      expect(Math.abs(s.dniWm2[i]! - r.dni)).toBeLessThan(1e-3);
      if (z >= 90) expect(s.ghiWm2[i]).toBe(0);
    }
    // a clear June noon at 60 N: GHI of the order of 750-850 W/m2
    const noon = Math.max(...s.ghiWm2);
    expect(noon).toBeGreaterThan(700);
    expect(noon).toBeLessThan(900);
  });
});
