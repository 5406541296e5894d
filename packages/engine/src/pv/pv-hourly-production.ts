import { EngineError } from "../errors.js";
import { erbsDecomposition } from "../irradiance/decomposition.js";
import { dayOfYearUtc, extraterrestrialIrradiance } from "../irradiance/extraterrestrial.js";
import { relativeAirmass } from "../irradiance/airmass.js";
import { DEFAULT_ALBEDO, perezBrightness, type TranspositionModel } from "../irradiance/transposition.js";
import { solarPositionSeries } from "../solar/solar-position-series.js";
import { MS_PER_HOUR } from "../time/timeline.js";
import type { Weather } from "../weather/weather.js";
import {
  FAIMAN_U0,
  FAIMAN_U1,
  SAPM_TEMPERATURE_PARAMETERS,
  type CellTemperatureModel,
} from "./cell-temperature.js";
import { iamMartinRuizDiffuse, MARTIN_RUIZ_A_R } from "./incidence-angle-modifier.js";
import {
  DEFAULT_GAMMA_PDC,
  PVWATTS_DEFAULT_LOSS_FRACTION,
  PVWATTS_INVERTER_NOMINAL_EFFICIENCY,
  PVWATTS_INVERTER_REFERENCE_EFFICIENCY,
} from "./pvwatts.js";

const DEG = Math.PI / 180;

/**
 * DC/AC sizing ratio default, 1.2: the default "DC to AC size ratio" of NREL's PVWatts web calculator
 * (to be re-checked against its current help page; the ratio sets the inverter AC rating and clipping).
 */
export const DEFAULT_DC_AC_RATIO = 1.2;

/** One PV array (a plane of modules with its own inverter capacity). */
export interface PvArray {
  /** Module tilt from horizontal, degrees (0..90). */
  readonly tiltDeg: number;
  /** Azimuth the modules face, degrees clockwise from north (180 = south). */
  readonly azimuthDeg: number;
  /** DC nameplate, kWp. */
  readonly capacityKwp: number;
  /** DC system losses, fraction 0..1. Default PVWatts 14.08 % ({@link PVWATTS_DEFAULT_LOSS_FRACTION}). */
  readonly losses?: number;
  /** Power temperature coefficient, 1/degC. Default -0.0035. */
  readonly gammaPdc?: number;
  /** Nominal inverter efficiency. Default 0.96. */
  readonly inverterEfficiency?: number;
  /** DC/AC ratio: inverter AC rating = capacityKwp / dcAcRatio. Default {@link DEFAULT_DC_AC_RATIO}. */
  readonly dcAcRatio?: number;
  /** Sky model. Default "perez". */
  readonly model?: TranspositionModel;
  /** Cell temperature model. Default "sapm-open-rack-glass-polymer". */
  readonly temperatureModel?: CellTemperatureModel;
  /** Ground albedo in front of this array. Default the site's, else 0.2. */
  readonly albedo?: number;
  /**
   * Reflection losses at the module glass: "martin-ruiz" (default; Martin & Ruiz 2001, a_r 0.16, beam by
   * angle of incidence, sky and ground diffuse by their analytical averages) or "none".
   */
  readonly iam?: "martin-ruiz" | "none";
}

/** The site of a PV installation. */
export interface PvSite {
  readonly latitude: number;
  readonly longitude: number;
  /** Elevation, m. Default 0. */
  readonly altitude?: number;
  /** Ground albedo. Default {@link DEFAULT_ALBEDO}. */
  readonly albedo?: number;
}

/** Inputs of {@link pvHourlyProduction}. */
export interface PvHourlyProductionInput {
  /** Hourly weather; value i is the mean over [t_i, t_i + 1 h) UTC. */
  readonly weather: Weather;
  readonly site: PvSite;
  readonly arrays: readonly PvArray[];
  /**
   * Where DNI and DHI come from: "measured" (the weather's own columns, default) or "erbs" (split from
   * GHI with Erbs et al. 1982, for weather that only has global irradiance).
   */
  readonly irradiance?: "measured" | "erbs";
}

/** Yearly (whole-series) energy balance of one array; kWh, except the insolation. */
export interface PvArrayEnergyBalance {
  readonly capacityKwp: number;
  /** Plane-of-array insolation, kWh/m2. */
  readonly poaInsolationKwhPerM2: number;
  /** Insolation reaching the cells after reflection (incidence-angle) losses, kWh/m2. */
  readonly poaEffectiveKwhPerM2: number;
  /** DC energy before system losses. */
  readonly dcGrossKwh: number;
  readonly systemLossKwh: number;
  /** DC energy into the inverter = dcGrossKwh - systemLossKwh. */
  readonly dcKwh: number;
  readonly inverterLossKwh: number;
  readonly clippingLossKwh: number;
  /** AC energy = dcKwh - inverterLossKwh - clippingLossKwh. */
  readonly acKwh: number;
}

