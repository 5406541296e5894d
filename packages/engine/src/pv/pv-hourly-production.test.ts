import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeAirmass } from "../irradiance/airmass.js";
import { dayOfYearUtc, extraterrestrialIrradiance } from "../irradiance/extraterrestrial.js";
import { planeOfArrayIrradiance, type TranspositionModel } from "../irradiance/transposition.js";
import { solarPosition } from "../solar/solar-position.js";
import type { Weather } from "../weather/weather.js";
import { cellTemperature, type CellTemperatureModel } from "./cell-temperature.js";
import { iamMartinRuiz, iamMartinRuizDiffuse } from "./incidence-angle-modifier.js";
import { pvHourlyProduction, pvHourlyProductionDetailed, type PvArray } from "./pv-hourly-production.js";
import { pvwattsAc, pvwattsDc } from "./pvwatts.js";

const site = { latitude: 60.22, longitude: 24.66, altitude: 30 };
const H = 3_600_000;

function weatherOf(
  startUtcMs: number,
  ghi: number[],
  dhi: number[],
  dni: number[],
  t: number[],
  ws: number[],
): Weather {
  return {
    source: "synthetic (test)",
    timeline: { startUtcMs, hours: ghi.length, timeZone: "Europe/Helsinki" },
    temperatureC: Float64Array.from(t),
    relativeHumidityPct: new Float64Array(ghi.length).fill(70),
    windSpeedMs: Float64Array.from(ws),
    ghiWm2: Float64Array.from(ghi),
    dhiWm2: Float64Array.from(dhi),
    dniWm2: Float64Array.from(dni),
  };
}

/** A clear June day in Kera, built from the sun position at each hour's midpoint. */
function juneDay(): Weather {
  const start = Date.UTC(2021, 5, 21, 0);
  const ghi: number[] = [];
  const dhi: number[] = [];
  const dni: number[] = [];
  for (let i = 0; i < 24; i++) {
    const z = solarPosition(start + (i + 0.5) * H, site).apparentZenithDeg;
    const c = Math.max(Math.cos((z * Math.PI) / 180), 0);
    const b = c > 0 ? 850 * c ** 0.3 : 0;
    const d = c > 0 ? 60 + 60 * c : 0;
    dni.push(b);
    dhi.push(d);
    ghi.push(d + b * c);
  }
  return weatherOf(start, ghi, dhi, dni, Array(24).fill(18), Array(24).fill(3));
}

