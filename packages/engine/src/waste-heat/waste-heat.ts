import type { Issue, Result } from "@kera/schema";
import { assertNever } from "../errors.js";
import { checkSeries, type ScalarOrSeries } from "../heat-pump/check-series.js";
import { DEFAULT_SEWAGE_TEMP_C } from "../heat-pump/source-temperature.js";
import type { Timeline } from "../time/timeline.js";

/**
 * Volumetric heat capacity of water, kWh/(m3·K): 1000 kg/m3 × 4.19 kJ/(kg·K) / 3600 s/h (water near 10 degC;
 * standard property tables).
 */
export const WATER_HEAT_CAPACITY_KWH_PER_M3K = (1000 * 4.19) / 3600;

/**
 * Defaults of waste-heat sources. All are estimates unless a source is named; see
 * docs/physics/heat-pumps-ev-waste-heat.md for the reasoning.
 */
export const WASTE_HEAT_DEFAULTS = {
  supermarketRefrigeration: {
    /** Seasonal COP of supermarket refrigeration (cooling / electricity), mixed medium/low temperature (estimate). */
    coolingCop: 2.5,
    /** Share of condenser heat that heat recovery captures (estimate). */
    recoverableShare: 0.8,
    /** Temperature of the recovered condenser heat, degC (low-temperature recovery into a heat pump; estimate). */
    temperatureC: 30,
  },
  dataCentre: {
    /** Share of IT electricity recoverable as heat (almost all IT power ends as heat; estimate). */
    recoverableShare: 0.9,
    /** Temperature of the cooling return (air-cooled halls 25–35 degC; estimate). */
    temperatureC: 30,
  },
  sewage: {
    /** Cooling of the wastewater by the heat pump's evaporator, K (estimate). */
    coolingDeltaK: 5,
    /** Lowest allowed outlet temperature, degC (keeps the evaporator from freezing; estimate). */
    minOutletTempC: 2,
    /** Inflow temperature, degC: ~10 degC at the Påttis plant, Vaasa (see `DEFAULT_SEWAGE_TEMP_C`). */
    temperatureC: DEFAULT_SEWAGE_TEMP_C,
  },
} as const;

interface Common {
  readonly timeline: Timeline;
  /** Temperature at which the heat is available, degC (scalar or hourly); kind-specific default. */
  readonly temperatureC?: ScalarOrSeries;
}

/** Input of {@link wasteHeatAvailability}: what produces the heat, per kind. Scalars are constant over time. */
export type WasteHeatInput =
  | (Common & {
      readonly kind: "supermarketRefrigeration";
      /** Electricity of the refrigeration compressors, kW. */
      readonly refrigerationElectricityKw: ScalarOrSeries;
      readonly coolingCop?: number;
      readonly recoverableShare?: number;
    })
  | (Common & {
      readonly kind: "dataCentre";
      /** IT load (servers, storage, network), kW. */
      readonly itLoadKw: ScalarOrSeries;
      readonly recoverableShare?: number;
    })
  | (Common & {
      readonly kind: "sewage";
      /** Wastewater flow past the heat exchanger, m3/h. */
      readonly flowM3PerH: ScalarOrSeries;
      readonly coolingDeltaK?: number;
      readonly minOutletTempC?: number;
    })
  | (Common & {
      readonly kind: "custom";
      /** Available heat, kW. */
      readonly heatKw: ScalarOrSeries;
      readonly temperatureC: ScalarOrSeries;
    });

/** Hourly waste heat: energy per hour and the temperature it is available at. */
export interface WasteHeatAvailability {
  /** Heat available per hour, kWh. */
  readonly heatKwh: Float64Array;
  /** Temperature of that heat, degC. */
  readonly temperatureC: Float64Array;
}

/**
 * Hourly available waste heat and its temperature, tied to what produces it:
 * - supermarket refrigeration: condenser heat = electricity × (1 + COP_cooling) (energy balance of the
 *   refrigeration cycle: heat rejected = heat removed + compressor work), times the recoverable share;
 * - data centre: IT electricity × recoverable share (IT power ends as heat);
 * - sewage: ρ·c_p · flow · ΔT, with ΔT limited so the outlet stays above `minOutletTempC`;
 * - custom: as given.
 */
