import { assertNever, EngineError } from "../errors.js";

/**
 * Heat source of a heat pump. `air` is outdoor air, `ground` a ground collector or borehole (brine), `water`
 * groundwater, `exhaustAir` building exhaust air, `wasteHeat` a liquid loop fed by a waste-heat source
 * (refrigeration condenser, data-centre cooling water), `sewage` (treated) wastewater.
 */
export type HeatPumpSource = "air" | "ground" | "water" | "exhaustAir" | "wasteHeat" | "sewage";

/** COP model: the when2heat quadratic regression or a fixed fraction of the Carnot COP. */
export type CopModel = "when2heat" | "carnot";

/** Coefficients of COP = a + b·ΔT + c·ΔT² (ΔT = sink − source in K). */
export interface CopRegression {
  readonly a: number;
  readonly b: number;
  /** Per K². */
  readonly c: number;
}

/**
 * when2heat COP regressions, fitted to manufacturer data of air-, ground- and groundwater-source heat pumps.
 * Source: Ruhnau, Hirth & Praktiknjo (2019), "Time series of heat demand and heat pump efficiency for energy
 * system modeling", Scientific Data 6:189, doi:10.1038/s41597-019-0199-y, and the when2heat repository
 * (github.com/oruhnau/when2heat, input/cop/cop_parameters.csv), which gives the four-digit values used here
 * (the paper prints them rounded: 6.08 − 0.09ΔT + 0.0005ΔT², 10.29 − 0.21ΔT + 0.0012ΔT², 9.97 − 0.20ΔT + 0.0012ΔT²).
 */
export const WHEN2HEAT_COP_REGRESSIONS: Readonly<Record<"air" | "ground" | "water", CopRegression>> = {
  air: { a: 6.0801, b: -0.0941, c: 0.0005 },
  ground: { a: 10.288, b: -0.2084, c: 0.0012 },
  water: { a: 9.9696, b: -0.2049, c: 0.0012 },
};

/**
 * Smallest temperature lift used in the COP formulas, K. when2heat clips ΔT below 15 K because the regression
 * was fitted on lifts of 15 K and more (Ruhnau et al. 2019; when2heat `scripts/cop.py`). The same floor keeps
 * the Carnot COP finite.
 */
export const COP_MIN_DELTA_T_K = 15;

/**
 * Default fraction of the Carnot COP that real heat pumps reach. Practical machines reach roughly 40–60 % of
 * the Carnot COP (market survey of large heat pumps: Jesper et al. 2021, Renewable and Sustainable Energy
 * Reviews 137:110646); 0.5 is the middle of that range (estimate).
 */
export const DEFAULT_CARNOT_EFFICIENCY = 0.5;

/** 0 degC in K. */
export const ZERO_CELSIUS_K = 273.15;

/** Which when2heat regression a source uses. Exhaust air is an air-to-water machine; waste heat and sewage are
 * liquid-source (water-to-water) machines, for which the groundwater (WSHP) regression is the closest fit. */
export function when2heatRegressionFor(source: HeatPumpSource): CopRegression {
  switch (source) {
    case "air":
    case "exhaustAir":
      return WHEN2HEAT_COP_REGRESSIONS.air;
    case "ground":
      return WHEN2HEAT_COP_REGRESSIONS.ground;
    case "water":
    case "wasteHeat":
    case "sewage":
      return WHEN2HEAT_COP_REGRESSIONS.water;
    default:
      return assertNever(source, "heat pump source");
  }
}

/**
 * Largest lift at which a regression still decreases (vertex of the parabola, −b / 2c), K. Above it the
 * quadratic would rise again, which is unphysical; the COP is held constant there.
 */
export function regressionMaxDeltaTK(r: CopRegression): number {
  return r.c > 0 ? -r.b / (2 * r.c) : Number.POSITIVE_INFINITY;
}

/** Input of {@link heatPumpCop}. */
export interface HeatPumpCopInput {
  /** Temperature of the heat source (air, brine, water), degC. */
  readonly sourceTempC: number;
  /** Temperature at which heat is delivered (supply temperature), degC. */
  readonly sinkTempC: number;
  readonly model: CopModel;
  readonly source: HeatPumpSource;
  /** Fraction of the Carnot COP reached (model "carnot"), 0..1. Default {@link DEFAULT_CARNOT_EFFICIENCY}. */
  readonly carnotEfficiency?: number;
  /**
   * Multiplier on the when2heat regression for real-world operation. Default 1 (the published regression).
   * when2heat's published COP series apply 0.85 to match field measurements (Ruhnau et al. 2019).
   */
  readonly correctionFactor?: number;
}

