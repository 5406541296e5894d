import {
  apparentSiderealTimeDeg,
  computeSpaGeocentric,
  createSpaGeocentric,
  decimalYearFromUnixMs,
  deltaTSecondsEstimate,
  julianDayFromUnixMs,
  SPA_ATMOSPHERIC_REFRACTION_DEG,
  SPA_SUN_RADIUS_DEG,
  type SolarSite,
} from "./solar-position.js";

const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;
const MS_PER_DAY = 86_400_000;

/** A site with the UTC offset that defines its calendar day. */
export interface SunriseSite extends SolarSite {
  /** Offset of the local (standard) time from UTC, hours; selects which calendar day is meant. Default 0. */
  readonly utcOffsetHours?: number;
}

/** Sunrise, sunset and solar noon of one local calendar day. */
export interface SunriseSunsetTransit {
  /** "polar-day": the sun never sets; "polar-night": it never rises; then sunrise and sunset are null. */
  readonly kind: "normal" | "polar-day" | "polar-night";
  /** Sunrise (upper limb on the refracted horizon), Unix ms UTC. */
  readonly sunriseUtcMs: number | null;
  /** Sunset, Unix ms UTC. */
  readonly sunsetUtcMs: number | null;
  /** Sun transit (solar noon), Unix ms UTC. */
  readonly transitUtcMs: number;
  /** Geocentric elevation of the sun at transit, degrees. */
  readonly transitElevationDeg: number;
}

function frac01(x: number): number {
  const r = x - Math.floor(x);
  return r < 0 ? r + 1 : r;
}

function wrap180(x: number): number {
  let r = x % 360;
  if (r > 180) r -= 360;
  else if (r <= -180) r += 360;
  return r;
}

/** SPA eq. A.2-style central interpolation; differences are wrapped so right ascension may cross 360. */
function interpolateAngle(yMinus: number, y0: number, yPlus: number, n: number): number {
  const a = wrap180(y0 - yMinus);
  const b = wrap180(yPlus - y0);
  return y0 + (n * (a + b + (b - a) * n)) / 2;
}

/**
 * Sunrise, sunset and sun transit for the local calendar day that contains `date`, after appendix A.2 of
 * Reda & Andreas (2004) (SPA): the sun's centre at h0' = -(0.26667 + 0.5667) degrees, i.e. the upper limb
 * on the horizon with standard refraction. Differences of right ascension are wrapped to +/-180 degrees
 * (SPA limits them to [0, 1) instead, which misbehaves when the right ascension crosses 360).
 * Accurate to a few seconds for mid latitudes; near the polar circles rise/set times become ill-conditioned.
 */
export function sunriseSunsetTransit(date: Date | number, site: SunriseSite): SunriseSunsetTransit {
  const unixMs = typeof date === "number" ? date : date.getTime();
  const offsetHours = site.utcOffsetHours ?? 0;
  const shiftMs = offsetHours * 3_600_000;
  const dayStartMs = Math.floor((unixMs + shiftMs) / MS_PER_DAY) * MS_PER_DAY; // the local date, at 0 h UT
  const jd0 = julianDayFromUnixMs(dayStartMs);
  const deltaT = site.deltaTSeconds ?? deltaTSecondsEstimate(decimalYearFromUnixMs(dayStartMs));
  const lat = site.latitude;
  const lon = site.longitude;
  const sinLat = Math.sin(lat * DEG);
  const cosLat = Math.cos(lat * DEG);

  const geo = computeSpaGeocentric(jd0 + deltaT / 86400, createSpaGeocentric());
  const nu = apparentSiderealTimeDeg(jd0, geo.deltaPsiDeg, geo.epsilonDeg);
  const alpha: number[] = [];
  const delta: number[] = [];
  for (let k = -1; k <= 1; k++) {
    const g = computeSpaGeocentric(jd0 + k, createSpaGeocentric());
    alpha.push(g.alphaDeg);
    delta.push(g.deltaDeg);
  }
  const [aM, a0, aP] = alpha as [number, number, number];
  const [dM, d0, dP] = delta as [number, number, number];
  const h0Prime = -(SPA_SUN_RADIUS_DEG + SPA_ATMOSPHERIC_REFRACTION_DEG);

  const toUtcMs = (dayFraction: number): number =>
    dayStartMs - shiftMs + frac01(dayFraction + offsetHours / 24) * MS_PER_DAY;

  // One refinement step of SPA (A.2.8-A.2.14) for an approximate day fraction m.
  const refine = (m: number): { hPrimeDeg: number; hDeg: number; deltaDeg: number } => {
    const n = m + deltaT / 86400;
    const a = interpolateAngle(aM, a0, aP, n);
    const d = interpolateAngle(dM, d0, dP, n);
    const hPrimeDeg = wrap180(nu + 360.985647 * m + lon - a);
    const hDeg =
      Math.asin(sinLat * Math.sin(d * DEG) + cosLat * Math.cos(d * DEG) * Math.cos(hPrimeDeg * DEG)) * RAD;
    return { hPrimeDeg, hDeg, deltaDeg: d };
  };

  const mTransit = frac01((a0 - lon - nu) / 360);
  const tr = refine(mTransit);
  const transitUtcMs = toUtcMs(mTransit - tr.hPrimeDeg / 360);
  const cosH0 = (Math.sin(h0Prime * DEG) - sinLat * Math.sin(d0 * DEG)) / (cosLat * Math.cos(d0 * DEG));
  if (!(cosH0 >= -1 && cosH0 <= 1)) {
    return {
      kind: cosH0 > 1 ? "polar-night" : "polar-day",
      sunriseUtcMs: null,
      sunsetUtcMs: null,
      transitUtcMs,
      transitElevationDeg: tr.hDeg,
    };
  }
  const h0Deg = Math.acos(cosH0) * RAD;
  const event = (m: number): number => {
    const r = refine(m);
    const corr =
      (r.hDeg - h0Prime) / (360 * Math.cos(r.deltaDeg * DEG) * cosLat * Math.sin(r.hPrimeDeg * DEG));
    return toUtcMs(m + corr);
  };
  return {
    kind: "normal",
    sunriseUtcMs: event(frac01(mTransit - h0Deg / 360)),
    sunsetUtcMs: event(frac01(mTransit + h0Deg / 360)),
    transitUtcMs,
    transitElevationDeg: tr.hDeg,
  };
}
