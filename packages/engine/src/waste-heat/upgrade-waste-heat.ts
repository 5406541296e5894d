import type { Issue, Result } from "@kera/schema";
import { heatPumpHourly, type CopModel } from "../heat-pump/cop.js";
import { checkSeries, type ScalarOrSeries } from "../heat-pump/check-series.js";
import { heatPumpOperation, type HeatPumpOperation } from "../heat-pump/operation.js";
import { heatPumpSourceTemperature } from "../heat-pump/source-temperature.js";
import type { WasteHeatAvailability } from "./waste-heat.js";

/** Input of {@link upgradeWasteHeat}. */
export interface UpgradeWasteHeatInput {
  /** Hourly waste heat and its temperature, from `wasteHeatAvailability`. */
  readonly wasteHeat: WasteHeatAvailability;
  /** Network (sink) supply temperature, degC, e.g. from `heatingCurve` or a district-heating supply curve. */
  readonly sinkTempC: ScalarOrSeries;
  /** Heat pump thermal capacity, kW. */
  readonly capacityKw: ScalarOrSeries;
  /** Heat wanted per hour, kWh; default: as much as the capacity and the source allow. */
  readonly heatDemandKwh?: Float64Array;
  /** COP model; default "carnot" (the when2heat regression was fitted on building heat pumps). */
  readonly model?: CopModel;
  readonly carnotEfficiency?: number;
}

/**
 * A heat pump raising waste heat to network temperature. Source temperature = waste-heat temperature minus the
 * heat-exchanger difference; heat delivered is limited by demand, capacity and the waste heat available
 * (heat ≤ available · COP / (COP − 1)); heat = electricity + source heat every hour.
 */
export function upgradeWasteHeat(
  input: UpgradeWasteHeatInput,
): Result<HeatPumpOperation & { cop: Float64Array }> {
  const hours = input.wasteHeat.heatKwh.length;
  const issues: Issue[] = [];
  checkSeries(input.sinkTempC, "sinkTempC", hours, -273.15, issues);
  if (issues.length > 0) return { ok: false, issues };
  const source = heatPumpSourceTemperature({
    source: "wasteHeat",
    airTempC: new Float64Array(hours),
    wasteHeatTempC: input.wasteHeat.temperatureC,
  });
  if (!source.ok) return source;
  const sink =
    typeof input.sinkTempC === "number" ? new Float64Array(hours).fill(input.sinkTempC) : input.sinkTempC;
  const cop = heatPumpHourly({
    model: input.model ?? "carnot",
    source: "wasteHeat",
    carnotEfficiency: input.carnotEfficiency,
    sourceTempC: source.value,
    sinkTempC: sink,
  });
  const capacity = input.capacityKw;
  const demand =
    input.heatDemandKwh ??
    (typeof capacity === "number" ? new Float64Array(hours).fill(capacity) : Float64Array.from(capacity));
  const op = heatPumpOperation({
    heatDemandKwh: demand,
    cop,
    capacityKw: capacity,
    sourceHeatAvailableKwh: input.wasteHeat.heatKwh,
  });
  if (!op.ok) return op;
  return { ok: true, value: { ...op.value, cop } };
}
