import type { Weather } from "./weather.js";

/** Summary statistics of a weather series, over all of its hours. */
export interface WeatherStats {
  readonly hours: number;
  /** Mean dry-bulb temperature, degC. */
  readonly meanTemperatureC: number;
  readonly minTemperatureC: number;
  readonly maxTemperatureC: number;
  /** Sum of global horizontal irradiation, kWh/m2 (for a typical year: kWh/m2/a). */
  readonly ghiTotalKwhM2: number;
  /** Mean wind speed, m/s. */
  readonly meanWindSpeedMs: number;
  /**
   * Heating degree days to base 17 degC, Kd, from hourly values: sum over hours of max(0, 17 - T) / 24.
   * This is the degree-hour form used for the TRY2020 sanity checks in shared/data/weather_vantaa_try2020_fmi/SOURCE.md
   * (4207 Kd for Vantaa TRY2020). FMI's official S17 uses daily means and skips warm spring/autumn days
   * (REGULATIONS.md §5), which gives a lower figure.
   */
  readonly hdd17Kd: number;
}

/** Base temperature of the Finnish heating degree-day figure S17, degC (FMI; REGULATIONS.md §5). */
export const HDD_BASE_17_C = 17;

/** Mean and extreme temperature, irradiation and heating degree days of `weather` (pure). */
export function weatherStats(weather: Weather): WeatherStats {
  const n = weather.timeline.hours;
  let sumT = 0;
  let minT = Number.POSITIVE_INFINITY;
  let maxT = Number.NEGATIVE_INFINITY;
  let sumGhi = 0;
  let sumWs = 0;
  let degreeHours = 0;
  for (let i = 0; i < n; i++) {
    const t = weather.temperatureC[i] ?? Number.NaN;
    sumT += t;
    if (t < minT) minT = t;
    if (t > maxT) maxT = t;
    sumGhi += weather.ghiWm2[i] ?? Number.NaN;
    sumWs += weather.windSpeedMs[i] ?? Number.NaN;
    if (t < HDD_BASE_17_C) degreeHours += HDD_BASE_17_C - t;
  }
  return {
    hours: n,
    meanTemperatureC: n > 0 ? sumT / n : Number.NaN,
    minTemperatureC: n > 0 ? minT : Number.NaN,
    maxTemperatureC: n > 0 ? maxT : Number.NaN,
    ghiTotalKwhM2: sumGhi / 1000,
    meanWindSpeedMs: n > 0 ? sumWs / n : Number.NaN,
    hdd17Kd: degreeHours / 24,
  };
}