/** Result of {@link pvHourlyProductionDetailed}. */
export interface PvHourlyProductionResult {
  /** AC energy of all arrays per hour, kWh (the mean AC power over the hour, kW). */
  readonly acKwh: Float64Array;
  /** One energy balance per array, in input order. */
  readonly arrays: readonly PvArrayEnergyBalance[];
}

interface ResolvedArray {
  cosT: number;
  sinT: number;
  cosAz: number;
  sinAz: number;
  capacityKwp: number;
  losses: number;
  gamma: number;
  etaNom: number;
  pac0: number;
  model: TranspositionModel;
  sapm: boolean;
  a: number;
  b: number;
  deltaT: number;
  albedo: number;
  iamOn: boolean;
  iamSky: number;
  iamGround: number;
}

function resolveArray(arr: PvArray, index: number, siteAlbedo: number): ResolvedArray {
  const bad = (what: string): never => {
    throw new EngineError("invalid-pv-array", `arrays[${index}]: ${what}`);
  };
  if (!(arr.capacityKwp >= 0)) bad("capacityKwp must be >= 0");
  if (!(arr.tiltDeg >= 0 && arr.tiltDeg <= 180)) bad("tiltDeg must be within 0..180");
  if (!Number.isFinite(arr.azimuthDeg)) bad("azimuthDeg must be finite");
  const dcAcRatio = arr.dcAcRatio ?? DEFAULT_DC_AC_RATIO;
  if (!(dcAcRatio > 0)) bad("dcAcRatio must be > 0");
  const losses = arr.losses ?? PVWATTS_DEFAULT_LOSS_FRACTION;
  if (!(losses >= 0 && losses <= 1)) bad("losses must be a fraction within 0..1");
  const tm = arr.temperatureModel ?? "sapm-open-rack-glass-polymer";
  const sapm = tm !== "faiman";
  const p = sapm ? SAPM_TEMPERATURE_PARAMETERS[tm] : undefined;
  if (sapm && p === undefined) bad(`unknown temperature model ${tm}`);
  const model = arr.model ?? "perez";
  if (model !== "perez" && model !== "hay-davies" && model !== "isotropic")
    bad(`unknown sky model ${String(model)}`);
  const iam = arr.iam ?? "martin-ruiz";
  if (iam !== "martin-ruiz" && iam !== "none") bad(`unknown iam ${String(iam)}`);
  const iamOn = iam === "martin-ruiz";
  const diffuseIam = iamOn ? iamMartinRuizDiffuse(arr.tiltDeg) : { sky: 1, ground: 1 };
  return {
    cosT: Math.cos(arr.tiltDeg * DEG),
    sinT: Math.sin(arr.tiltDeg * DEG),
    cosAz: Math.cos(arr.azimuthDeg * DEG),
    sinAz: Math.sin(arr.azimuthDeg * DEG),
    capacityKwp: arr.capacityKwp,
    losses,
    gamma: arr.gammaPdc ?? DEFAULT_GAMMA_PDC,
    etaNom: arr.inverterEfficiency ?? PVWATTS_INVERTER_NOMINAL_EFFICIENCY,
    pac0: arr.capacityKwp / dcAcRatio,
    model,
    sapm,
    // Faiman stores u0 in `a` and u1 in `b`
    a: p?.a ?? FAIMAN_U0,
    b: p?.b ?? FAIMAN_U1,
    deltaT: p?.deltaT ?? 0,
    albedo: arr.albedo ?? siteAlbedo,
    iamOn,
    iamSky: diffuseIam.sky,
    iamGround: diffuseIam.ground,
  };
}

/** Sun and sky per hour, shared by all arrays (and cached per weather object and site). */
interface HourlySky {
  readonly cosZ: Float64Array;
  readonly sinZ: Float64Array;
  readonly cosSunAz: Float64Array;
  readonly sinSunAz: Float64Array;
  readonly dni: Float64Array;
  readonly dhi: Float64Array;
  readonly ghi: Float64Array;
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  readonly hayA: Float64Array;
  readonly sunUp: Uint8Array;
}

/**
 * Memo of {@link computeHourlySky} keyed by the (immutable) weather object, then by site and irradiance
 * source. It only avoids recomputing a pure function: the district builder calls pvHourlyProduction once per
 * PV asset on the same weather, and the solar geometry is the costly part. Weather series must not be
 * mutated in place after use (the engine treats them as immutable values).
 */
const skyCache = new WeakMap<Weather, Map<string, HourlySky>>();

