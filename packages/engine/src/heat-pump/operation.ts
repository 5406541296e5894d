import type { Issue, Result } from "@kera/schema";
import { checkSeries, type ScalarOrSeries } from "./check-series.js";

/** Input of {@link heatPumpOperation}. Hourly steps: kW over one hour equals kWh. */
export interface HeatPumpOperationInput {
  /** Heat wanted from the heat pump per hour, kWh (thermal). */
  readonly heatDemandKwh: Float64Array;
  /** COP per hour (≥ 1), e.g. from `heatPumpHourly`. */
  readonly cop: Float64Array;
  /** Thermal capacity, kW (scalar or hourly, e.g. derated for low air temperatures). */
  readonly capacityKw: ScalarOrSeries;
  /** Optional limit on electricity input, kW. */
  readonly maxElectricityKw?: ScalarOrSeries;
  /** Optional heat the source can give per hour, kWh (a waste-heat source, a sewage flow). */
  readonly sourceHeatAvailableKwh?: Float64Array;
}

/** Hourly result of {@link heatPumpOperation}; every hour heatKwh = electricityKwh + sourceHeatKwh. */
export interface HeatPumpOperation {
  /** Heat delivered, kWh. */
  readonly heatKwh: Float64Array;
  /** Electricity used, kWh. */
  readonly electricityKwh: Float64Array;
  /** Heat drawn from the source (ambient, ground, waste heat), kWh. */
  readonly sourceHeatKwh: Float64Array;
  /** Demand the heat pump could not meet, kWh. */
  readonly unmetHeatKwh: Float64Array;
}

/**
 * Rule-based operation of a heat pump following demand: each hour it delivers
 * heat = min(demand, capacity, maxElectricity·COP, sourceAvailable·COP/(COP − 1)),
 * uses electricity = heat / COP and draws source heat = heat − electricity, so energy is conserved exactly.
 */
export function heatPumpOperation(input: HeatPumpOperationInput): Result<HeatPumpOperation> {
  const n = input.heatDemandKwh.length;
  const issues: Issue[] = [];
  checkSeries(input.cop, "cop", n, 1, issues);
  checkSeries(input.capacityKw, "capacityKw", n, 0, issues);
  checkSeries(input.heatDemandKwh, "heatDemandKwh", n, 0, issues);
  if (input.maxElectricityKw !== undefined)
    checkSeries(input.maxElectricityKw, "maxElectricityKw", n, 0, issues);
  if (input.sourceHeatAvailableKwh !== undefined)
    checkSeries(input.sourceHeatAvailableKwh, "sourceHeatAvailableKwh", n, 0, issues);
  if (issues.length > 0) return { ok: false, issues };

  const heatKwh = new Float64Array(n);
  const electricityKwh = new Float64Array(n);
  const sourceHeatKwh = new Float64Array(n);
  const unmetHeatKwh = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const demand = input.heatDemandKwh[t] as number;
    const cop = input.cop[t] as number;
    let heat = Math.min(demand, at(input.capacityKw, t));
    if (input.maxElectricityKw !== undefined) heat = Math.min(heat, at(input.maxElectricityKw, t) * cop);
    if (input.sourceHeatAvailableKwh !== undefined && cop > 1) {
      heat = Math.min(heat, ((input.sourceHeatAvailableKwh[t] as number) * cop) / (cop - 1));
    }
    const electricity = heat / cop;
    heatKwh[t] = heat;
    electricityKwh[t] = electricity;
    sourceHeatKwh[t] = Math.max(heat - electricity, 0);
    unmetHeatKwh[t] = demand - heat;
  }
  return { ok: true, value: { heatKwh, electricityKwh, sourceHeatKwh, unmetHeatKwh } };
}

function at(v: ScalarOrSeries, t: number): number {
  return typeof v === "number" ? v : (v[t] as number);
}
