import "../../zod-jitless.js";
import {
  buildNetwork,
  computeKpis,
  simulate,
  type Kpis,
  type Network,
  type SimulationResult,
  type Weather,
} from "@kera/engine";
import { parseDistrict, type District, type Issue } from "@kera/schema";
import type { ModelInputs } from "../../api/client.js";
import type { Levers } from "./levers.js";

export { LEVER_KEYS, type Levers } from "./levers.js";

/** The value the server puts in place of a confidential field the viewer may not see. */
export const REDACTED = "[confidential]";

/**
 * Removes confidential placeholders so the schema's defaults apply (the viewer's what-if then uses defaults);
 * a hidden investment cost, which extendable assets require, counts as 0 EUR (the what-if does not size assets).
 */
export function stripRedacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== REDACTED).map(stripRedacted);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === REDACTED) {
      if (k === "costInvest") out[k] = 0;
      continue;
    }
    out[k] = stripRedacted(v);
  }
  return out;
}

export function weatherOf(inputs: ModelInputs): Weather {
  const w = inputs.weather;
  return {
    source: w.source,
    timeline: w.timeline,
    temperatureC: Float64Array.from(w.temperatureC),
    relativeHumidityPct: Float64Array.from(w.relativeHumidityPct),
    windSpeedMs: Float64Array.from(w.windSpeedMs),
    ghiWm2: Float64Array.from(w.ghiWm2),
    dhiWm2: Float64Array.from(w.dhiWm2),
    dniWm2: Float64Array.from(w.dniWm2),
  } as Weather;
}

export type Prepared =
  | {
      readonly ok: true;
      readonly district: District;
      readonly weather: Weather;
      readonly csv: ReadonlyMap<string, Float64Array>;
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export function prepareInputs(inputs: ModelInputs): Prepared {
  const parsed = parseDistrict(stripRedacted(inputs.model));
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const csv = new Map(Object.entries(inputs.csvSeries).map(([k, v]) => [k, Float64Array.from(v)] as const));
  return { ok: true, district: parsed.value, weather: weatherOf(inputs), csv };
}

export function networkFor(p: Extract<Prepared, { ok: true }>, year?: number) {
  return buildNetwork({
    district: p.district,
    weather: p.weather,
    csvSeries: p.csv,
    ...(year === undefined ? {} : { year }),
  });
}

const sumArr = (a: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
};

/** The levers as the network has them. */
export function leversOf(network: Network): Levers {
  const wasteAvail = network.wasteHeat.reduce((s, w) => s + sumArr(w.availableKwh), 0);
  return {
    pvKwp: network.sources.reduce((s, x) => s + x.capacityKw, 0),
    heatPumpKw: network.converters.filter((c) => c.kind === "heatPump").reduce((s, c) => s + c.capacityKw, 0),
    storageKwh: network.storages.reduce((s, x) => s + x.capacityKwh, 0),
    wasteHeatShare: wasteAvail > 0 ? 1 : 0,
    offsiteKw: network.offsite.reduce((s, x) => s + x.capacityKw, 0),
  };
}

const scaled = (a: Float64Array, k: number): Float64Array => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) * k;
  return out;
};
const factor = (target: number, base: number): number => (base > 0 ? Math.max(0, target) / base : 0);

/**
 * A copy of the network with the levers applied: every asset of a lever is scaled by target / base, so
 * the district's mix is kept (the input network is not changed). Off-site contracts with no base capacity
 * get the target spread by their per-unit availability.
 */
export function applyLevers(network: Network, levers: Levers): Network {
  const base = leversOf(network);
  const kPv = factor(levers.pvKwp, base.pvKwp);
  const kHp = factor(levers.heatPumpKw, base.heatPumpKw);
  const kSt = factor(levers.storageKwh, base.storageKwh);
  const kWh = Math.max(0, Math.min(1, levers.wasteHeatShare));
  const nOff = network.offsite.length;
  return {
    ...network,
    sources: network.sources.map((s) => ({
      ...s,
      capacityKw: s.capacityKw * kPv,
      availableKwh: scaled(s.availableKwh, kPv),
    })),
    converters: network.converters.map((c) =>
      c.kind === "heatPump" ? { ...c, capacityKw: c.capacityKw * kHp } : c,
    ),
    storages: network.storages.map((s) => ({
      ...s,
      capacityKwh: s.capacityKwh * kSt,
      maxChargeKw: s.maxChargeKw * kSt,
      maxDischargeKw: s.maxDischargeKw * kSt,
    })),
    wasteHeat: network.wasteHeat.map((w) => ({ ...w, availableKwh: scaled(w.availableKwh, kWh) })),
    offsite: network.offsite.map((o) => {
      const capacityKw =
        base.offsiteKw > 0
          ? o.capacityKw * factor(levers.offsiteKw, base.offsiteKw)
          : Math.max(0, levers.offsiteKw) / nOff;
      return { ...o, capacityKw, contractedKwh: scaled(o.availabilityPerUnit, capacityKw) };
    }),
  };
}

export interface WhatIfOutcome {
  readonly kpis: Kpis;
  readonly result: SimulationResult;
}

/** Rule-based simulation and indicators of the network with the levers applied (no reference district). */
export function computeWhatIf(network: Network, levers: Levers): WhatIfOutcome {
  const net = applyLevers(network, levers);
  const result = simulate(net, {});
  return { kpis: computeKpis(net, result, { reference: false }), result };
}
