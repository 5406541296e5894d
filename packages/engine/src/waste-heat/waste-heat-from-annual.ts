import type { Issue, Result } from "@kera/schema";
import { checkSeries, type ScalarOrSeries } from "../heat-pump/check-series.js";
import type { Timeline } from "../time/timeline.js";
import { WASTE_HEAT_DEFAULTS, type WasteHeatAvailability } from "./waste-heat.js";

/** Input of {@link wasteHeatFromAnnual}. */
export interface WasteHeatFromAnnualInput {
  readonly kind: "supermarketRefrigeration" | "dataCentre" | "sewage" | "industrial" | "custom";
  readonly timeline: Timeline;
  /** Heat available per year, kWh. */
  readonly annualHeatKwh: number;
  /**
   * Shape over the hours (any non-negative weights, e.g. a per-unit availability or opening hours); default
   * flat, i.e. constant heat. Refrigeration, IT load and sewage flow vary little over a year, so flat is a
   * fair first guess when no producer data exist.
   */
  readonly shape?: Float64Array;
  /** Temperature of the heat, degC; default per kind (required for "industrial" and "custom"). */
  readonly temperatureC?: ScalarOrSeries;
}

/**
 * Waste heat from an annual amount: heat[t] = annualHeatKwh × hours/8760 × shape[t] / Σ shape, so the
 * timeline total is the annual amount pro rata. Use `wasteHeatAvailability` when the producer (refrigeration
 * electricity, IT load, sewage flow) is known.
 */
export function wasteHeatFromAnnual(input: WasteHeatFromAnnualInput): Result<WasteHeatAvailability> {
  const hours = input.timeline.hours;
  const issues: Issue[] = [];
  checkSeries(input.annualHeatKwh, "annualHeatKwh", hours, 0, issues);
  if (input.shape !== undefined) checkSeries(input.shape, "shape", hours, 0, issues);
  const temperature = input.temperatureC ?? defaultTemperature(input.kind);
  if (temperature === undefined) {
    issues.push({
      code: "missing-waste-heat-temperature",
      severity: "error",
      path: "temperatureC",
      message: `temperatureC is required for waste heat of kind ${input.kind}`,
    });
  } else {
    checkSeries(temperature, "temperatureC", hours, -273.15, issues);
  }
  let shapeSum = hours;
  if (input.shape !== undefined && issues.length === 0) {
    shapeSum = input.shape.reduce((s, v) => s + v, 0);
    if (!(shapeSum > 0) && input.annualHeatKwh > 0) {
      issues.push({
        code: "invalid-distribution",
        severity: "error",
        path: "shape",
        message: "shape must not be all zero when annualHeatKwh > 0",
      });
    }
  }
  if (issues.length > 0 || temperature === undefined) return { ok: false, issues };
  const totalKwh = (input.annualHeatKwh * hours) / 8760;
  const heatKwh = new Float64Array(hours);
  const temperatureC = new Float64Array(hours);
  for (let t = 0; t < hours; t++) {
    const w = input.shape === undefined ? 1 : (input.shape[t] as number);
    heatKwh[t] = shapeSum > 0 ? (totalKwh * w) / shapeSum : 0;
    temperatureC[t] = typeof temperature === "number" ? temperature : (temperature[t] as number);
  }
  return { ok: true, value: { heatKwh, temperatureC } };
}

function defaultTemperature(kind: WasteHeatFromAnnualInput["kind"]): number | undefined {
  switch (kind) {
    case "supermarketRefrigeration":
    case "dataCentre":
    case "sewage":
      return WASTE_HEAT_DEFAULTS[kind].temperatureC;
    case "industrial":
    case "custom":
      return undefined;
  }
}
