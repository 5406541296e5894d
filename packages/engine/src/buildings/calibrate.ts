import { buildingDemand, type BuildingDemandInput, type BuildingDemandOptions } from "./building-demand.js";
import { USE_TYPE_PROFILES } from "./use-types.js";

/** Result of a one-parameter calibration. */
export interface CalibrationResult {
  /** Calibrated parameter value. */
  readonly value: number;
  /** Annual specific demand reached with it, kWh/(m2 a). */
  readonly achievedKwhPerM2: number;
  /** True when the target lies inside the parameter bounds (else `value` is the nearest bound). */
  readonly converged: boolean;
  readonly iterations: number;
}

/**
 * Bisection of a monotone function `f(x)` for `f(x) = target` on [lo, hi]. Stops when the relative error
 * is below `relTol` or after `maxIter`.
 */
export function bisectMonotone(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  relTol = 0.002,
  maxIter = 40,
): CalibrationResult {
  let fLo = f(lo);
  let fHi = f(hi);
  const increasing = fHi >= fLo;
  const below = (v: number): boolean => (increasing ? v < target : v > target);
  if (below(fHi) === below(fLo)) {
    const useHi = Math.abs(fHi - target) < Math.abs(fLo - target);
    return { value: useHi ? hi : lo, achievedKwhPerM2: useHi ? fHi : fLo, converged: false, iterations: 2 };
  }
  let it = 2;
  let x = 0.5 * (lo + hi);
  let fx = f(x);
  while (it < maxIter && Math.abs(fx - target) > relTol * Math.max(Math.abs(target), 1e-9)) {
    if (below(fx)) {
      lo = x;
      fLo = fx;
    } else {
      hi = x;
      fHi = fx;
    }
    x = 0.5 * (lo + hi);
    fx = f(x);
    it++;
  }
  return { value: x, achievedKwhPerM2: fx, converged: true, iterations: it };
}

/**
 * The loss-coefficient multiplier (`parameters.lossFactor`) that makes the modelled annual space heating
 * equal `targetKwhPerM2` (e.g. a metered or certificate value) for this building and weather.
 */
export function calibrateLossFactor(
  input: BuildingDemandInput,
  targetKwhPerM2: number,
  options: BuildingDemandOptions & { readonly bounds?: readonly [number, number] } = {},
): CalibrationResult {
  const [lo, hi] = options.bounds ?? [0.05, 20];
  return bisectMonotone(
    (x) =>
      buildingDemand({ ...input, parameters: { ...input.parameters, lossFactor: x } }, options).annualSummary
        .perM2PerYear.spaceHeatingKwhPerM2,
    targetKwhPerM2,
    lo,
    hi,
  );
}

/**
 * The cooling set-point (degC, within `bounds`, default 21–26) that makes the modelled annual space cooling
 * equal `targetKwhPerM2`. Only for use types with cooling.
 */
export function calibrateCoolingSetpoint(
  input: BuildingDemandInput,
  targetKwhPerM2: number,
  options: BuildingDemandOptions & { readonly bounds?: readonly [number, number] } = {},
): CalibrationResult {
  const [lo, hi] = options.bounds ?? [21, 26];
  const heatingSetpoint =
    input.parameters?.heatingSetpointC ?? USE_TYPE_PROFILES[input.useType].heatingSetpointC;
  return bisectMonotone(
    (x) =>
      buildingDemand(
        { ...input, parameters: { ...input.parameters, coolingSetpointC: Math.max(x, heatingSetpoint) } },
        options,
      ).annualSummary.perM2PerYear.coolingKwhPerM2,
    targetKwhPerM2,
    lo,
    hi,
  );
}