/**
 * Carnot COP of heating, T_sink / (T_sink − T_source) in K. Lifts below {@link COP_MIN_DELTA_T_K} are evaluated
 * at that lift above the source (T_sink = T_source + 15 K), so the COP stays finite and never rises with the lift.
 */
export function carnotCop(sourceTempC: number, sinkTempC: number): number {
  const liftK = Math.max(sinkTempC - sourceTempC, COP_MIN_DELTA_T_K);
  return (sourceTempC + liftK + ZERO_CELSIUS_K) / liftK;
}

/**
 * Coefficient of performance of heating (heat out / electricity in, dimensionless).
 *
 * - `when2heat`: COP = a + b·ΔT + c·ΔT², ΔT = sink − source, with ΔT clipped to
 *   [{@link COP_MIN_DELTA_T_K}, vertex of the parabola], times `correctionFactor`.
 * - `carnot`: COP = η · T_sink / (T_sink − T_source) (K), lift floored at {@link COP_MIN_DELTA_T_K}.
 *
 * The result is never below 1: a heat pump that would do worse is treated as a direct electric heater, so
 * heat = electricity + source heat with source heat ≥ 0 always holds. Non-increasing in ΔT.
 */
export function heatPumpCop(input: HeatPumpCopInput): number {
  const { sourceTempC, sinkTempC } = input;
  if (!Number.isFinite(sourceTempC) || !Number.isFinite(sinkTempC)) throw nonFinite(sourceTempC, sinkTempC);
  switch (input.model) {
    case "when2heat": {
      const r = when2heatRegressionFor(input.source);
      const liftK = Math.min(Math.max(sinkTempC - sourceTempC, COP_MIN_DELTA_T_K), regressionMaxDeltaTK(r));
      const cop = (r.a + r.b * liftK + r.c * liftK * liftK) * (input.correctionFactor ?? 1);
      return Math.max(cop, 1);
    }
    case "carnot": {
      const eta = input.carnotEfficiency ?? DEFAULT_CARNOT_EFFICIENCY;
      return Math.max(eta * carnotCop(sourceTempC, sinkTempC), 1);
    }
    default:
      return assertNever(input.model, "COP model");
  }
}

/** Input of {@link heatPumpHourly}: hourly source and sink temperatures on one timeline. */
export interface HeatPumpHourlyInput extends Omit<HeatPumpCopInput, "sourceTempC" | "sinkTempC"> {
  /** Source temperature per hour, degC. */
  readonly sourceTempC: Float64Array;
  /** Sink (supply) temperature per hour, degC. */
  readonly sinkTempC: Float64Array;
}

/** Hourly COP series (dimensionless), element-wise {@link heatPumpCop}. Both series must have equal length. */
export function heatPumpHourly(input: HeatPumpHourlyInput): Float64Array {
  const { sourceTempC, sinkTempC } = input;
  if (sourceTempC.length !== sinkTempC.length) {
    throw new EngineError(
      "length-mismatch",
      `sourceTempC has ${sourceTempC.length} hours, sinkTempC ${sinkTempC.length}`,
    );
  }
  const out = new Float64Array(sourceTempC.length);
  // Same formulas as heatPumpCop, with the model resolved once (this runs for every hour of every heat pump).
  if (input.model === "when2heat") {
    const r = when2heatRegressionFor(input.source);
    const maxLift = regressionMaxDeltaTK(r);
    const k = input.correctionFactor ?? 1;
    for (let i = 0; i < out.length; i++) {
      const src = sourceTempC[i] as number;
      const sink = sinkTempC[i] as number;
      if (!Number.isFinite(src) || !Number.isFinite(sink)) throw nonFinite(src, sink);
      const lift = Math.min(Math.max(sink - src, COP_MIN_DELTA_T_K), maxLift);
      const cop = (r.a + r.b * lift + r.c * lift * lift) * k;
      out[i] = cop > 1 ? cop : 1;
    }
  } else {
    const eta = input.carnotEfficiency ?? DEFAULT_CARNOT_EFFICIENCY;
    for (let i = 0; i < out.length; i++) {
      const src = sourceTempC[i] as number;
      const sink = sinkTempC[i] as number;
      if (!Number.isFinite(src) || !Number.isFinite(sink)) throw nonFinite(src, sink);
      const cop = eta * carnotCop(src, sink);
      out[i] = cop > 1 ? cop : 1;
    }
  }
  return out;
}

function nonFinite(sourceTempC: number, sinkTempC: number): EngineError {
  return new EngineError("non-finite-temperature", `source ${sourceTempC} degC, sink ${sinkTempC} degC`);
}