export function wasteHeatAvailability(input: WasteHeatInput): Result<WasteHeatAvailability> {
  const hours = input.timeline.hours;
  const issues: Issue[] = [];
  const share = (v: number | undefined, path: string): void => {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) {
      issues.push({
        code: "out-of-range",
        severity: "error",
        path,
        message: `${path} must be a share between 0 and 1, got ${v}`,
      });
    }
  };
  const temperature = input.temperatureC ?? defaultTemperature(input.kind);
  checkSeries(temperature, "temperatureC", hours, -273.15, issues);
  let producer: ScalarOrSeries;
  let heatPerUnit: (t: number, tempC: number) => number;
  switch (input.kind) {
    case "supermarketRefrigeration": {
      const d = WASTE_HEAT_DEFAULTS.supermarketRefrigeration;
      producer = input.refrigerationElectricityKw;
      checkSeries(producer, "refrigerationElectricityKw", hours, 0, issues);
      checkSeries(input.coolingCop ?? d.coolingCop, "coolingCop", hours, 0, issues);
      share(input.recoverableShare, "recoverableShare");
      const factor =
        (1 + (input.coolingCop ?? d.coolingCop)) * (input.recoverableShare ?? d.recoverableShare);
      heatPerUnit = () => factor;
      break;
    }
    case "dataCentre": {
      producer = input.itLoadKw;
      checkSeries(producer, "itLoadKw", hours, 0, issues);
      share(input.recoverableShare, "recoverableShare");
      const factor = input.recoverableShare ?? WASTE_HEAT_DEFAULTS.dataCentre.recoverableShare;
      heatPerUnit = () => factor;
      break;
    }
    case "sewage": {
      const d = WASTE_HEAT_DEFAULTS.sewage;
      producer = input.flowM3PerH;
      checkSeries(producer, "flowM3PerH", hours, 0, issues);
      const deltaK = input.coolingDeltaK ?? d.coolingDeltaK;
      const minOutlet = input.minOutletTempC ?? d.minOutletTempC;
      checkSeries(deltaK, "coolingDeltaK", hours, 0, issues);
      checkSeries(minOutlet, "minOutletTempC", hours, -273.15, issues);
      heatPerUnit = (_t, tempC) =>
        WATER_HEAT_CAPACITY_KWH_PER_M3K * Math.max(0, Math.min(deltaK, tempC - minOutlet));
      break;
    }
    case "custom":
      producer = input.heatKw;
      checkSeries(producer, "heatKw", hours, 0, issues);
      heatPerUnit = () => 1;
      break;
    default:
      return assertNever(input, "waste-heat kind");
  }
  if (issues.length > 0) return { ok: false, issues };
  const heatKwh = new Float64Array(hours);
  const temperatureC = new Float64Array(hours);
  for (let t = 0; t < hours; t++) {
    const tempC = typeof temperature === "number" ? temperature : (temperature[t] as number);
    const unit = typeof producer === "number" ? producer : (producer[t] as number);
    temperatureC[t] = tempC;
    heatKwh[t] = unit * heatPerUnit(t, tempC);
  }
  return { ok: true, value: { heatKwh, temperatureC } };
}

function defaultTemperature(kind: WasteHeatInput["kind"]): number {
  switch (kind) {
    case "supermarketRefrigeration":
      return WASTE_HEAT_DEFAULTS.supermarketRefrigeration.temperatureC;
    case "dataCentre":
      return WASTE_HEAT_DEFAULTS.dataCentre.temperatureC;
    case "sewage":
      return WASTE_HEAT_DEFAULTS.sewage.temperatureC;
    case "custom":
      return Number.NaN; // required by the type; caught by the validation
    default:
      return assertNever(kind, "waste-heat kind");
  }
}
