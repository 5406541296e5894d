import { EARTH_B, EARTH_L, EARTH_R, NUTATION_TERMS } from "./spa-tables.js";

/**
 * Solar position after the NREL Solar Position Algorithm (SPA): I. Reda and A. Andreas,
 * "Solar position algorithm for solar radiation applications", Solar Energy 76(5):577-589 (2004),
 * NREL/TP-560-34302. Stated uncertainty +/-0.0003 degrees for the years -2000..6000.
 * The step numbers in comments refer to section 3 of that report.
 */

const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;

/** Standard atmospheric refraction at sunrise/sunset used by SPA, degrees (Reda & Andreas 2004, A.2). */
export const SPA_ATMOSPHERIC_REFRACTION_DEG = 0.5667;
/** Apparent radius of the Sun used by SPA for rise/set and the refraction switch, degrees. */
export const SPA_SUN_RADIUS_DEG = 0.26667;

/** Where the sun is observed from. */
export interface SolarSite {
  /** Geodetic latitude, degrees north (-90..90). */
  readonly latitude: number;
  /** Longitude, degrees east (-180..180). */
  readonly longitude: number;
  /** Elevation above mean sea level, m. Default 0. */
  readonly altitude?: number;
  /** Mean local air pressure, Pa. Default: the standard atmosphere at `altitude` (101325 Pa at sea level). */
  readonly pressurePa?: number;
  /** Mean annual local air temperature, degC (used for refraction). Default 12 degC (SPA's example value class). */
  readonly temperatureC?: number;
  /** TT - UT1, seconds. Default: Espenak & Meeus (2006) polynomial for the year of `time`. */
  readonly deltaTSeconds?: number;
}

/** The position of the sun seen from a site at one instant. */
export interface SolarPosition {
  /** Topocentric zenith angle without refraction, degrees. */
  readonly zenithDeg: number;
  /** Topocentric zenith angle with atmospheric refraction, degrees. */
  readonly apparentZenithDeg: number;
  /** 90 - zenithDeg, degrees. */
  readonly elevationDeg: number;
  /** 90 - apparentZenithDeg, degrees. */
  readonly apparentElevationDeg: number;
  /** Topocentric azimuth, degrees clockwise from north (0..360). */
  readonly azimuthDeg: number;
  /** Equation of time (apparent minus mean solar time), minutes. */
  readonly equationOfTimeMin: number;
  /** Topocentric declination, degrees. */
  readonly declinationDeg: number;
  /** Earth-sun distance, astronomical units. */
  readonly earthSunDistanceAu: number;
}

/** Julian day (UT) of a Unix time in milliseconds. */
export function julianDayFromUnixMs(unixMs: number): number {
  return unixMs / 86_400_000 + 2440587.5;
}

/**
 * An estimate of TT - UT1 in seconds for a (fractional) year, after the polynomial expressions of
 * F. Espenak and J. Meeus, "Five Millennium Canon of Solar Eclipses: -1999 to +3000", NASA/TP-2006-214141,
 * section 2.6 (valid pieces 1961-2150; outside, their long-term parabola -20 + 32 u^2).
 */