function hourlySky(weather: Weather, site: PvSite, useErbs: boolean): HourlySky {
  const key = `${site.latitude}|${site.longitude}|${site.altitude ?? 0}|${useErbs ? "erbs" : "measured"}`;
  let byKey = skyCache.get(weather);
  if (byKey === undefined) {
    byKey = new Map();
    skyCache.set(weather, byKey);
  }
  let sky = byKey.get(key);
  if (sky === undefined) {
    sky = computeHourlySky(weather, site, useErbs);
    byKey.set(key, sky);
  }
  return sky;
}

function computeHourlySky(weather: Weather, site: PvSite, useErbs: boolean): HourlySky {
  const n = weather.timeline.hours;
  const sun = solarPositionSeries({
    startUtcMs: weather.timeline.startUtcMs + MS_PER_HOUR / 2,
    count: n,
    site: { latitude: site.latitude, longitude: site.longitude, altitude: site.altitude ?? 0 },
  });
  const cosZ = new Float64Array(n);
  const sinZ = new Float64Array(n);
  const cosSunAz = new Float64Array(n);
  const sinSunAz = new Float64Array(n);
  const dni = new Float64Array(n);
  const dhi = new Float64Array(n);
  const ghi = new Float64Array(n);
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  const hayA = new Float64Array(n);
  const sunUp = new Uint8Array(n);
  const brightness = { f1: 0, f2: 0 };
  let dayStartMs = Number.NaN;
  let dniExtra = 0;
  for (let i = 0; i < n; i++) {
    const zen = sun.apparentZenithDeg[i]!;
    const az = sun.azimuthDeg[i]! * DEG;
    const g = Math.max(weather.ghiWm2[i]!, 0);
    const midMs = weather.timeline.startUtcMs + (i + 0.5) * MS_PER_HOUR;
    if (!(midMs - dayStartMs < 86_400_000 && midMs >= dayStartMs)) {
      dayStartMs = Math.floor(midMs / 86_400_000) * 86_400_000;
      dniExtra = extraterrestrialIrradiance(Math.floor(dayOfYearUtc(midMs)));
    }
    cosZ[i] = Math.cos(zen * DEG);
    sinZ[i] = Math.sin(zen * DEG);
    cosSunAz[i] = Math.cos(az);
    sinSunAz[i] = Math.sin(az);
    ghi[i] = g;
    let b: number;
    let d: number;
    if (useErbs) {
      const r = erbsDecomposition({ ghi: g, zenithDeg: zen, dniExtra });
      b = r.dni;
      d = r.dhi;
    } else {
      b = Math.max(weather.dniWm2[i]!, 0);
      d = Math.max(weather.dhiWm2[i]!, 0);
    }
    dni[i] = b;
    dhi[i] = d;
    const up = zen < 90;
    sunUp[i] = up ? 1 : 0;
    if (up && d > 0) {
      perezBrightness(d, b, dniExtra, zen, relativeAirmass(zen), brightness);
      f1[i] = brightness.f1;
      f2[i] = brightness.f2;
      hayA[i] = Math.min(b / dniExtra, 1);
    }
  }

  return { cosZ, sinZ, cosSunAz, sinSunAz, dni, dhi, ghi, f1, f2, hayA, sunUp };
}

/**
 * Hourly AC production of a set of PV arrays, with a per-array energy balance. For every hour the sun is
 * placed at the MIDPOINT of the hour (NREL SPA), the weather is transposed to each plane (isotropic,
 * Hay-Davies or Perez sky, plus ground reflection), reflection losses at the glass follow Martin & Ruiz
 * (2001), cell temperature follows SAPM or Faiman (driven by the unreflected POA), DC power
 * PVWatts with a temperature coefficient and explicit system losses, and AC power the PVWatts inverter
 * with clipping at capacity / dcAcRatio. Solar geometry and sky brightness are computed once per hour
 * and shared by all arrays; the inner loop allocates nothing.
 */
