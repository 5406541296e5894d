import { solarPositionSeries } from "../solar/index.js";
import { civilFromDays, daysFromCivil } from "../time/civil-date.js";
import type { Weather } from "../weather/weather.js";

/** Site coordinates in degrees (north and east positive). */
export interface BuildingSite {
  readonly latitude: number;
  readonly longitude: number;
}

/** Hourly irradiance on the four vertical facades (N, E, S, W), W/m2, isotropic sky. */
export interface FacadeIrradiance {
  readonly northWm2: Float64Array;
  readonly eastWm2: Float64Array;
  readonly southWm2: Float64Array;
  readonly westWm2: Float64Array;
}

const DEG = Math.PI / 180;
/** Ground reflectance (albedo) used for the facades; 0.2 is the common default (ISO 52010-1 / pvlib default). */
export const FACADE_ALBEDO = 0.2;

/**
 * Cosine of the solar zenith and the solar azimuth (radians, clockwise from north) at the instant `utcMs`:
 * the simple Spencer (1971) Fourier series for declination and equation of time with the hour angle from UTC
 * and longitude (J. W. Spencer, "Fourier series representation of the position of the sun", Search 2(5), 1971;
 * equations as given in Duffie & Beckman, Solar Engineering of Thermal Processes, 4th ed., §1.4–1.6).
 * Accuracy about 0.5 degrees. Not used by `facadeIrradiance` any more (it uses the NREL SPA series from
 * ../solar/); kept as a light cross-check and for callers without the SPA tables.
 */
export function simpleSunPosition(
  utcMs: number,
  latitudeDeg: number,
  longitudeDeg: number,
): { cosZenith: number; azimuthRad: number } {
  const days = Math.floor(utcMs / 86_400_000);
  const utcHours = (utcMs - days * 86_400_000) / 3_600_000;
  const year = civilFromDays(days).year;
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  // Fractional year (Spencer's day angle), radians.
  const g = (2 * Math.PI * (dayOfYear - 1 + (utcHours - 12) / 24)) / 365;
  const decl =
    0.006918 -
    0.399912 * Math.cos(g) +
    0.070257 * Math.sin(g) -
    0.006758 * Math.cos(2 * g) +
    0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) +
    0.00148 * Math.sin(3 * g);
  const eotMin =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(g) -
      0.032077 * Math.sin(g) -
      0.014615 * Math.cos(2 * g) -
      0.040849 * Math.sin(2 * g));
  const solarTimeH = utcHours + longitudeDeg / 15 + eotMin / 60;
  const hourAngle = (solarTimeH - 12) * 15 * DEG;
  const lat = latitudeDeg * DEG;
  const cosZ = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
  const sinZ = Math.sqrt(Math.max(0, 1 - cosZ * cosZ));
  let az = 0;
  if (sinZ > 1e-9) {
    const cosAz = (Math.sin(decl) - Math.sin(lat) * cosZ) / (Math.cos(lat) * sinZ);
    az = Math.acos(Math.max(-1, Math.min(1, cosAz)));
    if (hourAngle > 0) az = 2 * Math.PI - az;
  }
  return { cosZenith: cosZ, azimuthRad: az };
}

const cache = new WeakMap<Weather, Map<string, FacadeIrradiance>>();

/**
 * Irradiance on vertical N/E/S/W facades for each weather hour (sun at the hour's midpoint from the NREL SPA
 * series `solarPositionSeries` in ../solar/), isotropic sky:
 * `G = DNI·max(0, cos θi) + DHI·(1 + cos 90°)/2 + GHI·ρg·(1 − cos 90°)/2` (Liu & Jordan 1960; Duffie &
 * Beckman eq. 2.15.1), with `cos θi = sin θz · cos(γs − γ)` for a vertical surface of azimuth γ.
 * Cached per weather object and site, so many building groups share one computation.
 */
export function facadeIrradiance(weather: Weather, site: BuildingSite): FacadeIrradiance {
  const key = `${site.latitude},${site.longitude}`;
  let perSite = cache.get(weather);
  const hit = perSite?.get(key);
  if (hit) return hit;
  const n = weather.timeline.hours;
  const north = new Float64Array(n);
  const east = new Float64Array(n);
  const south = new Float64Array(n);
  const west = new Float64Array(n);
  const sun = solarPositionSeries({
    startUtcMs: weather.timeline.startUtcMs + 1_800_000,
    count: n,
    site: { latitude: site.latitude, longitude: site.longitude },
  });
  for (let i = 0; i < n; i++) {
    const ghi = Math.max(0, weather.ghiWm2[i] ?? 0);
    const dhi = Math.max(0, weather.dhiWm2[i] ?? 0);
    const dni = Math.max(0, weather.dniWm2[i] ?? 0);
    const diffuse = 0.5 * dhi + 0.5 * FACADE_ALBEDO * ghi;
    let bN = 0;
    let bE = 0;
    let bS = 0;
    let bW = 0;
    const zen = (sun.apparentZenithDeg[i] ?? 90) * DEG;
    if (dni > 0 && zen < Math.PI / 2) {
      const sinZ = Math.sin(zen);
      const az = (sun.azimuthDeg[i] ?? 0) * DEG;
      const c = Math.cos(az);
      const s = Math.sin(az);
      bN = dni * Math.max(0, sinZ * c);
      bS = dni * Math.max(0, -sinZ * c);
      bE = dni * Math.max(0, sinZ * s);
      bW = dni * Math.max(0, -sinZ * s);
    }
    north[i] = bN + diffuse;
    east[i] = bE + diffuse;
    south[i] = bS + diffuse;
    west[i] = bW + diffuse;
  }
  const result: FacadeIrradiance = { northWm2: north, eastWm2: east, southWm2: south, westWm2: west };
  if (!perSite) {
    perSite = new Map();
    cache.set(weather, perSite);
  }
  perSite.set(key, result);
  return result;
}
