import type { Timeline } from "../time/timeline.js";

/**
 * The energy network the simulator and the optimiser both work on: every building, asset, grid
 * connection and contract of a district reduced to hourly series and scalar parameters in canonical units
 * (kWh per hour, kW, kWh, EUR, kgCO2e). `buildNetwork` derives it from a validated district and its physics;
 * tests build small ones by hand. A network is an immutable value: nothing here is ever mutated.
 *
 * Sign and time conventions: series are indexed by the timeline's hour i (interval [t_i, t_i + 1 h) in UTC);
 * an energy flow of x kWh in one hour is a mean power of x kW.
 */
export type Carrier = "electricity" | "heat" | "cooling";

export const CARRIERS: readonly Carrier[] = ["electricity", "heat", "cooling"];

/**
 * Where an asset sits relative to the PED boundary: `onSite` inside the geographic boundary; `functional`
 * outside it but part of the district's energy system (e.g. a borehole field or PV on a depot across the
 * road); `virtual` a contract for energy produced far away (only the virtual boundary counts it).
 */
export type Location = "onSite" | "functional" | "virtual";

/** Annualisable costs of an asset, already multiplied by its capacity (EUR, EUR/a, EUR/kWh). */
export interface AssetCosts {
  /** Investment, EUR (capacity x specific investment). */
  readonly investEur: number;
  /** Fixed upkeep per year, EUR/a. */
  readonly fixedEurPerYear: number;
  /** Variable cost per kWh of output, EUR/kWh. */
  readonly variableEurPerKwh: number;
  /** Economic lifetime, years. */
  readonly lifetimeYears: number;
}

/**
 * A capacity the optimiser may size (mode "plan" and "pathway"). Costs are per unit of capacity
 * (kW, kWp or kWh); the simulator ignores this and uses the asset's fixed capacity.
 */
export interface Extendable {
  /** Lower bound of the sized capacity: kW (kWp for PV, kWh for storage). */
  readonly capacityMin: number;
  /** Upper bound of the sized capacity, same unit as `capacityMin`. */
  readonly capacityMax: number;
  /** Investment per unit of capacity, EUR/kW (EUR/kWh for storage). */
  readonly investEurPerUnit: number;
  /** Fixed upkeep per unit of capacity and year, EUR/(kW a). */
  readonly fixedEurPerUnitYear: number;
  readonly lifetimeYears: number;
}

export const NO_COSTS: AssetCosts = {
  investEur: 0,
  fixedEurPerYear: 0,
  variableEurPerKwh: 0,
  lifetimeYears: 1,
};

interface Element {
  /** Stable id, e.g. `asset:pv-roof-12` or `bg:homes-2027:electricity`. */
  readonly id: string;
  /** Stakeholder id of the owner. */
  readonly owner: string;
}

export type LoadUse = "spaceHeating" | "hotWater" | "electricity" | "cooling" | "ev";

/** A fixed demand on a bus, kWh per hour. */
export interface NetworkLoad extends Element {
  readonly carrier: Carrier;
  readonly use: LoadUse;
  /** Building group (or asset) this load comes from. */
  readonly groupId: string;
  /** True for homes: their share of costs and emissions is reported per resident, the rest per job. */
  readonly residential: boolean;
  readonly demandKwh: Float64Array;
}

/**
 * Smart EV charging: energy that must be delivered between the cumulative bounds. After hour i the
 * cumulative energy charged must lie in [minCumulativeKwh[i], maxCumulativeKwh[i]], and in hour i at most
 * maxPowerKw[i] kWh may be charged. An uncontrolled charger is a flexible load whose bounds coincide.
 */
export interface NetworkFlexibleLoad extends Element {
  readonly carrier: "electricity";
  readonly use: "ev";
  readonly groupId: string;
  readonly residential: boolean;
  readonly minCumulativeKwh: Float64Array;
  readonly maxCumulativeKwh: Float64Array;
  readonly maxPowerKw: Float64Array;
  /** The uncontrolled profile (charge on arrival), used by the `selfConsumption` policy's reference. */
  readonly uncontrolledKwh: Float64Array;
}

