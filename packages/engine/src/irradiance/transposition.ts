import { assertNever } from "../errors.js";
import { relativeAirmass } from "./airmass.js";
import { SOLAR_CONSTANT_WM2 } from "./extraterrestrial.js";

const DEG = Math.PI / 180;

/** Sky diffuse models for a tilted plane. */
export type TranspositionModel = "isotropic" | "hay-davies" | "perez";

/**
 * Default ground albedo, 0.20: the "grass" value of pvlib's SURFACE_ALBEDOS table. Snow raises it to
 * about 0.65 (the same table's "snow") in winter, which is not modelled by default.
 */
export const DEFAULT_ALBEDO = 0.2;

/** Angles that define the angle of incidence, degrees (azimuths clockwise from north). */
export interface AoiInput {
  readonly surfaceTiltDeg: number;
  readonly surfaceAzimuthDeg: number;
  readonly solarZenithDeg: number;
  readonly solarAzimuthDeg: number;
}

/** Cosine of the angle of incidence of the beam on the surface (may be negative: sun behind the plane). */
export function aoiProjection(input: AoiInput): number {
  const tilt = input.surfaceTiltDeg * DEG;
  const zen = input.solarZenithDeg * DEG;
  const p =
    Math.cos(tilt) * Math.cos(zen) +
    Math.sin(tilt) * Math.sin(zen) * Math.cos((input.solarAzimuthDeg - input.surfaceAzimuthDeg) * DEG);
  return Math.min(Math.max(p, -1), 1);
}

/** Angle of incidence of the beam on the surface, degrees (0..180). */
export function aoi(input: AoiInput): number {
  return Math.acos(aoiProjection(input)) / DEG;
}

/**
 * Perez et al. (1990) "allsitescomposite1990" brightness coefficients: R. Perez, P. Ineichen, R. Seals,
 * J. Michalsky, R. Stewart, "Modeling daylight availability and irradiance components from direct and
 * global irradiance", Solar Energy 44(5):271-289 (1990), Table 6, as published (three decimals; pvlib uses
 * the same; SAM and EnergyPlus carry 7-digit values from Perez's code that differ by < 0.1 %). One row per sky-clearness bin
 * (upper bin edges 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2, infinity): f11, f12, f13, f21, f22, f23.
 */
// prettier-ignore
export const PEREZ_1990_COEFFICIENTS: readonly number[] = [
  -0.008, 0.588, -0.062, -0.06, 0.072, -0.022,
  0.13, 0.683, -0.151, -0.019, 0.066, -0.029,
  0.33, 0.487, -0.221, 0.055, -0.064, -0.026,
  0.568, 0.187, -0.295, 0.109, -0.152, -0.014,
  0.873, -0.392, -0.362, 0.226, -0.462, 0.001,
  1.132, -1.237, -0.412, 0.288, -0.823, 0.056,
  1.06, -1.6, -0.359, 0.264, -1.127, 0.131,
  0.678, -0.327, -0.25, 0.156, -1.377, 0.251,
];
const PEREZ_EPSILON_EDGES = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2];

/** Perez circumsolar (F1) and horizon (F2) brightness coefficients of one sky state. */
export interface PerezBrightness {
  f1: number;
  f2: number;
}

/**
 * Perez (1990) F1 and F2 for a sky (independent of the tilted surface, so series code computes them once
 * per hour). Sky clearness eps = ((dhi + dni)/dhi + k z^3)/(1 + k z^3), k = 1.041, z the zenith in radians;
 * brightness Delta = dhi * airmass / dniExtra with the relative airmass.
 */
export function perezBrightness(
  dhi: number,
  dni: number,
  dniExtra: number,
  zenithDeg: number,
  airmass: number,
  out: PerezBrightness = { f1: 0, f2: 0 },
): PerezBrightness {
  if (!(dhi > 0) || !(zenithDeg < 90)) {
    out.f1 = 0;
    out.f2 = 0;
    return out;
  }
  const z = zenithDeg * DEG;
  const kz3 = 1.041 * z * z * z;
  const eps = ((dhi + Math.max(dni, 0)) / dhi + kz3) / (1 + kz3);
  let bin = 0;
  while (bin < PEREZ_EPSILON_EDGES.length && eps >= PEREZ_EPSILON_EDGES[bin]!) bin++;
  const delta = (dhi * airmass) / dniExtra;
  const c = bin * 6;
  const k = PEREZ_1990_COEFFICIENTS;
  out.f1 = Math.max(k[c]! + k[c + 1]! * delta + k[c + 2]! * z, 0);
  out.f2 = k[c + 3]! + k[c + 4]! * delta + k[c + 5]! * z;
  return out;
}

