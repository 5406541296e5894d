/**
 * Solar constant, W/m2: C. A. Gueymard, "The sun's total and spectral irradiance for solar energy
 * applications and solar radiation models", Solar Energy 76(4):423-453 (2004). Also pvlib's default.
 */
export const SOLAR_CONSTANT_WM2 = 1366.1;

/** Options of {@link extraterrestrialIrradiance}. */
export interface ExtraterrestrialOptions {
  /** Solar constant, W/m2. Default {@link SOLAR_CONSTANT_WM2}. */
  readonly solarConstantWm2?: number;
}

/**
 * Extraterrestrial direct normal irradiance (W/m2) on day `dayOfYear` (1..366), from the Fourier series
 * of the Earth-sun distance of J. W. Spencer, "Fourier series representation of the position of the sun",
 * Search 2(5):172 (1971), with day angle 2 pi (dayOfYear - 1) / 365.
 */
export function extraterrestrialIrradiance(dayOfYear: number, options: ExtraterrestrialOptions = {}): number {
  const b = ((2 * Math.PI) / 365) * (dayOfYear - 1);
  const r =
    1.00011 +
    0.034221 * Math.cos(b) +
    0.00128 * Math.sin(b) +
    0.000719 * Math.cos(2 * b) +
    0.000077 * Math.sin(2 * b);
  return (options.solarConstantWm2 ?? SOLAR_CONSTANT_WM2) * r;
}

/** Day of the year (1..366, fractional) of a Unix time in ms, counted in UTC. */
export function dayOfYearUtc(unixMs: number): number {
  const d = new Date(unixMs);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return 1 + (unixMs - yearStart) / 86_400_000;
}
