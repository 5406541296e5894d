import { extraterrestrialIrradiance } from "./extraterrestrial.js";

/** Input of {@link erbsDecomposition}. Irradiances in W/m2, angles in degrees. */
export interface ErbsInput {
  /** Global horizontal irradiance, W/m2. */
  readonly ghi: number;
  /** Solar zenith angle, degrees. */
  readonly zenithDeg: number;
  /** Extraterrestrial normal irradiance, W/m2. Give this or `dayOfYear`. */
  readonly dniExtra?: number;
  /** Day of year (1..366), used for `dniExtra` when that is not given. */
  readonly dayOfYear?: number;
  /** Lower bound of cos(zenith) in the clearness index. Default 0.065 (about 86.3 degrees), as pvlib. */
  readonly minCosZenith?: number;
  /** Above this zenith DNI is set to 0 and all of GHI is diffuse. Default 87 degrees, as pvlib. */
  readonly maxZenithDeg?: number;
}

/** Direct and diffuse parts of a measured global irradiance. */
export interface ErbsResult {
  /** Direct normal irradiance, W/m2. */
  readonly dni: number;
  /** Diffuse horizontal irradiance, W/m2. */
  readonly dhi: number;
  /** Clearness index GHI / (dniExtra cos zenith), 0..1. */
  readonly kt: number;
}

/**
 * Splits global horizontal irradiance into direct and diffuse with the diffuse-fraction correlation of
 * D. G. Erbs, S. A. Klein and J. A. Duffie, "Estimation of the diffuse radiation fraction for hourly,
 * daily and monthly-average global radiation", Solar Energy 28(4):293-302 (1982). Closure holds:
 * ghi = dhi + dni cos(zenith) for every non-negative input.
 */
export function erbsDecomposition(input: ErbsInput): ErbsResult {
  const ghi = Math.max(input.ghi, 0);
  const dniExtra = input.dniExtra ?? extraterrestrialIrradiance(input.dayOfYear ?? 1);
  const cosZ = Math.cos((input.zenithDeg * Math.PI) / 180);
  const minCos = input.minCosZenith ?? 0.065;
  const maxZen = input.maxZenithDeg ?? 87;
  const kt = dniExtra > 0 ? Math.min(Math.max(ghi / (dniExtra * Math.max(cosZ, minCos)), 0), 1) : 0;
  let df: number;
  if (kt <= 0.22) df = 1 - 0.09 * kt;
  else if (kt <= 0.8) df = 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
  else df = 0.165;
  const dhi = df * ghi;
  const dni = (ghi - dhi) / cosZ;
  if (!(input.zenithDeg <= maxZen) || !(dni >= 0) || !Number.isFinite(dni)) return { dni: 0, dhi: ghi, kt };
  return { dni, dhi, kt };
}