describe("pvHourlyProduction", () => {
  it("equals the composition of the reference-tested scalar models, with the sun at each hour's midpoint", () => {
    const weather = juneDay();
    const cases: { model: TranspositionModel; temperatureModel: CellTemperatureModel; arr: PvArray }[] = [
      {
        model: "perez",
        temperatureModel: "sapm-open-rack-glass-polymer",
        arr: { tiltDeg: 40, azimuthDeg: 180, capacityKwp: 10 },
      },
      {
        model: "hay-davies",
        temperatureModel: "faiman",
        arr: { tiltDeg: 10, azimuthDeg: 95, capacityKwp: 3, dcAcRatio: 1.5 },
      },
      {
        model: "isotropic",
        temperatureModel: "sapm-close-mount-glass-glass",
        arr: { tiltDeg: 90, azimuthDeg: 250, capacityKwp: 1 },
      },
    ];
    for (const { model, temperatureModel, arr } of cases) {
      const full = { ...arr, model, temperatureModel, losses: 0.1, albedo: 0.3 };
      const series = pvHourlyProduction({ weather, site, arrays: [full] });
      for (let i = 0; i < 24; i++) {
        const mid = weather.timeline.startUtcMs + (i + 0.5) * H;
        const sun = solarPosition(mid, site);
        const p = planeOfArrayIrradiance(
          {
            surfaceTiltDeg: arr.tiltDeg,
            surfaceAzimuthDeg: arr.azimuthDeg,
            solarZenithDeg: sun.apparentZenithDeg,
            solarAzimuthDeg: sun.azimuthDeg,
            dni: weather.dniWm2[i]!,
            dhi: weather.dhiWm2[i]!,
            ghi: weather.ghiWm2[i]!,
            dniExtra: extraterrestrialIrradiance(Math.floor(dayOfYearUtc(mid))),
            airmass: relativeAirmass(sun.apparentZenithDeg),
            albedo: 0.3,
          },
          model,
        );
        const poa = p.poaGlobal;
        const iamD = iamMartinRuizDiffuse(arr.tiltDeg);
        const poaEff =
          p.poaDirect * iamMartinRuiz(p.aoiDeg) +
          p.poaSkyDiffuse * iamD.sky +
          p.poaGroundDiffuse * iamD.ground;
        const tc = cellTemperature({ poaGlobal: poa, temperatureC: 18, windSpeedMs: 3 }, temperatureModel);
        const dc = pvwattsDc({
          poaEffective: poaEff,
          cellTemperatureC: tc,
          capacityKwp: arr.capacityKwp,
          losses: 0.1,
        }).dcKw;
        const ac = pvwattsAc({ dcKw: dc, acRatedKw: arr.capacityKwp / (arr.dcAcRatio ?? 1.2) }).acKw;
        expect(Math.abs(series[i]! - ac)).toBeLessThan(1e-6 * (1 + ac));
      }
    }
  });

  it("sums the arrays and keeps an explicit energy balance per array", () => {
    const weather = juneDay();
    const arrays: PvArray[] = [
      { tiltDeg: 10, azimuthDeg: 90, capacityKwp: 5 },
      { tiltDeg: 10, azimuthDeg: 270, capacityKwp: 5 },
    ];
    const r = pvHourlyProductionDetailed({ weather, site, arrays });
    const single = arrays.map((a) => pvHourlyProduction({ weather, site, arrays: [a] }));
    for (let i = 0; i < 24; i++) expect(r.acKwh[i]).toBeCloseTo(single[0]![i]! + single[1]![i]!, 9);
    for (const b of r.arrays) {
      expect(b.dcGrossKwh - b.systemLossKwh).toBeCloseTo(b.dcKwh, 9);
      expect(b.dcKwh - b.inverterLossKwh - b.clippingLossKwh).toBeCloseTo(b.acKwh, 9);
    }
  });

  it("reuses the shared sun and sky per weather and site without mixing sites or irradiance sources", () => {
    const weather = juneDay();
    const arrays = [{ tiltDeg: 35, azimuthDeg: 200, capacityKwp: 2 }];
    const first = pvHourlyProduction({ weather, site, arrays });
    const again = pvHourlyProduction({ weather, site, arrays });
    expect(Array.from(again)).toEqual(Array.from(first));
    const south = pvHourlyProduction({ weather, site: { ...site, latitude: 40 }, arrays });
    expect(Array.from(south)).not.toEqual(Array.from(first));
    const erbs = pvHourlyProduction({ weather, site, arrays, irradiance: "erbs" });
    expect(Array.from(erbs)).not.toEqual(Array.from(first));
    expect(Array.from(pvHourlyProduction({ weather, site, arrays }))).toEqual(Array.from(first));
  });

  it("splits GHI with Erbs when asked, and rejects malformed input", () => {
    const weather = juneDay();
    const ghiOnly = { ...weather, dhiWm2: new Float64Array(24), dniWm2: new Float64Array(24) };
    const measured = pvHourlyProduction({
      weather,
      site,
      arrays: [{ tiltDeg: 40, azimuthDeg: 180, capacityKwp: 1 }],
    });
    const erbs = pvHourlyProduction({
      weather: ghiOnly,
      site,
      irradiance: "erbs",
      arrays: [{ tiltDeg: 40, azimuthDeg: 180, capacityKwp: 1 }],
    });
    const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
    expect(sum(erbs)).toBeGreaterThan(0.7 * sum(measured));
    expect(sum(erbs)).toBeLessThan(1.3 * sum(measured));
    expect(() =>
      pvHourlyProduction({ weather: { ...weather, ghiWm2: new Float64Array(3) }, site, arrays: [] }),
    ).toThrow(/weather-length-mismatch/);
    expect(() =>
      pvHourlyProduction({ weather, site, arrays: [{ tiltDeg: 30, azimuthDeg: 180, capacityKwp: -1 }] }),
    ).toThrow(/invalid-pv-array/);
    expect(() =>
      pvHourlyProduction({
        weather,
        site,
        arrays: [{ tiltDeg: 30, azimuthDeg: 180, capacityKwp: 1, dcAcRatio: 0 }],
      }),
    ).toThrow(/invalid-pv-array/);
    const badModel = { tiltDeg: 30, azimuthDeg: 180, capacityKwp: 1, model: "klucher" } as unknown as PvArray;
    expect(() => pvHourlyProduction({ weather, site, arrays: [badModel] })).toThrow(/unknown sky model/);
  });

  it("property: no NaN or negative power, AC within the inverter ratings, energy conserved", () => {
    const hours = 48;
    const hourArb = fc.record({
      ghi: fc.double({ min: 0, max: 1100, noNaN: true }),
      diffuseShare: fc.double({ min: 0, max: 1, noNaN: true }),
      dni: fc.double({ min: 0, max: 1000, noNaN: true }),
      t: fc.double({ min: -35, max: 35, noNaN: true }),
      ws: fc.double({ min: 0, max: 25, noNaN: true }),
    });
    const arrayArb = fc.record({
      tiltDeg: fc.double({ min: 0, max: 90, noNaN: true }),
      azimuthDeg: fc.double({ min: 0, max: 360, noNaN: true }),
      capacityKwp: fc.double({ min: 0, max: 500, noNaN: true }),
      losses: fc.double({ min: 0, max: 0.5, noNaN: true }),
      dcAcRatio: fc.double({ min: 0.8, max: 2, noNaN: true }),
      model: fc.constantFrom<TranspositionModel>("isotropic", "hay-davies", "perez"),
      temperatureModel: fc.constantFrom<CellTemperatureModel>(
        "sapm-open-rack-glass-polymer",
        "faiman",
        "sapm-insulated-back-glass-polymer",
      ),
    });
    fc.assert(
      fc.property(
        fc.array(hourArb, { minLength: hours, maxLength: hours }),
        fc.array(arrayArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 364 }),
        (hs, arrays, day) => {
          const weather = weatherOf(
            Date.UTC(2021, 0, 1) + day * 86_400_000,
            hs.map((h) => h.ghi),
            hs.map((h) => h.ghi * h.diffuseShare),
            hs.map((h) => h.dni),
            hs.map((h) => h.t),
            hs.map((h) => h.ws),
          );
          const r = pvHourlyProductionDetailed({ weather, site, arrays });
          const ratingKw = arrays.reduce((s, a) => s + a.capacityKwp / a.dcAcRatio, 0);
          for (const v of r.acKwh)
            if (!Number.isFinite(v) || v < 0 || v > ratingKw * (1 + 1e-12)) return false;
          let acTotal = 0;
          for (const b of r.arrays) {
            const parts = [
              b.dcGrossKwh,
              b.systemLossKwh,
              b.dcKwh,
              b.inverterLossKwh,
              b.clippingLossKwh,
              b.acKwh,
            ];
            if (parts.some((p) => !Number.isFinite(p) || p < -1e-9)) return false;
            if (b.acKwh > b.dcKwh + 1e-9) return false;
            if (Math.abs(b.dcKwh - b.inverterLossKwh - b.clippingLossKwh - b.acKwh) > 1e-6 * (1 + b.dcKwh))
              return false;
            acTotal += b.acKwh;
          }
          const seriesTotal = r.acKwh.reduce((s, v) => s + v, 0);
          return Math.abs(seriesTotal - acTotal) <= 1e-6 * (1 + acTotal);
        },
      ),
      { seed: 20261127, numRuns: 150 },
    );
  });
});
