import type { Timeline } from "../time/timeline.js";

/**
 * Hourly weather on a timeline. Value i is the mean over hour i of the timeline
 * ([t_i, t_i + 1 h) in UTC). Irradiances are hourly means in W/m2 (= Wh/m2 per hour).
 */
export interface Weather {
  /** Human-readable origin and licence, e.g. "FMI TRY2020 Vantaa (CC BY 4.0)". */
  readonly source: string;
  readonly timeline: Timeline;
  /** Dry-bulb air temperature, degC. */
  readonly temperatureC: Float64Array;
  /** Relative humidity, %. */
  readonly relativeHumidityPct: Float64Array;
  /** Wind speed at 10 m, m/s. */
  readonly windSpeedMs: Float64Array;
  /** Global horizontal irradiance, W/m2. */
  readonly ghiWm2: Float64Array;
  /** Diffuse horizontal irradiance, W/m2. */
  readonly dhiWm2: Float64Array;
  /** Direct normal irradiance, W/m2. */
  readonly dniWm2: Float64Array;
}
