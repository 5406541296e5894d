import type { Issue, Result } from "@kera/schema";
import { assertNever } from "../errors.js";
import type { HeatPumpSource } from "./cop.js";

/** Hours in the annual period used for the ground-temperature wave. */
export const ANNUAL_PERIOD_HOURS = 8760;

/**
 * Temperature difference between the ground/groundwater and the heat pump's brine or water, K. when2heat uses
 * 5 K for ground and groundwater sources (Ruhnau et al. 2019, Scientific Data 6:189; when2heat `scripts/cop.py`);
 * the same approach is applied here to every liquid source (ground, water, sewage, waste heat).
 */
export const SOURCE_HEAT_EXCHANGER_DELTA_K = 5;

/**
 * Default depth of a ground collector, m (horizontal collectors lie ~1–2 m deep; estimate). For a borehole
 * (Finnish energy wells are 150–300 m) use ≥ 10 m: the annual wave is then fully damped and the ground sits at
 * the annual mean.
 */
export const DEFAULT_GROUND_DEPTH_M = 1.5;

/**
 * Thermal diffusivity of soil, m2/s. Typical soils lie between 0.3e-6 and 0.8e-6 m2/s; 0.5e-6 m2/s
 * (≈ 0.043 m2/day) is the mid value used with the Kusuda & Achenbach (1965) model (estimate).
 */
export const DEFAULT_SOIL_DIFFUSIVITY_M2_PER_S = 0.5e-6;

/**
 * Mean ground (and shallow groundwater) temperature above mean annual air temperature, K. Shallow groundwater
 * temperature is usually approximated as annual mean air temperature plus an offset of about 1–2 K, larger
 * under snow cover (Benz, Bayer & Blum 2017, Environmental Research Letters 12:034005). 1 K (estimate).
 */
export const DEFAULT_GROUND_OFFSET_K = 1;

/**
 * Default temperature of untreated municipal wastewater arriving at a Finnish treatment plant, degC: about
 * 10 degC at the Påttis plant, Vaasa (Elomatic case study of the Vaasan Sähkö heat pump plant, 2023).
 */
export const DEFAULT_SEWAGE_TEMP_C = 10;

/** Default exhaust-air temperature, degC: the indoor design temperature 21 degC (Finnish building code D5 2012). */
export const DEFAULT_EXHAUST_AIR_TEMP_C = 21;

/** Mean and first annual harmonic of a temperature series: T(t) ≈ mean + amplitude·cos(2π(t − peakHour)/8760). */
export interface AnnualHarmonic {
  readonly meanC: number;
  /** Half the peak-to-trough swing, K. */
  readonly amplitudeK: number;
  /** Hour index (from the series start) of the warmest point of the fitted wave. */
  readonly peakHour: number;
}

/** Least-squares fit of mean + annual cosine to an hourly series (index = hours since the series start). */
export function fitAnnualHarmonic(tempC: Float64Array): AnnualHarmonic {
  const w = (2 * Math.PI) / ANNUAL_PERIOD_HOURS;
  // Normal equations for the basis [1, cos wt, sin wt].
  let s1 = 0;
  let sc = 0;
  let ss = 0;
  let scc = 0;
  let sss = 0;
  let scs = 0;
  let sy = 0;
  let syc = 0;
  let sys = 0;
  for (let t = 0; t < tempC.length; t++) {
    const y = tempC[t] as number;
    const c = Math.cos(w * t);
    const s = Math.sin(w * t);
    s1 += 1;
    sc += c;
    ss += s;
    scc += c * c;
    sss += s * s;
    scs += c * s;
    sy += y;
    syc += y * c;
    sys += y * s;
  }
  const [m, a, b] = solve3(
    [
      [s1, sc, ss],
      [sc, scc, scs],
      [ss, scs, sss],
    ],
    [sy, syc, sys],
  );
  const amplitudeK = Math.hypot(a, b);
  let peakHour = Math.atan2(b, a) / w;
  if (peakHour < 0) peakHour += ANNUAL_PERIOD_HOURS;
  return { meanC: m, amplitudeK, peakHour };
}

