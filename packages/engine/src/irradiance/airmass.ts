/** Standard sea-level pressure, Pa. */
export const STANDARD_PRESSURE_PA = 101325;

/**
 * Relative (pressure-independent) optical airmass for a zenith angle in degrees, after F. Kasten and
 * A. T. Young, "Revised optical air mass tables and approximation formula", Applied Optics 28:4735 (1989).
 * Use the apparent (refracted) zenith. Returns NaN when the sun is below the horizon (zenith > 90).
 */
export function relativeAirmass(zenithDeg: number): number {
  if (!(zenithDeg <= 90)) return Number.NaN;
  const z = Math.max(zenithDeg, 0);
  return 1 / (Math.cos((z * Math.PI) / 180) + 0.50572 * (96.07995 - z) ** -1.6364);
}

/** Absolute (pressure-corrected) airmass: relative airmass times pressure / 101325 Pa. */
export function absoluteAirmass(airmassRelative: number, pressurePa: number = STANDARD_PRESSURE_PA): number {
  return (airmassRelative * pressurePa) / STANDARD_PRESSURE_PA;
}
