import type {
  Network,
  NetworkGrid,
  NetworkLoad,
  NetworkSource,
  NetworkStorage,
  NetworkConverter,
  Carrier,
  Extendable,
} from "../network/network.js";
import { NO_COSTS } from "../network/network.js";

/** Helpers to write small networks by hand in tests. Not part of the engine's API. */
export const START_2025 = Date.UTC(2024, 11, 31, 22); // 2025-01-01T00:00 in Helsinki (UTC+2)

export const series = (values: readonly number[]): Float64Array => Float64Array.from(values);
export const constant = (hours: number, value: number): Float64Array => new Float64Array(hours).fill(value);

export function load(
  id: string,
  carrier: Carrier,
  values: readonly number[],
  owner = "owner:a",
): NetworkLoad {
  return {
    id,
    owner,
    carrier,
    use: carrier === "heat" ? "spaceHeating" : carrier === "cooling" ? "cooling" : "electricity",
    groupId: id,
    residential: true,
    demandKwh: series(values),
  };
}

export function pv(
  id: string,
  values: readonly number[],
  options: Partial<NetworkSource> = {},
): NetworkSource {
  return {
    id,
    owner: "owner:a",
    kind: "pv",
    carrier: "electricity",
    location: "onSite",
    capacityKw: Math.max(...values, 0),
    availableKwh: series(values),
    availabilityPerUnit: series(values.map((v) => v / Math.max(...values, 1e-9))),
    costs: NO_COSTS,
    ...options,
  };
}

export function grid(
  id: string,
  carrier: Carrier,
  hours: number,
  options: Partial<Omit<NetworkGrid, "tariff">> & { importPrice?: number; exportPrice?: number } = {},
): NetworkGrid {
  const { importPrice = 0.1, exportPrice = 0.05, ...rest } = options;
  return {
    id,
    owner: "owner:grid",
    kind:
      carrier === "electricity"
        ? "gridConnection"
        : carrier === "heat"
          ? "districtHeating"
          : "districtCooling",
    carrier,
    importMaxKw: 1e6,
    exportMaxKw: carrier === "electricity" ? 1e6 : 0,
    tariff: {
      importEnergyEurPerKwh: constant(hours, importPrice),
      importNetworkEurPerKwh: constant(hours, 0),
      importTaxEurPerKwh: constant(hours, 0),
      exportEurPerKwh: constant(hours, exportPrice),
      peakEurPerKwMonth: 0,
      fixedEurPerYear: 0,
    },
    ...rest,
  };
}

/** Sizing bounds and costs of an extendable asset: 0..capacityMax, free, 10-year life unless `options` say otherwise. */
export function extendable(capacityMax: number, options: Partial<Extendable> = {}): Extendable {
  return {
    capacityMin: 0,
    capacityMax,
    investEurPerUnit: 0,
    fixedEurPerUnitYear: 0,
    lifetimeYears: 10,
    ...options,
  };
}

export function battery(id: string, options: Partial<NetworkStorage> = {}): NetworkStorage {
  return {
    id,
    owner: "owner:a",
    kind: "battery",
    carrier: "electricity",
    capacityKwh: 10,
    maxChargeKw: 10,
    maxDischargeKw: 10,
    efficiencyCharge: 1,
    efficiencyDischarge: 1,
    standingLossPerHour: 0,
    initialSoc: 0,
    costs: NO_COSTS,
    ...options,
  };
}

export function heatPump(
  id: string,
  cop: readonly number[],
  options: Partial<NetworkConverter> = {},
): NetworkConverter {
  return {
    id,
    owner: "owner:a",
    kind: "heatPump",
    capacityKw: 100,
    efficiency: series(cop),
    priority: 1,
    location: "onSite",
    costs: NO_COSTS,
    ...options,
  };
}

export function network(hours: number, parts: Partial<Network>): Network {
  return {
    timeline: { startUtcMs: START_2025, hours, timeZone: "Europe/Helsinki" },
    loads: [],
    flexibleLoads: [],
    sources: [],
    wasteHeat: [],
    converters: [],
    storages: [],
    grids: [],
    offsite: [],
    factors: {
      primaryEnergy: { electricity: 1.2, heat: 0.5, cooling: 0.28 },
      co2KgPerKwh: {
        electricity: constant(hours, 0.1),
        heat: constant(hours, 0.1),
        cooling: constant(hours, 0.05),
      },
    },
    ped: { boundary: "onSite", weighting: "delivered" },
    people: { residents: 10, jobs: 0 },
    stakeholders: [{ id: "owner:a", name: "A" }],
    discountRate: 0.04,
    vatRate: 0.255,
    co2PriceEurPerKg: 0,
    targets: {},
    ...parts,
  };
}
