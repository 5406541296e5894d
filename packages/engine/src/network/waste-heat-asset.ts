import type { Result } from "@kera/schema";
import type { Timeline } from "../time/timeline.js";
import { wasteHeatFromAnnual } from "../waste-heat/waste-heat-from-annual.js";

export interface WasteHeatAssetInput {
  readonly kind: "supermarketRefrigeration" | "dataCentre" | "sewage" | "industrial" | "custom";
  /** Maximum heat available, kW. */
  readonly capacityKw: number;
  /** Heat available per year, kWh/a (flat profile unless `availability` shapes it). */
  readonly annualEnergyKwh?: number;
  /** Per-unit availability series (0..1 of capacity). */
  readonly availability?: Float64Array;
  /** Temperature of the stream, degC (default per kind, see docs/physics/heat-pumps-ev-waste-heat.md). */
  readonly temperatureC?: Float64Array;
  readonly timeline: Timeline;
}

/**
 * Hourly heat (kWh) and temperature (degC) of a district model's `wasteHeatSource` asset, through the
 * engine's waste-heat model: an explicit availability x capacity, else the annual energy spread flat
 * (never above the capacity), else the full capacity every hour.
 */
export function wasteHeatForAsset(
  input: WasteHeatAssetInput,
): Result<{ heatKwh: Float64Array; temperatureC: Float64Array }> {
  const n = input.timeline.hours;
  const shape = input.availability;
  const annual =
    shape !== undefined
      ? (shape.reduce((s, v) => s + v, 0) * input.capacityKw * 8760) / Math.max(1, n)
      : (input.annualEnergyKwh ?? input.capacityKw * 8760);
  const r = wasteHeatFromAnnual({
    kind: input.kind,
    timeline: input.timeline,
    annualHeatKwh: annual,
    shape,
    temperatureC: input.temperatureC,
  });
  if (!r.ok) return r;
  const heatKwh = r.value.heatKwh.map((v) => Math.min(v, input.capacityKw));
  const t = r.value.temperatureC;
  const temperatureC = typeof t === "number" ? new Float64Array(n).fill(t) : Float64Array.from(t);
  return { ok: true, value: { heatKwh, temperatureC } };
}
