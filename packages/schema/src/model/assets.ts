import * as z from "zod";
import { type Unit, id, num, strict, text, withMeta } from "../metadata.js";
import { series } from "../series.js";

/** Asset kinds (the `kind` discriminant). */
export const ASSET_KINDS = [
  "pv",
  "heatPump",
  "districtHeating",
  "districtCooling",
  "electricBoiler",
  "thermalStorage",
  "battery",
  "evCharging",
  "gridConnection",
  "wasteHeatSource",
  "offsiteRenewable",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** What `capacity` means for each kind, and its unit. */
export const CAPACITY_MEANING: Readonly<Record<AssetKind, { unit: Unit; meaning: string }>> = {
  pv: { unit: "kWp", meaning: "peak DC power of the modules" },
  heatPump: { unit: "kW", meaning: "rated heat output" },
  districtHeating: { unit: "kW", meaning: "contracted heat power of the connection (import)" },
  districtCooling: { unit: "kW", meaning: "contracted cooling power of the connection" },
  electricBoiler: { unit: "kW", meaning: "rated heat output" },
  thermalStorage: { unit: "kWh", meaning: "usable thermal energy content" },
  battery: { unit: "kWh", meaning: "usable energy content" },
  evCharging: { unit: "kW", meaning: "total charging power of all points" },
  gridConnection: { unit: "kW", meaning: "import limit of the connection" },
  wasteHeatSource: { unit: "kW", meaning: "maximum heat available" },
  offsiteRenewable: { unit: "kW", meaning: "contracted share of the plant's rated power" },
};

function costUnits(unit: Unit): { invest: Unit; fixed: Unit } {
  switch (unit) {
    case "kWp":
      return { invest: "EUR/kWp", fixed: "EUR/kWp/a" };
    case "kWh":
      return { invest: "EUR/kWh", fixed: "EUR/kWh/a" };
    default:
      return { invest: "EUR/kW", fixed: "EUR/kW/a" };
  }
}

/** Fields shared by every asset kind (canonical parameter grammar, STYLE.md §3). */
function base<K extends AssetKind>(kind: K) {
  const { unit, meaning } = CAPACITY_MEANING[kind];
  const costs = costUnits(unit);
  return {
    kind: withMeta(z.literal(kind), { description: `Asset kind \`${kind}\`.` }),
    id: id("Stable id; also the prefix of the asset's LP variables (`<id>:flowOut[t]`)."),
    name: text("Display name.").optional(),
    owner: withMeta(z.string().min(1), { description: "Stakeholder id of the owner." }),
    location: withMeta(z.string().min(1).optional(), {
      description: "Id of the building group where the asset sits (optional).",
    }),
    yearCommissioned: num({
      description: "First year of operation (the build-out phase). Default: in operation throughout.",
      unit: "year",
      int: true,
      min: 1900,
      max: 2100,
    }).optional(),
    capacity: num({
      description: `Capacity: ${meaning}. Required unless \`extendable\`; when extendable, the current plan (within min/max).`,
      unit,
      min: 0,
    }).optional(),
    extendable: withMeta(z.boolean().default(false), {
      description: "Whether the optimiser may size the capacity between `capacityMin` and `capacityMax`.",
    }),
    capacityMin: num({
      description: "Lower bound of an extendable capacity (default 0).",
      unit,
      min: 0,
    }).optional(),
    capacityMax: num({ description: "Upper bound of an extendable capacity.", unit, min: 0 }).optional(),
    costInvest: num({
      description: `Investment cost per unit of capacity. Required when extendable.`,
      unit: costs.invest,
      min: 0,
    }).optional(),
    costFixed: num({
      description: "Fixed operation and maintenance cost per unit of capacity and year.",
      unit: costs.fixed,
      min: 0,
    }).optional(),
    costVariable: num({
      description: "Variable cost per kWh of output (fuel, heat purchase, PPA price).",
      unit: "EUR/kWh",
      min: 0,
    }).optional(),
    lifetime: num({
      description: "Economic lifetime (annuity period of the investment).",
      unit: "years",
      gt: 0,
      max: 100,
    }).optional(),
  };
}

const fraction = (description: string) => num({ description, unit: "fraction", min: 0, max: 1 });
const availability = (what: string) =>
  series({
    description: `Per-unit availability of ${what} (0..1 of capacity per hour); overrides the physics model.`,
    unit: "fraction",
    min: 0,
    max: 1,
  });

export const pvAssetSchema = strict(
  {
    ...base("pv"),
    tilt: num({
      description: "Module tilt from horizontal (default 30 deg).",
      unit: "deg",
      min: 0,
      max: 90,
      source:
        "estimate: a typical racked roof array in southern Finland (flatter than the ~40-45 deg annual optimum)",
    }).default(30),
    azimuth: num({
      description: "Module azimuth, degrees clockwise from north (180 = south, the default).",
      unit: "deg",
      min: 0,
      max: 360,
      source: "south-facing, the orientation of the ~800 kWh/kWp southern-Finland yield [B16]",
    }).default(180),
    lossFraction: num({
      description:
        "System losses (wiring, inverter, soiling, mismatch) as a fraction of DC output (default 0.14).",
      unit: "fraction",
      min: 0,
      max: 1,
      source: "PVGIS default system loss 14 % (JRC PVGIS user manual)",
    }).default(0.14),
    availability: availability("PV output (kW per kWp)").optional(),
  },
  "Photovoltaic array.",
);

export const HEAT_PUMP_SOURCES = ["ground", "air", "exhaustAir", "wasteHeat", "sewage", "water"] as const;

export const heatPumpAssetSchema = strict(
  {
    ...base("heatPump"),
    source: withMeta(z.enum(HEAT_PUMP_SOURCES), { description: "Heat source." }),
    wasteHeatSource: withMeta(z.string().min(1).optional(), {
      description: "Id of the `wasteHeatSource` asset feeding this heat pump (source wasteHeat).",
    }),
    supplyTemperature: series({
      description: "Sink (supply) temperature. Default: the engine's default for the source.",
      unit: "degC",
      min: 0,
      max: 130,
    }).optional(),
    sourceTemperature: series({
      description: "Source temperature. Default: from weather (air) or the engine's source model.",
      unit: "degC",
      min: -50,
      max: 100,
    }).optional(),
    cop: series({
      description:
        "Explicit coefficient of performance (heat out / electricity in); overrides the engine's COP model.",
      unit: "ratio",
      min: 1,
      max: 15,
    }).optional(),
    carnotEfficiency: fraction(
      "Fraction of the Carnot COP reached. Default: the engine's per-source default.",
    ).optional(),
    cooling: withMeta(z.boolean().default(false), {
      description: "Whether the heat pump can also deliver cooling.",
    }),
  },
  "Heat pump (ground, air, exhaust air, waste heat, sewage or water source).",
);

export const districtHeatingAssetSchema = strict(
  {
    ...base("districtHeating"),
    exportCapacity: num({
      description: "Heat that may be sold into the network (open district heating); default 0.",
      unit: "kW",
      min: 0,
    }).default(0),
    emissionFactor: series({
      description: "Emission factor of delivered heat; default `emissionFactors.districtHeating`.",
      unit: "kgCO2e/kWh",
      min: 0,
    }).optional(),
  },
  "Connection to a district heating network.",
);

export const districtCoolingAssetSchema = strict(
  {
    ...base("districtCooling"),
    emissionFactor: series({
      description: "Emission factor of delivered cooling; default `emissionFactors.districtCooling`.",
      unit: "kgCO2e/kWh",
      min: 0,
    }).optional(),
  },
  "Connection to a district cooling network.",
);

export const electricBoilerAssetSchema = strict(
  {
    ...base("electricBoiler"),
    efficiency: num({
      description: "Heat out / electricity in. Default: the engine's default.",
      unit: "fraction",
      gt: 0,
      max: 1,
    }).optional(),
  },
  "Electric (resistance or electrode) boiler.",
);

const storageFields = {
  powerCapacity: num({
    description: "Maximum charge and discharge power. Required unless extendable with a ratio.",
    unit: "kW",
    min: 0,
  }).optional(),
  efficiency: num({
    description: "Round-trip efficiency (the engine splits it equally into charge and discharge).",
    unit: "fraction",
    gt: 0,
    max: 1,
  }).optional(),
  standingLoss: num({
    description: "Share of the stored energy lost per hour.",
    unit: "1/h",
    min: 0,
    max: 1,
  }).optional(),
  stateOfChargeMin: fraction("Lowest allowed state of charge (default 0).").default(0),
  stateOfChargeMax: fraction("Highest allowed state of charge (default 1).").default(1),
  stateOfChargeInitial: fraction(
    "State of charge at the start; the engine makes the end equal it (cyclic). Default 0.5.",
  ).default(0.5),
};

export const thermalStorageAssetSchema = strict(
  {
    ...base("thermalStorage"),
    medium: withMeta(z.enum(["heat", "cold"]).default("heat"), {
      description: "Stores heat (default) or cold.",
    }),
    volume: num({ description: "Water volume (informative).", unit: "m3", min: 0 }).optional(),
    ...storageFields,
  },
  "Thermal energy storage (hot- or cold-water tank, pit).",
);

export const batteryAssetSchema = strict({ ...base("battery"), ...storageFields }, "Electric battery.");

export const evChargingAssetSchema = strict(
  {
    ...base("evCharging"),
    chargePoints: num({ description: "Number of charge points.", unit: "count", int: true, min: 1 }),
    annualDemand: num({ description: "Energy charged per year.", unit: "kWh/a", min: 0 }).optional(),
    smart: withMeta(z.boolean().default(false), {
      description: "Whether charging may be shifted within the plug-in windows (smart charging).",
    }),
    demand: series({
      description: "Explicit hourly charging demand; overrides the engine's model.",
      unit: "kW",
      min: 0,
    }).optional(),
    availability: availability("vehicles plugged in").optional(),
  },
  "Electric-vehicle charging points.",
);

export const gridConnectionAssetSchema = strict(
  {
    ...base("gridConnection"),
    exportCapacity: num({
      description: "Export limit. Default: equal to `capacity` (the import limit).",
      unit: "kW",
      min: 0,
    }).optional(),
    emissionFactor: series({
      description: "Emission factor of imported electricity; default `emissionFactors.electricity`.",
      unit: "kgCO2e/kWh",
      min: 0,
    }).optional(),
  },
  "Connection to the public electricity grid (import and export limits).",
);

export const WASTE_HEAT_KINDS = [
  "supermarketRefrigeration",
  "dataCentre",
  "sewage",
  "industrial",
  "custom",
] as const;

export const wasteHeatSourceAssetSchema = strict(
  {
    ...base("wasteHeatSource"),
    source: withMeta(z.enum(WASTE_HEAT_KINDS), { description: "Kind of waste-heat source." }),
    annualEnergy: num({
      description: "Heat available per year (the engine shapes it by the source's profile).",
      unit: "kWh/a",
      min: 0,
    }).optional(),
    temperature: series({
      description: "Temperature of the waste heat. Default: the engine's per-source default.",
      unit: "degC",
      min: -20,
      max: 200,
    }).optional(),
    availability: availability("waste heat").optional(),
  },
  "A source of waste heat (supermarket refrigeration, data centre, sewage, industry).",
);

export const offsiteRenewableAssetSchema = strict(
  {
    ...base("offsiteRenewable"),
    technology: withMeta(z.enum(["wind", "solar"]), { description: "Technology of the plant." }),
    plant: text("Name of the plant outside the district.").optional(),
    fullLoadHours: num({
      description: "Annual output per kW of contracted capacity; scales the availability profile.",
      unit: "h",
      min: 0,
      max: 8784,
    }).optional(),
    availability: availability("the plant").optional(),
  },
  "A contracted share of a wind or solar plant outside the district (PPA); counts under a virtual PED boundary.",
);

export const assetSchema = withMeta(
  z.discriminatedUnion("kind", [
    pvAssetSchema,
    heatPumpAssetSchema,
    districtHeatingAssetSchema,
    districtCoolingAssetSchema,
    electricBoilerAssetSchema,
    thermalStorageAssetSchema,
    batteryAssetSchema,
    evChargingAssetSchema,
    gridConnectionAssetSchema,
    wasteHeatSourceAssetSchema,
    offsiteRenewableAssetSchema,
  ]),
  { description: "An energy asset, discriminated by `kind`." },
);

export type PvAsset = z.output<typeof pvAssetSchema>;
export type HeatPumpAsset = z.output<typeof heatPumpAssetSchema>;
export type DistrictHeatingAsset = z.output<typeof districtHeatingAssetSchema>;
export type DistrictCoolingAsset = z.output<typeof districtCoolingAssetSchema>;
export type ElectricBoilerAsset = z.output<typeof electricBoilerAssetSchema>;
export type ThermalStorageAsset = z.output<typeof thermalStorageAssetSchema>;
export type BatteryAsset = z.output<typeof batteryAssetSchema>;
export type EvChargingAsset = z.output<typeof evChargingAssetSchema>;
export type GridConnectionAsset = z.output<typeof gridConnectionAssetSchema>;
export type WasteHeatSourceAsset = z.output<typeof wasteHeatSourceAssetSchema>;
export type OffsiteRenewableAsset = z.output<typeof offsiteRenewableAssetSchema>;
export type Asset = z.output<typeof assetSchema>;
export type HeatPumpSource = (typeof HEAT_PUMP_SOURCES)[number];
export type WasteHeatKind = (typeof WASTE_HEAT_KINDS)[number];