/** Variable renewable production (PV) feeding a bus; what is not used or exported is curtailed. */
export interface NetworkSource extends Element {
  readonly kind: "pv";
  readonly carrier: "electricity";
  readonly location: Location;
  /** Capacity in kWp (for costs and reporting). */
  readonly capacityKw: number;
  /** Available production, kWh per hour (capacity x per-unit availability). */
  readonly availableKwh: Float64Array;
  /** Production per kWp, kWh per hour (0..1): what the optimiser multiplies a sized capacity by. */
  readonly availabilityPerUnit: Float64Array;
  readonly costs: AssetCosts;
  readonly extendable?: Extendable;
}

/**
 * Heat given off by a process (refrigeration, data centre, sewage), usable as a heat pump source. The heat
 * drawn counts as local heat production in the PED balance when its location is inside the boundary
 * (`onSite`: a source in the district, e.g. its supermarket; `functional`: outside but serving it).
 */
export interface NetworkWasteHeat extends Element {
  readonly location: Location;
  readonly availableKwh: Float64Array;
  /** Temperature of the waste heat stream, degC (informative; the COP series already reflects it). */
  readonly temperatureC: Float64Array;
  readonly costs: AssetCosts;
}

export type ConverterKind = "heatPump" | "electricBoiler";

/** Electricity to heat: heat out = efficiency[t] x electricity in; heat pumps draw the rest from a source. */
export interface NetworkConverter extends Element {
  readonly kind: ConverterKind;
  /** Heat output capacity, kW (thermal). */
  readonly capacityKw: number;
  /** COP (heat pumps) or efficiency (boilers) per hour, dimensionless. */
  readonly efficiency: Float64Array;
  /** Id of the NetworkWasteHeat this heat pump draws from (limits its source heat), if any. */
  readonly sourceId?: string;
  /** Dispatch order in the rule-based policy: lower runs first (waste heat 0, ground 1, ..., air 4, boiler 9). */
  readonly priority: number;
  readonly location: Location;
  readonly costs: AssetCosts;
  readonly extendable?: Extendable;
}

/** Battery (electricity) or thermal storage (heat). */
export interface NetworkStorage extends Element {
  readonly kind: "battery" | "thermalStorage";
  readonly carrier: "electricity" | "heat";
  /** Energy capacity, kWh. */
  readonly capacityKwh: number;
  readonly maxChargeKw: number;
  readonly maxDischargeKw: number;
  /**
   * Charge and discharge power per kWh of energy capacity (1/h) when the capacity is sized; needed when
   * `capacityKwh` is 0 (an extendable storage that does not exist yet). Default: maxChargeKw / capacityKwh.
   */
  readonly powerPerKwh?: number;
  /** Charging efficiency, 0..1. */
  readonly efficiencyCharge: number;
  /** Discharging efficiency, 0..1. */
  readonly efficiencyDischarge: number;
  /** Fraction of the stored energy lost per hour, 0..1. */
  readonly standingLossPerHour: number;
  /** State of charge at the start of the timeline, fraction of capacity 0..1. */
  readonly initialSoc: number;
  readonly costs: AssetCosts;
  /** Sizing of the energy capacity (kWh); charge and discharge power scale with it. */
  readonly extendable?: Extendable;
}

/** Prices of a grid connection, EUR/kWh per hour unless stated (VAT excluded). */
export interface GridTariff {
  /** Energy price paid for imports, EUR/kWh. */
  readonly importEnergyEurPerKwh: Float64Array;
  /** Network (distribution/transmission) fee per kWh imported, EUR/kWh. */
  readonly importNetworkEurPerKwh: Float64Array;
  /** Energy taxes per kWh imported, EUR/kWh. */
  readonly importTaxEurPerKwh: Float64Array;
  /** Price received for exports, EUR/kWh. */
  readonly exportEurPerKwh: Float64Array;
  /** Demand charge on the highest hourly import of each month, EUR/kW per month. */
  readonly peakEurPerKwMonth: number;
  /** Fixed connection fees, EUR/a. */
  readonly fixedEurPerYear: number;
}

export type GridKind = "gridConnection" | "districtHeating" | "districtCooling";

