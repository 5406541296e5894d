/**
 * PVWatts models: A. P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641 (2014).
 */

/**
 * PVWatts v5 default loss categories, percent (Dobos 2014). Combined multiplicatively they give
 * 14.08 % ({@link pvwattsLosses}).
 */
export const PVWATTS_DEFAULT_LOSSES_PCT = {
  soiling: 2,
  shading: 3,
  snow: 0,
  mismatch: 2,
  wiring: 2,
  connections: 0.5,
  lid: 1.5,
  nameplateRating: 1,
  age: 0,
  availability: 3,
} as const;

export type PvwattsLossCategory = keyof typeof PVWATTS_DEFAULT_LOSSES_PCT;

/**
 * Total DC system loss as a fraction (0..1): 1 - prod(1 - loss_i / 100) over the categories, PVWatts
 * defaults for any not given (Dobos 2014).
 */
export function pvwattsLosses(lossesPct: Partial<Record<PvwattsLossCategory, number>> = {}): number {
  let keep = 1;
  for (const key of Object.keys(PVWATTS_DEFAULT_LOSSES_PCT) as PvwattsLossCategory[]) {
    keep *= 1 - (lossesPct[key] ?? PVWATTS_DEFAULT_LOSSES_PCT[key]) / 100;
  }
  return 1 - keep;
}

/** PVWatts default total DC loss, fraction (14.08 %). */
export const PVWATTS_DEFAULT_LOSS_FRACTION = pvwattsLosses();

/**
 * Default power temperature coefficient, 1/degC: -0.35 %/degC, the PVWatts "premium" module class
 * (Dobos 2014, Table 2), typical of current mono-crystalline modules.
 */
export const DEFAULT_GAMMA_PDC = -0.0035;

/** Nominal inverter efficiency (0.96) and its reference value (0.9637), Dobos (2014). */
export const PVWATTS_INVERTER_NOMINAL_EFFICIENCY = 0.96;
export const PVWATTS_INVERTER_REFERENCE_EFFICIENCY = 0.9637;

/** Inputs of {@link pvwattsDc}. */
export interface PvwattsDcInput {
  /** Irradiance that reaches the cells, W/m2 (plane-of-array, after any incidence-angle losses). */
  readonly poaEffective: number;
  /** Cell temperature, degC. */
  readonly cellTemperatureC: number;
  /** DC nameplate at STC (1000 W/m2, 25 degC), kWp. */
  readonly capacityKwp: number;
  /** Power temperature coefficient, 1/degC. Default {@link DEFAULT_GAMMA_PDC}. */
  readonly gammaPdc?: number;
  /** Reference cell temperature, degC. Default 25. */
  readonly temperatureRefC?: number;
  /** DC system losses, fraction 0..1. Default 0 here; PVWatts' 14.08 % is {@link PVWATTS_DEFAULT_LOSS_FRACTION}. */
  readonly losses?: number;
}

/** DC power, kW, with the losses explicit: `dcKw = dcGrossKw - systemLossKw`. */
export interface PvwattsDcResult {
  /** DC power before system losses, kW. */
  readonly dcGrossKw: number;
  /** System losses (soiling, wiring, ...), kW. */
  readonly systemLossKw: number;
  /** DC power delivered to the inverter, kW. */
  readonly dcKw: number;
}

/** PVWatts DC power: P = Pdc0 (E / 1000) (1 + gamma (Tc - Tref)), never negative (Dobos 2014). */
export function pvwattsDc(input: PvwattsDcInput): PvwattsDcResult {
  const gamma = input.gammaPdc ?? DEFAULT_GAMMA_PDC;
  const tRef = input.temperatureRefC ?? 25;
  const e = Math.max(input.poaEffective, 0);
  const dcGrossKw = Math.max(
    input.capacityKwp * (e / 1000) * (1 + gamma * (input.cellTemperatureC - tRef)),
    0,
  );
  const systemLossKw = dcGrossKw * Math.min(Math.max(input.losses ?? 0, 0), 1);
  return { dcGrossKw, systemLossKw, dcKw: dcGrossKw - systemLossKw };
}

/** Inputs of {@link pvwattsAc}. */
export interface PvwattsAcInput {
  /** DC input power, kW. */
  readonly dcKw: number;
  /** AC rating of the inverter, kW (Pac0). */
  readonly acRatedKw: number;
  /** Nominal efficiency. Default {@link PVWATTS_INVERTER_NOMINAL_EFFICIENCY}. */
  readonly nominalEfficiency?: number;
  /** Reference efficiency of the curve. Default {@link PVWATTS_INVERTER_REFERENCE_EFFICIENCY}. */
  readonly referenceEfficiency?: number;
}

/** AC power, kW, with `dcKw = acKw + inverterLossKw + clippingLossKw`. */
export interface PvwattsAcResult {
  readonly acKw: number;
  /** Conversion losses, kW. */
  readonly inverterLossKw: number;
  /** Power cut by the AC rating, kW. */
  readonly clippingLossKw: number;
}

/**
 * PVWatts inverter (Dobos 2014): zeta = Pdc / Pdc0 with Pdc0 = Pac0 / eta_nom;
 * eta = eta_nom / eta_ref (-0.0162 zeta - 0.0059 / zeta + 0.9858); Pac = min(eta Pdc, Pac0), >= 0.
 */
export function pvwattsAc(input: PvwattsAcInput): PvwattsAcResult {
  const dc = Math.max(input.dcKw, 0);
  const pac0 = Math.max(input.acRatedKw, 0);
  const etaNom = input.nominalEfficiency ?? PVWATTS_INVERTER_NOMINAL_EFFICIENCY;
  const etaRef = input.referenceEfficiency ?? PVWATTS_INVERTER_REFERENCE_EFFICIENCY;
  if (!(dc > 0) || !(pac0 > 0)) return { acKw: 0, inverterLossKw: dc, clippingLossKw: 0 };
  const zeta = dc / (pac0 / etaNom);
  const eta = (etaNom / etaRef) * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
  const acUnclipped = eta * dc;
  if (!(acUnclipped > 0)) return { acKw: 0, inverterLossKw: dc, clippingLossKw: 0 };
  const acKw = Math.min(acUnclipped, pac0);
  return { acKw, inverterLossKw: dc - acUnclipped, clippingLossKw: acUnclipped - acKw };
}
