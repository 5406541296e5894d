import type { LocalCalendar } from "../time/local-calendar.js";
import type { Timeline } from "../time/timeline.js";
import type { Weather } from "../weather/weather.js";

export interface WasteHeatAssetInput {
  readonly kind: "supermarketRefrigeration" | "dataCentre" | "sewage" | "industrial" | "custom";
  /** Maximum heat available, kW. */
  readonly capacityKw: number;
  /** Heat available per year, kWh/a; shapes a flat profile when no availability is given. */
  readonly annualEnergyKwh?: number;
  /** Per-unit availability series (0..1 of capacity). */
  readonly availability?: Float64Array;
  /** Temperature of the stream, degC. */
  readonly temperatureC?: Float64Array;
  readonly timeline: Timeline;
  readonly calendar: LocalCalendar;
  readonly weather: Weather;
}

/** Default stream temperatures by kind, degC (see docs/physics/heat-pumps-ev-waste-heat.md). */
const DEFAULT_TEMPERATURE_C: Record<WasteHeatAssetInput["kind"], number> = {
  supermarketRefrigeration: 30,
  dataCentre: 30,
  sewage: 10,
  industrial: 40,
  custom: 25,
};

/** Hourly heat (kWh) and temperature (degC) of a waste-heat asset of a district model. */
export function wasteHeatForAsset(input: WasteHeatAssetInput): {
  heatKwh: Float64Array;
  temperatureC: Float64Array;
} {
  const n = input.timeline.hours;
  const temperatureC = input.temperatureC ?? new Float64Array(n).fill(DEFAULT_TEMPERATURE_C[input.kind]);
  if (input.availability)
    return { heatKwh: input.availability.map((v) => v * input.capacityKw), temperatureC };
  const perHour =
    input.annualEnergyKwh !== undefined
      ? Math.min(input.capacityKw, input.annualEnergyKwh / 8760)
      : input.capacityKw;
  return { heatKwh: new Float64Array(n).fill(perHour), temperatureC };
}
