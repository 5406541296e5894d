import { solarPositionSeries } from "../solar/solar-position-series.js";
import type { SolarSite } from "../solar/solar-position.js";
import type { Timeline } from "../time/timeline.js";
import { MS_PER_HOUR } from "../time/timeline.js";
import { absoluteAirmass, relativeAirmass } from "./airmass.js";
import { clearSkyIneichen, KERA_LINKE_TURBIDITY_MONTHLY } from "./clear-sky.js";
import { dayOfYearUtc, extraterrestrialIrradiance } from "./extraterrestrial.js";
import { pressureFromAltitude } from "../solar/solar-position.js";

/** Inputs of {@link clearSkySeries}. */
export interface ClearSkySeriesInput {
  readonly timeline: Timeline;
  readonly site: SolarSite;
  /** Linke turbidity for January..December (12 values). Default {@link KERA_LINKE_TURBIDITY_MONTHLY}. */
  readonly linkeTurbidityMonthly?: readonly number[];
}

/** Clear-sky irradiance per hour, W/m2 (hourly means approximated by the value at the hour's midpoint). */
export interface ClearSkySeries {
  readonly ghiWm2: Float64Array;
  readonly dniWm2: Float64Array;
  readonly dhiWm2: Float64Array;
}

/**
 * Ineichen-Perez clear sky for every hour of a timeline, with the sun at each hour's midpoint, the
 * Earth-sun distance of the day and the monthly Linke turbidity of the (UTC) month. Meant for checks:
 * flagging measured irradiance above the clear sky, or scaling synthetic weather.
 */
export function clearSkySeries(input: ClearSkySeriesInput): ClearSkySeries {
  const { timeline, site } = input;
  const tl = input.linkeTurbidityMonthly ?? KERA_LINKE_TURBIDITY_MONTHLY;
  const n = timeline.hours;
  const sun = solarPositionSeries({ startUtcMs: timeline.startUtcMs + MS_PER_HOUR / 2, count: n, site });
  const altitudeM = site.altitude ?? 0;
  const pressurePa = site.pressurePa ?? pressureFromAltitude(altitudeM);
  const ghiWm2 = new Float64Array(n);
  const dniWm2 = new Float64Array(n);
  const dhiWm2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = sun.apparentZenithDeg[i]!;
    if (!(z < 90)) continue;
    const midMs = timeline.startUtcMs + (i + 0.5) * MS_PER_HOUR;
    const month = new Date(midMs).getUTCMonth();
    const cs = clearSkyIneichen({
      apparentZenithDeg: z,
      airmassAbsolute: absoluteAirmass(relativeAirmass(z), pressurePa),
      linkeTurbidity: tl[month] ?? tl[0] ?? 3,
      altitudeM,
      dniExtra: extraterrestrialIrradiance(Math.floor(dayOfYearUtc(midMs))),
    });
    ghiWm2[i] = cs.ghi;
    dniWm2[i] = cs.dni;
    dhiWm2[i] = cs.dhi;
  }
  return { ghiWm2, dniWm2, dhiWm2 };
}
