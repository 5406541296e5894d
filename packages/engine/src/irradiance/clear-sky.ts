/** Input of {@link clearSkyIneichen}. */
export interface IneichenInput {
  /** Apparent (refracted) solar zenith angle, degrees. */
  readonly apparentZenithDeg: number;
  /** Absolute (pressure-corrected) airmass, e.g. absoluteAirmass(relativeAirmass(apparentZenith), p). */
  readonly airmassAbsolute: number;
  /** Linke turbidity factor (airmass-2 convention), typically 2..7. */
  readonly linkeTurbidity: number;
  /** Site altitude, m. Default 0. */
  readonly altitudeM?: number;
  /**
   * Extraterrestrial normal irradiance, W/m2. Default 1364, the constant that pvlib uses for this model;
   * pass extraterrestrialIrradiance(dayOfYear) for the Earth-sun distance of the day.
   */
  readonly dniExtra?: number;
  /** Multiply GHI by exp(0.01 AM^1.8), Perez's enhancement for low sun (off by default, as in pvlib). */
  readonly perezEnhancement?: boolean;
}

/** Clear-sky irradiance, W/m2. */
export interface ClearSkyIrradiance {
  readonly ghi: number;
  readonly dni: number;
  readonly dhi: number;
}

/**
 * Ineichen-Perez clear-sky model: P. Ineichen and R. Perez, "A new airmass independent formulation for
 * the Linke turbidity coefficient", Solar Energy 73(3):151-157 (2002), with the altitude terms of that
 * paper and the beam limit of R. Perez et al. (2002). Zero when the sun is at or below the horizon.
 */
export function clearSkyIneichen(input: IneichenInput): ClearSkyIrradiance {
  const tl = input.linkeTurbidity;
  const am = input.airmassAbsolute;
  const alt = input.altitudeM ?? 0;
  const i0 = input.dniExtra ?? 1364;
  const cosZ = Math.max(Math.cos((input.apparentZenithDeg * Math.PI) / 180), 0);
  if (!(cosZ > 0) || !(am > 0) || !Number.isFinite(am)) return { ghi: 0, dni: 0, dhi: 0 };
  const fh1 = Math.exp(-alt / 8000);
  const fh2 = Math.exp(-alt / 1250);
  const cg1 = 5.09e-5 * alt + 0.868;
  const cg2 = 3.92e-5 * alt + 0.0387;
  let ghi = cg1 * i0 * cosZ * Math.exp(-cg2 * am * (fh1 + fh2 * (tl - 1)));
  if (input.perezEnhancement === true) ghi *= Math.exp(0.01 * am ** 1.8);
  ghi = Math.max(ghi, 0);
  const b = 0.664 + 0.163 / fh1;
  const bnci = b * i0 * Math.exp(-0.09 * am * (tl - 1));
  const bnci2 =
    ghi * Math.min(Math.max((1 - (0.1 - 0.2 * Math.exp(-tl)) / (0.1 + 0.882 / fh1)) / cosZ, 0), 1e20);
  const dni = Math.max(Math.min(bnci, bnci2), 0);
  const dhi = Math.max(ghi - dni * cosZ, 0);
  return { ghi, dni, dhi };
}

/**
 * Linke turbidity implied by a measured direct normal irradiance, by inverting the Ineichen-Perez beam
 * equation dni = b I0 exp(-0.09 AM (TL - 1)) (sea level: b = 0.827). Used to derive the monthly default
 * {@link KERA_LINKE_TURBIDITY_MONTHLY} from the clearest hours of the TRY2020 Vantaa weather.
 */
export function linkeTurbidityFromDni(
  dni: number,
  airmassAbsolute: number,
  dniExtra: number,
  altitudeM = 0,
): number {
  const b = 0.664 + 0.163 / Math.exp(-altitudeM / 8000);
  return 1 + Math.log((b * dniExtra) / dni) / (0.09 * airmassAbsolute);
}

/**
 * Monthly Linke turbidity default for Kera/Helsinki (January..December), DERIVED here, not measured:
 * for each month, the 5th percentile of the turbidity implied by the hourly DNI of the FMI TRY2020
 * Vantaa test reference year (hours with apparent zenith < 85 degrees and DNI > 0), via
 * {@link linkeTurbidityFromDni} (Ineichen & Perez 2002 beam equation). The 5th percentile stands for the
 * clearest hours. The derivation is repeated in packages/engine/src/pv/kera-yield.test.ts. The SoDa
 * climatology of Remund et al. (2003), which pvlib ships, could not be read offline to cross-check it
 * (see docs/physics/solar-and-pv.md).
 */
export const KERA_LINKE_TURBIDITY_MONTHLY: readonly number[] = [
  2.25, 2.26, 2.21, 2.21, 2.54, 2.46, 2.52, 2.72, 2.56, 2.17, 2.14, 2.05,
];