/** Inputs of {@link planeOfArrayIrradiance}: irradiances in W/m2, angles in degrees. */
export interface PlaneOfArrayInput extends AoiInput {
  /** Direct normal irradiance, W/m2. */
  readonly dni: number;
  /** Global horizontal irradiance, W/m2. */
  readonly ghi: number;
  /** Diffuse horizontal irradiance, W/m2. */
  readonly dhi: number;
  /** Extraterrestrial normal irradiance, W/m2 (Hay-Davies, Perez). Default the solar constant 1366.1. */
  readonly dniExtra?: number;
  /** Relative airmass (Perez). Default Kasten & Young (1989) of `solarZenithDeg`. */
  readonly airmass?: number;
  /** Ground reflectance, 0..1. Default {@link DEFAULT_ALBEDO}. */
  readonly albedo?: number;
}

/** Irradiance on the plane of array, W/m2; `poaGlobal = poaDirect + poaDiffuse`, `poaDiffuse = sky + ground`. */
export interface PlaneOfArrayIrradiance {
  readonly poaGlobal: number;
  readonly poaDirect: number;
  readonly poaDiffuse: number;
  readonly poaSkyDiffuse: number;
  readonly poaGroundDiffuse: number;
  /** Angle of incidence, degrees. */
  readonly aoiDeg: number;
}

/**
 * Sky diffuse on a tilted plane, W/m2, for one of the models:
 * - isotropic: dhi (1 + cos tilt) / 2 (Liu & Jordan 1963);
 * - hay-davies: J. E. Hay, J. A. Davies (1980): anisotropy index A = dni / dniExtra, circumsolar part
 *   dhi A Rb with Rb = max(cos aoi, 0) / max(cos zenith, cos 89 deg), the rest isotropic;
 * - perez: Perez et al. (1990) with {@link PEREZ_1990_COEFFICIENTS}; cos zenith floored at cos 85 deg;
 *   negative totals are clipped to 0.
 * When the sun is at or below the horizon (an hourly mean can hold twilight diffuse) every model falls
 * back to the isotropic sky, so no measured diffuse is lost.
 */
export function skyDiffuse(input: PlaneOfArrayInput, model: TranspositionModel): number {
  const dhi = Math.max(input.dhi, 0);
  if (!(dhi > 0)) return 0;
  const cosTilt = Math.cos(input.surfaceTiltDeg * DEG);
  const iso = (dhi * (1 + cosTilt)) / 2;
  if (!(input.solarZenithDeg < 90)) return iso;
  const cosZ = Math.cos(input.solarZenithDeg * DEG);
  const cosAoiPos = Math.max(aoiProjection(input), 0);
  const dniExtra = input.dniExtra ?? SOLAR_CONSTANT_WM2;
  switch (model) {
    case "isotropic":
      return iso;
    case "hay-davies": {
      const a = Math.min(Math.max(input.dni, 0) / dniExtra, 1);
      const rb = cosAoiPos / Math.max(cosZ, 0.01745);
      return Math.max(iso * (1 - a), 0) + Math.max(dhi * a * rb, 0);
    }
    case "perez": {
      const am = input.airmass ?? relativeAirmass(input.solarZenithDeg);
      const { f1, f2 } = perezBrightness(dhi, input.dni, dniExtra, input.solarZenithDeg, am);
      const b = Math.max(cosZ, Math.cos(85 * DEG));
      const sky =
        dhi *
        ((1 - f1) * (1 + cosTilt) * 0.5 + (f1 * cosAoiPos) / b + f2 * Math.sin(input.surfaceTiltDeg * DEG));
      return Math.max(sky, 0);
    }
    default:
      return assertNever(model, "transposition model");
  }
}

/** Ground-reflected irradiance on a tilted plane, W/m2: ghi albedo (1 - cos tilt) / 2 (isotropic ground). */
export function groundDiffuse(surfaceTiltDeg: number, ghi: number, albedo: number = DEFAULT_ALBEDO): number {
  return (Math.max(ghi, 0) * albedo * (1 - Math.cos(surfaceTiltDeg * DEG))) / 2;
}

/**
 * Transposes horizontal irradiance (dni, ghi, dhi) to a tilted plane with the chosen sky model, adding
 * the beam (dni max(cos aoi, 0), zero with the sun below the horizon) and the ground-reflected part.
 */
export function planeOfArrayIrradiance(
  input: PlaneOfArrayInput,
  model: TranspositionModel,
): PlaneOfArrayIrradiance {
  const cosAoi = aoiProjection(input);
  const sunUp = input.solarZenithDeg < 90;
  const poaDirect = sunUp ? Math.max(input.dni, 0) * Math.max(cosAoi, 0) : 0;
  const poaSkyDiffuse = skyDiffuse(input, model);
  const poaGroundDiffuse = groundDiffuse(input.surfaceTiltDeg, input.ghi, input.albedo ?? DEFAULT_ALBEDO);
  const poaDiffuse = poaSkyDiffuse + poaGroundDiffuse;
  return {
    poaGlobal: poaDirect + poaDiffuse,
    poaDirect,
    poaDiffuse,
    poaSkyDiffuse,
    poaGroundDiffuse,
    aoiDeg: Math.acos(cosAoi) / DEG,
  };
}
