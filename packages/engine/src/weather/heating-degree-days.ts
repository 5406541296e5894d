import { localCalendar } from "../time/local-calendar.js";
import type { Weather } from "./weather.js";

/** FMI heating degree days S17 of a weather series: per local calendar month and in total. */
export interface HeatingDegreeDays {
  /** Sum over all whole local days, Kd. */
  readonly totalKd: number;
  /** Per local month 1..12 (index 0 = January), summed over all years in the series, Kd. */
  readonly monthlyKd: readonly number[];
  /** Number of local days counted (days with at least one hour in the series). */
  readonly days: number;
}

/** Base temperature 17 degC and the spring/autumn limits 10/12 degC of FMI's S17 (REGULATIONS.md §5). */
export const FMI_S17 = { baseC: 17, springLimitC: 10, autumnLimitC: 12 } as const;

/**
 * FMI heating degree days S17 ("lämmitystarveluku"): for each local day, 17 degC minus the daily mean
 * temperature, skipping days whose mean is above +10 degC in spring and above +12 degC in autumn.
 * Source: FMI, https://en.ilmatieteenlaitos.fi/heating-degree-days (definition verified in REGULATIONS.md §5).
 * Spring = January–June and autumn = July–December is our reading of the rule (REGULATIONS.md §5 notes it as an
 * assumption). Days are local days of `weather.timeline.timeZone`; the daily mean is over the hours present.
 */
export function fmiHeatingDegreeDays(weather: Weather): HeatingDegreeDays {
  const cal = localCalendar(weather.timeline);
  const monthly = new Array<number>(12).fill(0);
  let total = 0;
  let days = 0;
  let i = 0;
  const n = weather.timeline.hours;
  while (i < n) {
    const year = cal.year[i];
    const doy = cal.dayOfYear[i];
    const month = cal.month[i] ?? 1;
    let sum = 0;
    let k = 0;
    while (i < n && cal.year[i] === year && cal.dayOfYear[i] === doy) {
      sum += weather.temperatureC[i] ?? Number.NaN;
      k++;
      i++;
    }
    days++;
    const mean = sum / k;
    const limit = month <= 6 ? FMI_S17.springLimitC : FMI_S17.autumnLimitC;
    if (mean <= limit) {
      const kd = FMI_S17.baseC - mean;
      monthly[month - 1] = (monthly[month - 1] ?? 0) + kd;
      total += kd;
    }
  }
  return { totalKd: total, monthlyKd: monthly, days };
}