function solve3(m: number[][], r: number[]): [number, number, number] {
  const det = (x: number[][]): number =>
    x[0]![0]! * (x[1]![1]! * x[2]![2]! - x[1]![2]! * x[2]![1]!) -
    x[0]![1]! * (x[1]![0]! * x[2]![2]! - x[1]![2]! * x[2]![0]!) +
    x[0]![2]! * (x[1]![0]! * x[2]![1]! - x[1]![1]! * x[2]![0]!);
  const d = det(m);
  const col = (k: number): number[][] => m.map((row, i) => row.map((v, j) => (j === k ? r[i]! : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** Input of {@link groundTemperatureKusuda}. */
export interface GroundTemperatureInput {
  /** Hours to compute (index 0 = first hour of the fitted air series). */
  readonly hours: number;
  readonly airHarmonic: AnnualHarmonic;
  readonly depthM?: number;
  readonly soilDiffusivityM2PerS?: number;
  readonly offsetK?: number;
}

/**
 * Undisturbed ground temperature at a depth, degC, after Kusuda & Achenbach (1965), "Earth temperature and
 * thermal diffusivity at selected stations in the United States", ASHRAE Transactions 71(1): the annual surface
 * wave is damped by exp(−z/d) and delayed by z/d radians, with damping depth d = √(α·P/π), P = one year.
 */
export function groundTemperatureKusuda(input: GroundTemperatureInput): Float64Array {
  const depthM = input.depthM ?? DEFAULT_GROUND_DEPTH_M;
  const alphaM2PerH = (input.soilDiffusivityM2PerS ?? DEFAULT_SOIL_DIFFUSIVITY_M2_PER_S) * 3600;
  const dampingDepthM = Math.sqrt((alphaM2PerH * ANNUAL_PERIOD_HOURS) / Math.PI);
  const ratio = depthM / dampingDepthM;
  const amplitudeK = input.airHarmonic.amplitudeK * Math.exp(-ratio);
  const mean = input.airHarmonic.meanC + (input.offsetK ?? DEFAULT_GROUND_OFFSET_K);
  const w = (2 * Math.PI) / ANNUAL_PERIOD_HOURS;
  const out = new Float64Array(input.hours);
  for (let t = 0; t < out.length; t++) {
    out[t] = mean + amplitudeK * Math.cos(w * (t - input.airHarmonic.peakHour) - ratio);
  }
  return out;
}

/** Input of {@link heatPumpSourceTemperature}. Scalars mean a constant over all hours. */
export interface HeatPumpSourceTemperatureInput {
  readonly source: HeatPumpSource;
  /** Hourly outdoor air temperature, degC; defines the number of hours. */
  readonly airTempC: Float64Array;
  /** Ground model (source "ground"). A fitted harmonic overrides fitting to `airTempC` (which needs ≥ 1 year). */
  readonly ground?: Omit<GroundTemperatureInput, "hours" | "airHarmonic"> & { airHarmonic?: AnnualHarmonic };
  /**
   * Groundwater temperature (source "water"); default annual mean air temperature (of `airTempC`, which then
   * must cover a year, or of `ground.airHarmonic`) + `ground.offsetK` ({@link DEFAULT_GROUND_OFFSET_K}).
   */
  readonly groundwaterTempC?: number;
  /** Wastewater temperature (source "sewage"); default {@link DEFAULT_SEWAGE_TEMP_C}. */
  readonly sewageTempC?: number | Float64Array;
  /** Waste-heat temperature (source "wasteHeat"), required, e.g. from `wasteHeatAvailability`. */
  readonly wasteHeatTempC?: number | Float64Array;
  /** Exhaust-air temperature (source "exhaustAir"); default {@link DEFAULT_EXHAUST_AIR_TEMP_C}. */
  readonly exhaustAirTempC?: number | Float64Array;
  /** Brine/water below the source medium for liquid sources, K; default {@link SOURCE_HEAT_EXCHANGER_DELTA_K}. */
  readonly heatExchangerDeltaK?: number;
}

/**
 * Hourly heat-pump source temperature, degC, following when2heat (Ruhnau et al. 2019): air as measured;
 * ground = ground temperature − 5 K; groundwater = constant − 5 K; liquid waste-heat and sewage sources
 * likewise minus the heat-exchanger difference. Ground temperature comes from air temperature with the
 * Kusuda–Achenbach damped annual wave (when2heat used reanalysis soil temperatures, which a district model lacks).
 */
export function heatPumpSourceTemperature(input: HeatPumpSourceTemperatureInput): Result<Float64Array> {
  const hours = input.airTempC.length;
  const issues: Issue[] = [];
  const hx = input.heatExchangerDeltaK ?? SOURCE_HEAT_EXCHANGER_DELTA_K;
  const fill = (value: number | Float64Array, path: string, offsetK: number): Float64Array => {
    const out = new Float64Array(hours);
    if (typeof value === "number") {
      out.fill(value - offsetK);
    } else if (value.length !== hours) {
      issues.push(lengthIssue(path, value.length, hours));
    } else {
      for (let i = 0; i < hours; i++) out[i] = (value[i] as number) - offsetK;
    }
    return out;
  };
  let result: Float64Array;
  switch (input.source) {
    case "air":
      result = Float64Array.from(input.airTempC);
      break;
    case "exhaustAir":
      result = fill(input.exhaustAirTempC ?? DEFAULT_EXHAUST_AIR_TEMP_C, "exhaustAirTempC", 0);
      break;
    case "ground": {
      let harmonic = input.ground?.airHarmonic;
      if (harmonic === undefined) {
        if (hours < ANNUAL_PERIOD_HOURS) {
          issues.push({
            code: "series-too-short",
            severity: "error",
            path: "airTempC",
            message: `ground temperature needs a full year of air temperature (${ANNUAL_PERIOD_HOURS} h) or ground.airHarmonic; got ${hours} h`,
          });
        }
        harmonic = fitAnnualHarmonic(input.airTempC);
      }
      const ground = groundTemperatureKusuda({ ...input.ground, hours, airHarmonic: harmonic });
      for (let i = 0; i < hours; i++) ground[i] = (ground[i] as number) - hx;
      result = ground;
      break;
    }
    case "water": {
      let gw = input.groundwaterTempC;
      if (gw === undefined) {
        let meanAirC = input.ground?.airHarmonic?.meanC;
        if (meanAirC === undefined) {
          if (hours < ANNUAL_PERIOD_HOURS) {
            issues.push({
              code: "series-too-short",
              severity: "error",
              path: "airTempC",
              message: `the default groundwater temperature needs a full year of air temperature (${ANNUAL_PERIOD_HOURS} h), groundwaterTempC or ground.airHarmonic; got ${hours} h`,
            });
          }
          let sum = 0;
          for (let i = 0; i < hours; i++) sum += input.airTempC[i] as number;
          meanAirC = hours > 0 ? sum / hours : 0;
        }
        gw = meanAirC + (input.ground?.offsetK ?? DEFAULT_GROUND_OFFSET_K);
      }
      result = fill(gw, "groundwaterTempC", hx);
      break;
    }
    case "sewage":
      result = fill(input.sewageTempC ?? DEFAULT_SEWAGE_TEMP_C, "sewageTempC", hx);
      break;
    case "wasteHeat":
      if (input.wasteHeatTempC === undefined) {
        issues.push({
          code: "missing-waste-heat-temperature",
          severity: "error",
          path: "wasteHeatTempC",
          message: "a waste-heat source needs its temperature (wasteHeatTempC)",
        });
        result = new Float64Array(hours);
      } else {
        result = fill(input.wasteHeatTempC, "wasteHeatTempC", hx);
      }
      break;
    default:
      return assertNever(input.source, "heat pump source");
  }
  for (let i = 0; i < hours && issues.length === 0; i++) {
    if (!Number.isFinite(result[i])) {
      issues.push({
        code: "non-finite-value",
        severity: "error",
        path: `airTempC[${i}]`,
        message: `source temperature at hour ${i} is not a finite number`,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: result };
}

function lengthIssue(path: string, got: number, expected: number): Issue {
  return {
    code: "length-mismatch",
    severity: "error",
    path,
    message: `${path} has ${got} hours, expected ${expected}`,
    value: got,
    expected: String(expected),
  };
}