/** A connection to an outside network: the electricity grid, district heating or district cooling. */
export interface NetworkGrid extends Element {
  readonly kind: GridKind;
  readonly carrier: Carrier;
  /** Import limit, kW. */
  readonly importMaxKw: number;
  /** Export limit, kW (0 when the network takes nothing back). */
  readonly exportMaxKw: number;
  readonly tariff: GridTariff;
}

/** A contracted share of a renewable plant outside the district (counts only in the virtual boundary). */
export interface NetworkOffsiteContract extends Element {
  readonly carrier: "electricity";
  /** Energy attributed to the district each hour, kWh (capacity x availabilityPerUnit). */
  readonly contractedKwh: Float64Array;
  /** Output per kW of contracted capacity, kWh per hour (0..1). */
  readonly availabilityPerUnit: Float64Array;
  /** Contracted capacity, kW. */
  readonly capacityKw: number;
  /** Contract price, EUR/kWh (paid on top of normal imports; the energy is settled virtually). */
  readonly priceEurPerKwh: number;
  readonly costs: AssetCosts;
  /** The optimiser may size the contracted share. */
  readonly extendable?: Extendable;
}

/** Weighting factors per carrier for the PED balance and the carbon balance. */
export interface NetworkFactors {
  /** Primary-energy (energy-carrier) factors, dimensionless, applied to imports and exports alike. */
  readonly primaryEnergy: Readonly<Record<Carrier, number>>;
  /** Emission factors per hour, kgCO2e/kWh, applied to imports and (as avoided emissions) to exports. */
  readonly co2KgPerKwh: Readonly<Record<Carrier, Float64Array>>;
}

export type PedBoundary = "onSite" | "functional" | "virtual";
export type PedWeighting = "delivered" | "primaryEnergy" | "co2";

export interface NetworkPeople {
  /** Residents, persons. */
  readonly residents: number;
  /** Workplaces, jobs. */
  readonly jobs: number;
}

export interface NetworkStakeholder {
  readonly id: string;
  readonly name: string;
}

/** The district's goals, used as constraints by the optimiser (mode "plan" and "pathway"). */
export interface NetworkTargets {
  /** Energy positivity ratio (produced / consumed) at least this, under `ped` boundary and weighting. */
  readonly energyPositivityRatioMin?: number;
  /** Net emissions (imports - exports, hourly factors) at most this, kgCO2e per year. */
  readonly co2MaxKgPerYear?: number;
  /** Total investment in sized assets at most this, EUR. */
  readonly budgetEur?: number;
  /** Shared capacity limits, e.g. roof area for all rooftop PV: the sum of the capacities is at most maxCapacity. */
  readonly capacityLimits?: readonly {
    readonly name: string;
    readonly assetIds: readonly string[];
    /** In the assets' capacity unit (kW, kWp or kWh; the assets of one limit share it). */
    readonly maxCapacity: number;
  }[];
}

export interface Network {
  readonly timeline: Timeline;
  readonly loads: readonly NetworkLoad[];
  readonly flexibleLoads: readonly NetworkFlexibleLoad[];
  readonly sources: readonly NetworkSource[];
  readonly wasteHeat: readonly NetworkWasteHeat[];
  readonly converters: readonly NetworkConverter[];
  readonly storages: readonly NetworkStorage[];
  readonly grids: readonly NetworkGrid[];
  readonly offsite: readonly NetworkOffsiteContract[];
  readonly factors: NetworkFactors;
  readonly ped: { readonly boundary: PedBoundary; readonly weighting: PedWeighting };
  readonly people: NetworkPeople;
  readonly stakeholders: readonly NetworkStakeholder[];
  /** Real discount rate for annualising investments, fraction per year (e.g. 0.04). */
  readonly discountRate: number;
  /** VAT rate applied to residents' bills when reporting cost per resident, fraction (e.g. 0.255). */
  readonly vatRate: number;
  /** Price of emissions in the optimiser's objective, EUR/kgCO2e (0 = none). */
  readonly co2PriceEurPerKg: number;
  readonly targets: NetworkTargets;
}