export function deltaTSecondsEstimate(year: number): number {
  if (year >= 2005 && year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (year >= 1986 && year < 2005) {
    const t = year - 2000;
    return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (year >= 1961 && year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - (t * t * t) / 718;
  }
  if (year >= 2050 && year < 2150) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

/** Decimal year of a Unix time (good enough for deltaT). */
export function decimalYearFromUnixMs(unixMs: number): number {
  return 1970 + unixMs / (365.2425 * 86_400_000);
}

/** Standard-atmosphere pressure at an altitude, Pa (ISO 2533 / ICAO troposphere, as in pvlib's alt2pres). */
export function pressureFromAltitude(altitudeM: number): number {
  return 100 * ((44331.514 - altitudeM) / 11880.516) ** (1 / 0.1902632);
}

function limitDegrees(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

function sumSeries(table: readonly number[], jme: number): number {
  let s = 0;
  for (let k = 0; k < table.length; k += 3) {
    s += table[k]! * Math.cos(table[k + 1]! + table[k + 2]! * jme);
  }
  return s;
}

function earthValue(tables: readonly (readonly number[])[], jme: number): number {
  // Horner over the powers of JME (steps 3.2.4-3.2.5).
  let v = 0;
  for (let i = tables.length - 1; i >= 0; i--) v = v * jme + sumSeries(tables[i]!, jme);
  return v / 1e8;
}

/**
 * The geocentric quantities of SPA (steps 3.1-3.8), which do not depend on the observer. Mutable so that
 * series code can reuse one object without allocating.
 */
export interface SpaGeocentric {
  /** Geocentric right ascension, degrees (0..360). */
  alphaDeg: number;
  /** Geocentric declination, degrees. */
  deltaDeg: number;
  /** Earth radius vector, AU. */
  radiusAu: number;
  /** Nutation in longitude, degrees. */
  deltaPsiDeg: number;
  /** True obliquity of the ecliptic, degrees. */
  epsilonDeg: number;
  /** Equation of time, minutes. */
  eotMin: number;
}

export function createSpaGeocentric(): SpaGeocentric {
  return { alphaDeg: 0, deltaDeg: 0, radiusAu: 1, deltaPsiDeg: 0, epsilonDeg: 23.44, eotMin: 0 };
}

/** Computes the geocentric sun for a Julian ephemeris day into `out` (steps 3.1.3-3.8, and A.1 EoT). */
export function computeSpaGeocentric(jde: number, out: SpaGeocentric): SpaGeocentric {
  const jce = (jde - 2451545) / 36525;
  const jme = jce / 10;
  // 3.2 heliocentric longitude, latitude (degrees) and radius (AU)
  const lDeg = limitDegrees(earthValue(EARTH_L, jme) * RAD);
  const bDeg = earthValue(EARTH_B, jme) * RAD;
  const r = earthValue(EARTH_R, jme);
  // 3.3 geocentric longitude and latitude
  const thetaDeg = limitDegrees(lDeg + 180);
  const betaDeg = -bDeg;
  // 3.4 nutation
  const x0 = 297.85036 + jce * (445267.11148 + jce * (-0.0019142 + jce / 189474));
  const x1 = 357.52772 + jce * (35999.05034 + jce * (-0.0001603 - jce / 300000));
  const x2 = 134.96298 + jce * (477198.867398 + jce * (0.0086972 + jce / 56250));
  const x3 = 93.27191 + jce * (483202.017538 + jce * (-0.0036825 + jce / 327270));
  const x4 = 125.04452 + jce * (-1934.136261 + jce * (0.0020708 + jce / 450000));
  let dPsi = 0;
  let dEps = 0;
  for (let k = 0; k < NUTATION_TERMS.length; k += 9) {
    const arg =
      (NUTATION_TERMS[k]! * x0 +
        NUTATION_TERMS[k + 1]! * x1 +
        NUTATION_TERMS[k + 2]! * x2 +
        NUTATION_TERMS[k + 3]! * x3 +
        NUTATION_TERMS[k + 4]! * x4) *
      DEG;
    dPsi += (NUTATION_TERMS[k + 5]! + NUTATION_TERMS[k + 6]! * jce) * Math.sin(arg);
    dEps += (NUTATION_TERMS[k + 7]! + NUTATION_TERMS[k + 8]! * jce) * Math.cos(arg);
  }
  const deltaPsiDeg = dPsi / 36_000_000;
  const deltaEpsDeg = dEps / 36_000_000;
  // 3.5 true obliquity of the ecliptic
  const u = jme / 10;
  const eps0Arcsec =
    84381.448 +
    u *
      (-4680.93 +
        u *
          (-1.55 +
            u *
              (1999.25 +
                u *
                  (-51.38 +
                    u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
  const epsilonDeg = eps0Arcsec / 3600 + deltaEpsDeg;
  // 3.6 aberration, 3.7 apparent sun longitude
  const deltaTauDeg = -20.4898 / (3600 * r);
  const lambdaRad = (thetaDeg + deltaPsiDeg + deltaTauDeg) * DEG;
  const epsRad = epsilonDeg * DEG;
  const betaRad = betaDeg * DEG;
  // 3.9, 3.10 geocentric right ascension and declination
  const alphaDeg = limitDegrees(
    Math.atan2(
      Math.sin(lambdaRad) * Math.cos(epsRad) - Math.tan(betaRad) * Math.sin(epsRad),
      Math.cos(lambdaRad),
    ) * RAD,
  );
  const deltaDeg =
    Math.asin(
      Math.sin(betaRad) * Math.cos(epsRad) + Math.cos(betaRad) * Math.sin(epsRad) * Math.sin(lambdaRad),
    ) * RAD;
  // A.1 equation of time, minutes
  const m =
    280.4664567 +
    jme *
      (360007.6982779 + jme * (0.03032028 + jme * (1 / 49931 + jme * (-1 / 15300 + jme * (-1 / 2_000_000)))));
  let e = limitDegrees(m - 0.0057183 - alphaDeg + deltaPsiDeg * Math.cos(epsRad)) * 4;
  if (e > 20) e -= 1440;
  else if (e < -20) e += 1440;
  out.alphaDeg = alphaDeg;
  out.deltaDeg = deltaDeg;
  out.radiusAu = r;
  out.deltaPsiDeg = deltaPsiDeg;
  out.epsilonDeg = epsilonDeg;
  out.eotMin = e;
  return out;
}

/** Greenwich apparent sidereal time, degrees (steps 3.8.1-3.8.3). */
export function apparentSiderealTimeDeg(jd: number, deltaPsiDeg: number, epsilonDeg: number): number {
  const jc = (jd - 2451545) / 36525;
  const nu0 = limitDegrees(
    280.46061837 + 360.98564736629 * (jd - 2451545) + jc * jc * (0.000387933 - jc / 38710000),
  );
  return nu0 + deltaPsiDeg * Math.cos(epsilonDeg * DEG);
}

/** Observer constants that do not change in time (step 3.12 u, x, y terms). */
export interface SpaObserver {
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly sinLat: number;
  readonly cosLat: number;
  readonly x: number;
  readonly y: number;
  /** Refraction scale factor (P / 1010 mbar) * (283 / (273 + T)). */
  readonly refractionScale: number;
}

export function createSpaObserver(site: SolarSite): SpaObserver {
  const altitude = site.altitude ?? 0;
  const pressurePa = site.pressurePa ?? pressureFromAltitude(altitude);
  const temperatureC = site.temperatureC ?? 12;
  const latRad = site.latitude * DEG;
  const u = Math.atan(0.99664719 * Math.tan(latRad));
  return {
    latitudeDeg: site.latitude,
    longitudeDeg: site.longitude,
    sinLat: Math.sin(latRad),
    cosLat: Math.cos(latRad),
    x: Math.cos(u) + (altitude / 6378140) * Math.cos(latRad),
    y: 0.99664719 * Math.sin(u) + (altitude / 6378140) * Math.sin(latRad),
    refractionScale: (pressurePa / 100 / 1010) * (283 / (273 + temperatureC)),
  };
}

/** Mutable topocentric result, reused by series code. */
export interface SpaTopocentric {
  zenithDeg: number;
  apparentZenithDeg: number;
  azimuthDeg: number;
  declinationDeg: number;
}

export function createSpaTopocentric(): SpaTopocentric {
  return { zenithDeg: 90, apparentZenithDeg: 90, azimuthDeg: 180, declinationDeg: 0 };
}

/**
 * Topocentric zenith and azimuth from the geocentric sun and the apparent sidereal time (steps 3.11-3.15).
 * Refraction (3.14.2) is applied only while the true sun is above -(sun radius + refraction), as in SPA.
 */
export function computeSpaTopocentric(
  obs: SpaObserver,
  nuDeg: number,
  alphaDeg: number,
  deltaDeg: number,
  radiusAu: number,
  out: SpaTopocentric,
): SpaTopocentric {
  const hRad = limitDegrees(nuDeg + obs.longitudeDeg - alphaDeg) * DEG;
  const xiRad = (8.794 / (3600 * radiusAu)) * DEG;
  const deltaRad = deltaDeg * DEG;
  const cosDelta = Math.cos(deltaRad);
  const sinXi = Math.sin(xiRad);
  const cosH = Math.cos(hRad);
  const den = cosDelta - obs.x * sinXi * cosH;
  const dAlpha = Math.atan2(-obs.x * sinXi * Math.sin(hRad), den);
  const deltaPrime = Math.atan2((Math.sin(deltaRad) - obs.y * sinXi) * Math.cos(dAlpha), den);
  const hPrime = hRad - dAlpha;
  const sinDp = Math.sin(deltaPrime);
  const cosDp = Math.cos(deltaPrime);
  const cosHp = Math.cos(hPrime);
  const e0Deg = Math.asin(obs.sinLat * sinDp + obs.cosLat * cosDp * cosHp) * RAD;
  let deltaE = 0;
  if (e0Deg >= -(SPA_SUN_RADIUS_DEG + SPA_ATMOSPHERIC_REFRACTION_DEG)) {
    deltaE = (obs.refractionScale * 1.02) / (60 * Math.tan((e0Deg + 10.3 / (e0Deg + 5.11)) * DEG));
  }
  const gamma = Math.atan2(Math.sin(hPrime), cosHp * obs.sinLat - (sinDp / cosDp) * obs.cosLat) * RAD;
  out.zenithDeg = 90 - e0Deg;
  out.apparentZenithDeg = 90 - (e0Deg + deltaE);
  out.azimuthDeg = limitDegrees(gamma + 180);
  out.declinationDeg = deltaPrime * RAD;
  return out;
}

function toUnixMs(time: Date | number): number {
  return typeof time === "number" ? time : time.getTime();
}

/**
 * The sun's position seen from `site` at `time` (a `Date` or Unix milliseconds, an instant in UTC),
 * after the NREL SPA (Reda & Andreas 2004). Angles in degrees, azimuth clockwise from north.
 */
export function solarPosition(time: Date | number, site: SolarSite): SolarPosition {
  const unixMs = toUnixMs(time);
  const jd = julianDayFromUnixMs(unixMs);
  const deltaT = site.deltaTSeconds ?? deltaTSecondsEstimate(decimalYearFromUnixMs(unixMs));
  const geo = computeSpaGeocentric(jd + deltaT / 86400, createSpaGeocentric());
  const nu = apparentSiderealTimeDeg(jd, geo.deltaPsiDeg, geo.epsilonDeg);
  const topo = computeSpaTopocentric(
    createSpaObserver(site),
    nu,
    geo.alphaDeg,
    geo.deltaDeg,
    geo.radiusAu,
    createSpaTopocentric(),
  );
  return {
    zenithDeg: topo.zenithDeg,
    apparentZenithDeg: topo.apparentZenithDeg,
    elevationDeg: 90 - topo.zenithDeg,
    apparentElevationDeg: 90 - topo.apparentZenithDeg,
    azimuthDeg: topo.azimuthDeg,
    equationOfTimeMin: geo.eotMin,
    declinationDeg: topo.declinationDeg,
    earthSunDistanceAu: geo.radiusAu,
  };
}