export function pvHourlyProductionDetailed(input: PvHourlyProductionInput): PvHourlyProductionResult {
  const { weather, site } = input;
  const n = weather.timeline.hours;
  for (const [name, series] of [
    ["ghiWm2", weather.ghiWm2],
    ["dhiWm2", weather.dhiWm2],
    ["dniWm2", weather.dniWm2],
    ["temperatureC", weather.temperatureC],
    ["windSpeedMs", weather.windSpeedMs],
  ] as const) {
    if (series.length !== n) {
      throw new EngineError(
        "weather-length-mismatch",
        `weather.${name} has ${series.length} values for ${n} hours`,
      );
    }
  }
  const siteAlbedo = site.albedo ?? DEFAULT_ALBEDO;
  const arrays = input.arrays.map((a, i) => resolveArray(a, i, siteAlbedo));
  const useErbs = input.irradiance === "erbs";

  const { cosZ, sinZ, cosSunAz, sinSunAz, dni, dhi, ghi, f1, f2, hayA, sunUp } = hourlySky(
    weather,
    site,
    useErbs,
  );
  const cos85 = Math.cos(85 * DEG);

  const acKwh = new Float64Array(n);
  const balances: PvArrayEnergyBalance[] = [];
  for (const arr of arrays) {
    const { cosT, sinT, capacityKwp, losses, gamma, etaNom, pac0, sapm, a, b, deltaT, albedo } = arr;
    const isoFactor = (1 + cosT) / 2;
    const groundFactor = (albedo * (1 - cosT)) / 2;
    const modelCode = arr.model === "perez" ? 2 : arr.model === "hay-davies" ? 1 : 0;
    const pdc0Inv = pac0 / etaNom;
    const etaScale = etaNom / PVWATTS_INVERTER_REFERENCE_EFFICIENCY;
    const iamOn = arr.iamOn;
    const iamNorm = 1 / (1 - Math.exp(-1 / MARTIN_RUIZ_A_R));
    const iamSky = arr.iamSky;
    let poaSum = 0;
    let poaEffSum = 0;
    let dcGrossSum = 0;
    let lossSum = 0;
    let invLossSum = 0;
    let clipSum = 0;
    let acSum = 0;
    for (let i = 0; i < n; i++) {
      const d = dhi[i]!;
      const g = ghi[i]!;
      const ground = g * groundFactor;
      let beam = 0;
      let beamEff = 0;
      let sky = 0;
      if (sunUp[i] === 1) {
        const cz = cosZ[i]!;
        const cosAoi = cosT * cz + sinT * sinZ[i]! * (cosSunAz[i]! * arr.cosAz + sinSunAz[i]! * arr.sinAz);
        const c = cosAoi > 0 ? cosAoi : 0;
        beam = dni[i]! * c;
        beamEff = iamOn && c > 0 ? beam * (1 - Math.exp(-c / MARTIN_RUIZ_A_R)) * iamNorm : beam;
        if (d > 0) {
          if (modelCode === 2) {
            const f = f1[i]!;
            const s = d * ((1 - f) * isoFactor + (f * c) / (cz > cos85 ? cz : cos85) + f2[i]! * sinT);
            sky = s > 0 ? s : 0;
          } else if (modelCode === 1) {
            const ai = hayA[i]!;
            sky = d * isoFactor * (1 - ai) + (d * ai * c) / (cz > 0.01745 ? cz : 0.01745);
          } else {
            sky = d * isoFactor;
          }
        }
      } else {
        sky = d * isoFactor;
      }
      const poa = beam + sky + ground;
      if (!(poa > 0)) continue;
      const poaEff = iamOn ? beamEff + sky * iamSky + ground * arr.iamGround : poa;
      poaSum += poa;
      poaEffSum += poaEff;
      const ws = weather.windSpeedMs[i]! > 0 ? weather.windSpeedMs[i]! : 0;
      const ta = weather.temperatureC[i]!;
      const tc = sapm ? poa * Math.exp(a + b * ws) + ta + (poa / 1000) * deltaT : ta + poa / (a + b * ws);
      let dcGross = capacityKwp * (poaEff / 1000) * (1 + gamma * (tc - 25));
      if (!(dcGross > 0)) dcGross = 0;
      const loss = dcGross * losses;
      const dc = dcGross - loss;
      dcGrossSum += dcGross;
      lossSum += loss;
      if (!(dc > 0) || !(pac0 > 0)) {
        invLossSum += dc;
        continue;
      }
      const zeta = dc / pdc0Inv;
      const acRaw = etaScale * (-0.0162 * zeta - 0.0059 / zeta + 0.9858) * dc;
      if (!(acRaw > 0)) {
        invLossSum += dc;
        continue;
      }
      const ac = acRaw < pac0 ? acRaw : pac0;
      invLossSum += dc - acRaw;
      clipSum += acRaw - ac;
      acSum += ac;
      acKwh[i] = acKwh[i]! + ac;
    }
    balances.push({
      capacityKwp,
      poaInsolationKwhPerM2: poaSum / 1000,
      poaEffectiveKwhPerM2: poaEffSum / 1000,
      dcGrossKwh: dcGrossSum,
      systemLossKwh: lossSum,
      dcKwh: dcGrossSum - lossSum,
      inverterLossKwh: invLossSum,
      clippingLossKwh: clipSum,
      acKwh: acSum,
    });
  }
  return { acKwh, arrays: balances };
}

/** Hourly AC energy of all arrays, kWh per hour of the weather's timeline (see {@link pvHourlyProductionDetailed}). */
export function pvHourlyProduction(input: PvHourlyProductionInput): Float64Array {
  return pvHourlyProductionDetailed(input).acKwh;
}
