/**
 * Per-unit output of a contracted wind plant from the site's 10 m wind speed, for a model that gives no
 * availability series of its own. Deliberately simple and documented (docs/concepts/network.md):
 * 1. hub-height speed v_hub = v_10 (h_hub / 10 m)^(1/7) with h_hub = 120 m (power law with the 1/7
 *    exponent of neutral stability, Peterson & Hennessey 1978, J. Appl. Meteorol. 17:390);
 * 2. a generic power curve: cut-in 3 m/s, cubic rise to rated at 12 m/s, cut-out 25 m/s (typical of IEC
 *    class II-III turbines);
 * 3. scaled (and clipped at 1) so the annual full-load hours equal `fullLoadHours`, because one weather
 *    station's 10 m wind does not represent a wind farm's site.
 */
export const WIND_HUB_HEIGHT_M = 120;
export const WIND_SHEAR_EXPONENT = 1 / 7;
export const WIND_CUT_IN_MS = 3;
export const WIND_RATED_MS = 12;
export const WIND_CUT_OUT_MS = 25;

export function windPowerCurve(hubSpeedMs: number): number {
  if (hubSpeedMs < WIND_CUT_IN_MS || hubSpeedMs >= WIND_CUT_OUT_MS) return 0;
  if (hubSpeedMs >= WIND_RATED_MS) return 1;
  const a = Math.pow(WIND_CUT_IN_MS, 3);
  return (Math.pow(hubSpeedMs, 3) - a) / (Math.pow(WIND_RATED_MS, 3) - a);
}

/** Per-unit hourly output (0..1), scaled to `fullLoadHours` per 8760 h (pro rata for shorter timelines). */
export function windAvailability(windSpeed10mMs: Float64Array, fullLoadHours: number): Float64Array {
  const n = windSpeed10mMs.length;
  const shear = Math.pow(WIND_HUB_HEIGHT_M / 10, WIND_SHEAR_EXPONENT);
  const raw = windSpeed10mMs.map((v) => windPowerCurve(Math.max(0, v) * shear));
  const wanted = (fullLoadHours * n) / 8760;
  let out = raw;
  // Scale towards the wanted energy; clipping at 1 needs a few rounds.
  for (let round = 0; round < 20; round++) {
    let total = 0;
    for (const v of out) total += v;
    if (total <= 0 || Math.abs(total - wanted) < 1e-9 * Math.max(1, wanted)) break;
    const k = wanted / total;
    out = out.map((v) => Math.min(1, v * k));
  }
  return out;
}
