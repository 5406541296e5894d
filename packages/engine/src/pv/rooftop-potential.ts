import { assertNever, EngineError } from "../errors.js";

const DEG = Math.PI / 180;

/** How modules are laid out on a roof. */
export type RooftopLayout = "south" | "east-west" | "flat";

/**
 * Module efficiency at STC default, 0.204: the shipment-weighted average efficiency of commercial
 * crystalline-silicon modules in Q4 2021, Fraunhofer ISE "Photovoltaics Report" (2022). A module of
 * efficiency eta yields eta x 1 kWp per m2 of module area (STC irradiance 1000 W/m2).
 */
export const DEFAULT_MODULE_EFFICIENCY = 0.204;

/**
 * Fraction of the gross roof area usable for modules after setbacks, fire paths, plant rooms, skylights
 * and shade, 0.7 (estimate). Cross-check: the Elo shopping centre in Ylojarvi carries about 1 MWp on a
 * roof of about 12,000 m2 (KERA.md [B18], [B19]); 12,000 x 0.7 x GCR 0.70 (15 degree rows, below) x
 * 0.165 (2016-era module) = 0.97 MWp.
 */
export const DEFAULT_USABLE_ROOF_FRACTION = 0.7;

/**
 * Default module tilts by layout, degrees (estimates, typical of Finnish flat-roof racking):
 * south-facing rows 30, east-west ridge racks 10, modules laid flat 0.
 */
export const DEFAULT_LAYOUT_TILT_DEG: Readonly<Record<RooftopLayout, number>> = {
  south: 30,
  "east-west": 10,
  flat: 0,
};

/**
 * Ground coverage ratio of east-west ridge racks and of flat modules, 0.9 (estimate): back-to-back rows
 * do not shade each other at noon, so only maintenance walkways separate them.
 */
export const DENSE_LAYOUT_GROUND_COVERAGE_RATIO = 0.9;

/** Inputs of {@link rooftopPvPotential}. */
export interface RooftopPvInput {
  /** Gross (plan) roof area, m2. */
  readonly roofAreaM2: number;
  readonly layout: RooftopLayout;
  /** Latitude, degrees (sets the row spacing of "south"). Default 60.22 (Kera). */
  readonly latitude?: number;
  /** Module tilt, degrees. Default {@link DEFAULT_LAYOUT_TILT_DEG}. */
  readonly tiltDeg?: number;
  /** Usable fraction of the roof. Default {@link DEFAULT_USABLE_ROOF_FRACTION}. */
  readonly usableFraction?: number;
  /** Module efficiency at STC. Default {@link DEFAULT_MODULE_EFFICIENCY}. */
  readonly moduleEfficiency?: number;
  /** Module area / usable roof area. Default: from the layout (see {@link rowGroundCoverageRatio}). */
  readonly groundCoverageRatio?: number;
}

/** A planned array, ready for pvHourlyProduction. */
export interface RooftopArray {
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
  readonly capacityKwp: number;
}

/** Rooftop PV potential. */
export interface RooftopPvPotential {
  /** DC nameplate that fits, kWp. */
  readonly capacityKwp: number;
  /** Module area, m2. */
  readonly moduleAreaM2: number;
  readonly groundCoverageRatio: number;
  readonly tiltDeg: number;
  /** The arrays (one for south and flat, two halves facing 90 and 270 degrees for east-west). */
  readonly arrays: readonly RooftopArray[];
}

/**
 * Ground coverage ratio (module slant length / row pitch) of south-facing rows of tilt beta that do not
 * shade each other while the sun is above elevation h in the rows' normal plane:
 * GCR = 1 / (cos beta + sin beta / tan h) (plain shadow geometry, e.g. Duffie & Beckman, "Solar Engineering
 * of Thermal Processes", 4th ed. 2013, chapter 1 on shading). Default design sun: solar noon at the equinoxes,
 * h = 90 - |latitude| (an estimate of common practice; at Kera h = 29.8 degrees, GCR 0.58 at 30 degrees).
 */
export function rowGroundCoverageRatio(tiltDeg: number, designElevationDeg: number): number {
  const beta = tiltDeg * DEG;
  const h = Math.min(Math.max(designElevationDeg, 1), 90) * DEG;
  return 1 / (Math.cos(beta) + Math.sin(beta) / Math.tan(h));
}

/**
 * Rooftop PV that fits on a roof: capacity = roof area x usable fraction x ground coverage ratio x module
 * efficiency x 1 kW/m2. Every default is listed and sourced in docs/physics/solar-and-pv.md.
 */
export function rooftopPvPotential(input: RooftopPvInput): RooftopPvPotential {
  if (!(input.roofAreaM2 >= 0)) throw new EngineError("invalid-roof-area", "roofAreaM2 must be >= 0");
  const tiltDeg = input.tiltDeg ?? DEFAULT_LAYOUT_TILT_DEG[input.layout];
  const usable = input.usableFraction ?? DEFAULT_USABLE_ROOF_FRACTION;
  const eta = input.moduleEfficiency ?? DEFAULT_MODULE_EFFICIENCY;
  let gcr = input.groundCoverageRatio;
  if (gcr === undefined) {
    switch (input.layout) {
      case "south":
        gcr = rowGroundCoverageRatio(tiltDeg, 90 - Math.abs(input.latitude ?? 60.22));
        break;
      case "east-west":
      case "flat":
        gcr = DENSE_LAYOUT_GROUND_COVERAGE_RATIO;
        break;
      default:
        return assertNever(input.layout, "rooftop layout");
    }
  }
  const moduleAreaM2 = input.roofAreaM2 * usable * gcr;
  const capacityKwp = moduleAreaM2 * eta;
  const arrays: RooftopArray[] =
    input.layout === "east-west"
      ? [
          { tiltDeg, azimuthDeg: 90, capacityKwp: capacityKwp / 2 },
          { tiltDeg, azimuthDeg: 270, capacityKwp: capacityKwp / 2 },
        ]
      : [{ tiltDeg, azimuthDeg: 180, capacityKwp }];
  return { capacityKwp, moduleAreaM2, groundCoverageRatio: gcr, tiltDeg, arrays };
}
