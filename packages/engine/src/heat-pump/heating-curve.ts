/**
 * Heating curve: the supply temperature a space-heating circuit needs at a given outdoor temperature.
 *
 * With the relative load φ = (T_room − T_out) / (T_room − T_out,design), clipped to [φ(limit), 1]:
 * - with a design return temperature (radiators, emitter exponent n, EN 442-2):
 *   T_supply = T_room + ½(T_s,d + T_r,d − 2·T_room)·φ^(1/n) + ½(T_s,d − T_r,d)·φ
 * - without one (linear curve): T_supply = T_room + (T_s,d − T_room)·φ
 * Above the heating limit temperature heating is off and the curve stays at its value at the limit.
 */

/**
 * Design outdoor temperature for Espoo/Helsinki/Vantaa (climate zone I), degC. Source: Ministry of the
 * Environment, Finnish building code D5 (2012), "mitoittava ulkolämpötila" zone I = −26 degC.
 */
export const DESIGN_OUTDOOR_TEMP_ESPOO_C = -26;

/**
 * Maximum design supply/return temperatures of new buildings on Finnish district heating, degC. Source:
 * Finnish Energy, "Rakennusten kaukolämmitys, määräykset ja ohjeet" K1/2013, §3.4.1: radiator heating 60/30,
 * floor heating 35/30 (previously 70/40 and 45).
 */
export const K1_2013_DESIGN_TEMPS_C = {
  radiator: { supply: 60, return: 30 },
  floor: { supply: 35, return: 30 },
} as const;

/** Radiator heat-output exponent n in Q ∝ ΔT^n; 1.3 is the standard value for panel radiators (EN 442-2). */
export const RADIATOR_EXPONENT = 1.3;

/** Indoor design temperature, degC (Finnish building code D3/D5: heating design indoor temperature 21 degC). */
export const DEFAULT_ROOM_TEMP_C = 21;

/**
 * Heating limit temperature, degC: Finnish heating degree days use base +17 degC (S17; FMI, KERA.md §2.4),
 * i.e. space heating is assumed off above 17 degC outdoors.
 */
export const HEATING_LIMIT_TEMP_C = 17;

/**
 * Domestic hot water supply temperature, degC: 58 degC, set in Finnish Energy's district-heating guidelines
 * (K1, since the 2007 update, to match the Ministry of the Environment's rules; summary of K1/2013 changes).
 */
export const DHW_SUPPLY_TEMP_C = 58;

/**
 * Default space-heating curve of a new Espoo building with radiators: design −26 degC, 60/30 degC (K1/2013
 * maximum for new buildings), heating limit 17 degC, room 21 degC.
 */
export const DEFAULT_RADIATOR_CURVE = {
  designOutdoorTempC: DESIGN_OUTDOOR_TEMP_ESPOO_C,
  designSupplyTempC: K1_2013_DESIGN_TEMPS_C.radiator.supply,
  designReturnTempC: K1_2013_DESIGN_TEMPS_C.radiator.return,
  heatingLimitTempC: HEATING_LIMIT_TEMP_C,
  roomTempC: DEFAULT_ROOM_TEMP_C,
  emitterExponent: RADIATOR_EXPONENT,
} as const;

/** Default floor-heating curve: design −26 degC, 35/30 degC (K1/2013), emitter exponent 1.1 (estimate). */
export const DEFAULT_FLOOR_CURVE = {
  designOutdoorTempC: DESIGN_OUTDOOR_TEMP_ESPOO_C,
  designSupplyTempC: K1_2013_DESIGN_TEMPS_C.floor.supply,
  designReturnTempC: K1_2013_DESIGN_TEMPS_C.floor.return,
  heatingLimitTempC: HEATING_LIMIT_TEMP_C,
  roomTempC: DEFAULT_ROOM_TEMP_C,
  emitterExponent: 1.1,
} as const;

/** Input of {@link heatingCurve}. All temperatures degC. */
export interface HeatingCurveInput {
  readonly outdoorTempC: number;
  /** Outdoor temperature at which the design supply temperature is needed, e.g. {@link DESIGN_OUTDOOR_TEMP_ESPOO_C}. */
  readonly designOutdoorTempC: number;
  /** Supply temperature at the design outdoor temperature. */
  readonly designSupplyTempC: number;
  /** Return temperature at design conditions; when given, the radiator (EN 442) curve is used, else a linear one. */
  readonly designReturnTempC?: number;
  /** Outdoor temperature above which space heating is off (e.g. 15–17 degC). */
  readonly heatingLimitTempC: number;
  /** Indoor temperature; default {@link DEFAULT_ROOM_TEMP_C}. */
  readonly roomTempC?: number;
  /** Emitter exponent; default {@link RADIATOR_EXPONENT} (use 1.1 for floor heating). */
  readonly emitterExponent?: number;
}

/** Supply temperature, degC, from a heating curve (see the module comment for the formula). */
export function heatingCurve(input: HeatingCurveInput): number {
  return supplyTempC(input, input.outdoorTempC);
}

function supplyTempC(curve: Omit<HeatingCurveInput, "outdoorTempC">, outdoorTempC: number): number {
  const room = curve.roomTempC ?? DEFAULT_ROOM_TEMP_C;
  const span = room - curve.designOutdoorTempC;
  if (!(span > 0)) return curve.designSupplyTempC;
  const outdoor = Math.min(outdoorTempC, curve.heatingLimitTempC);
  const load = Math.min(Math.max((room - outdoor) / span, 0), 1);
  const supplyDesign = curve.designSupplyTempC;
  if (curve.designReturnTempC === undefined) {
    return room + (supplyDesign - room) * load;
  }
  const n = curve.emitterExponent ?? RADIATOR_EXPONENT;
  const returnDesign = curve.designReturnTempC;
  return (
    room +
    0.5 * (supplyDesign + returnDesign - 2 * room) * Math.pow(load, 1 / n) +
    0.5 * (supplyDesign - returnDesign) * load
  );
}

/** Hourly supply temperatures, degC, for an outdoor temperature series. */
export function heatingCurveHourly(
  outdoorTempC: Float64Array,
  curve: Omit<HeatingCurveInput, "outdoorTempC">,
): Float64Array {
  const out = new Float64Array(outdoorTempC.length);
  for (let i = 0; i < out.length; i++) out[i] = supplyTempC(curve, outdoorTempC[i] as number);
  return out;
}

/**
 * when2heat's sink temperatures (Ruhnau et al. 2019, Scientific Data 6:189): radiators 40 − T_out,
 * floor heating 30 − 0.5·T_out, domestic hot water a constant 50 degC (all degC).
 */
export function when2heatSinkTempC(sink: "radiator" | "floor" | "water", outdoorTempC: number): number {
  switch (sink) {
    case "radiator":
      return 40 - outdoorTempC;
    case "floor":
      return 30 - 0.5 * outdoorTempC;
    case "water":
      return 50;
  }
}
