import {
  USE_TYPES as CATALOGUE,
  USE_TYPE_IDS,
  type BuiltInUseType,
  type SpecificDemands as CatalogueDemands,
} from "@kera/schema";
import {
  CEA_FOODSTORE,
  CEA_MULTI_RES,
  CEA_OFFICE,
  CEA_RETAIL,
  CEA_SCHOOL,
  type CeaSchedule,
} from "./cea-schedules.js";

/** Building use types of the catalogue (schema ids; `@kera/schema` `USE_TYPE_IDS` is the one list). */
export type UseType = BuiltInUseType;

export const USE_TYPES: readonly UseType[] = USE_TYPE_IDS;

/** Annual specific demands, kWh per m2 heated net area per year (the schema catalogue's shape, read-only). */
export type SpecificDemands = Readonly<CatalogueDemands>;

/** ISO 13790 Table 12 capacity classes: A_m/A_f and C_m/A_f (J/(K m2)). */
export const CAPACITY_CLASSES = {
  light: { amPerAf: 2.5, cmJPerKM2: 110_000 },
  medium: { amPerAf: 2.5, cmJPerKM2: 165_000 },
  heavy: { amPerAf: 3.0, cmJPerKM2: 260_000 },
  veryHeavy: { amPerAf: 3.5, cmJPerKM2: 370_000 },
} as const;
export type CapacityClass = keyof typeof CAPACITY_CLASSES;

/** Which days follow the Sunday schedule besides Sundays. */
export type HolidayRule = "none" | "publicHolidays" | "schoolHolidays";

/**
 * Default parameters of one use type. Every number carries its source in `docs/physics/buildings.md`;
 * values marked (estimate) there are engineering assumptions, and `lossFactor`/`shadingFactor` are the
 * calibration knobs fitted to the reference demands with TRY2020 Vantaa weather (see calibration there).
 */
export interface UseTypeProfile {
  readonly id: UseType;
  /** Nearest CEA archetype whose schedule is used, and why. */
  readonly ceaArchetype: string;
  readonly schedule: CeaSchedule | null;
  readonly holidayRule: HolidayRule;
  /** Heated (has space heating and an RC model). Parking is unheated. */
  readonly heated: boolean;
  /** Reference annual demands: the schema catalogue's `typicalDemands` (KERA.md §2.2, Finnish new buildings). */
  readonly reference: SpecificDemands;
  /** Opaque wall area per floor area, m2/m2 (estimate from typical massing). */
  readonly wallPerFloor: number;
  /** Window area per floor area, m2/m2 (D3/2012 reference building: 15 %; estimate per type). */
  readonly windowPerFloor: number;
  /** Number of storeys (roof and ground floor area = A_f / storeys). */
  readonly storeys: number;
  readonly capacityClass: CapacityClass;
  /** Outdoor-air ventilation during use, l/(s m2). */
  readonly ventilationLps: number;
  /** Outdoor-air ventilation outside use, l/(s m2) (D2/2012 minimum 0.15; residential runs continuously). */
  readonly ventilationOffLps: number;
  readonly heatingSetpointC: number;
  readonly heatingSetbackC: number;
  /** Cooling set-point, degC, or null when the type has no space cooling. */
  readonly coolingSetpointC: number | null;
  /** Floor area per occupant at full occupancy, m2 (apartments: overridden by residents). */
  readonly m2PerPerson: number;
  /** Share of annual electricity that is building services (fans, pumps, lifts, common areas). */
  readonly servicesShare: number;
  /** Share of electricity use that ends up as heat in the heated space. */
  readonly electricityHeatGainFraction: number;
  /** Hot water per resident per day, litres at 55 degC (apartments only; else null). */
  readonly dhwLitresPerPersonDay: number | null;
  /** Calibration: multiplier on all heat-loss conductances (transmission, infiltration, ventilation). */
  readonly lossFactor: number;
  /** Calibration: fraction of solar gain admitted when facade irradiance exceeds 300 W/m2 (movable shading). */
  readonly shadingFactor: number;
}

/** Sensible heat per occupant, W (CEA USE_TYPES `Qs_Wp`, SIA 2024). */
export const SENSIBLE_HEAT_PER_PERSON_W = 70;
/** Default heated floor area per resident in Kera, m2 (KERA.md §6 design rule, estimate). */
export const DEFAULT_M2_PER_RESIDENT = 40;
/** Energy to heat 1 m3 of water from 5 to 55 degC, kWh/m3 (HSY Energiaekspertti course: 58 kWh/m3). */
export const DHW_KWH_PER_M3 = 58;
/** DHW circulation and storage losses as a fraction of the net draw-off energy (estimate). */
export const DHW_CIRCULATION_LOSS_FRACTION = 0.3;

const base = {
  heatingSetpointC: 21,
  heatingSetbackC: 18,
  ventilationOffLps: 0.15,
  electricityHeatGainFraction: 0.8,
  dhwLitresPerPersonDay: null,
  shadingFactor: 0.5,
  lossFactor: 1,
} as const;

/** Default profiles per use type (calibrated; see docs/physics/buildings.md). */
export const USE_TYPE_PROFILES: Readonly<Record<UseType, UseTypeProfile>> = {
  apartmentBlock: {
    ...base,
    id: "apartmentBlock",
    lossFactor: 1.808,
    ceaArchetype: "MULTI_RES",
    schedule: CEA_MULTI_RES,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.apartmentBlock.heated,
    reference: CATALOGUE.apartmentBlock.typicalDemands,
    wallPerFloor: 0.55,
    windowPerFloor: 0.15,
    storeys: 5,
    capacityClass: "heavy",
    ventilationLps: 0.4,
    ventilationOffLps: 0.4,
    heatingSetbackC: 21,
    coolingSetpointC: null,
    m2PerPerson: DEFAULT_M2_PER_RESIDENT,
    servicesShare: 15 / 40,
    electricityHeatGainFraction: 0.7,
    dhwLitresPerPersonDay: 44,
    shadingFactor: 0.7,
  },
  office: {
    ...base,
    id: "office",
    lossFactor: 1.536,
    ceaArchetype: "OFFICE",
    schedule: CEA_OFFICE,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.office.heated,
    reference: CATALOGUE.office.typicalDemands,
    wallPerFloor: 0.45,
    windowPerFloor: 0.2,
    storeys: 5,
    capacityClass: "medium",
    ventilationLps: 2,
    coolingSetpointC: 24,
    m2PerPerson: 17,
    servicesShare: 0.3,
  },
  retail: {
    ...base,
    id: "retail",
    lossFactor: 1.808,
    ceaArchetype: "RETAIL",
    schedule: CEA_RETAIL,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.retail.heated,
    reference: CATALOGUE.retail.typicalDemands,
    wallPerFloor: 0.4,
    windowPerFloor: 0.15,
    storeys: 2,
    capacityClass: "medium",
    ventilationLps: 2,
    coolingSetpointC: 24,
    m2PerPerson: 8,
    servicesShare: 0.25,
  },
  supermarket: {
    ...base,
    id: "supermarket",
    lossFactor: 0.888,
    ceaArchetype: "FOODSTORE",
    schedule: CEA_FOODSTORE,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.supermarket.heated,
    reference: CATALOGUE.supermarket.typicalDemands,
    wallPerFloor: 0.3,
    windowPerFloor: 0.05,
    storeys: 1,
    capacityClass: "medium",
    ventilationLps: 2,
    coolingSetpointC: null,
    m2PerPerson: 8,
    servicesShare: 0.15,
    electricityHeatGainFraction: 0.1,
  },
  school: {
    ...base,
    id: "school",
    lossFactor: 1.321,
    ceaArchetype: "SCHOOL",
    schedule: CEA_SCHOOL,
    holidayRule: "schoolHolidays",
    heated: CATALOGUE.school.heated,
    reference: CATALOGUE.school.typicalDemands,
    wallPerFloor: 0.5,
    windowPerFloor: 0.15,
    storeys: 2,
    capacityClass: "medium",
    ventilationLps: 3,
    coolingSetpointC: 24,
    m2PerPerson: 12,
    servicesShare: 0.3,
  },
  dayCare: {
    ...base,
    id: "dayCare",
    lossFactor: 0.932,
    ceaArchetype: "SCHOOL (no CEA day-care type; opening hours are similar)",
    schedule: CEA_SCHOOL,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.dayCare.heated,
    reference: CATALOGUE.dayCare.typicalDemands,
    wallPerFloor: 0.55,
    windowPerFloor: 0.15,
    storeys: 1,
    capacityClass: "medium",
    ventilationLps: 3,
    coolingSetpointC: null,
    m2PerPerson: 10,
    servicesShare: 0.3,
  },
  sportsHall: {
    ...base,
    id: "sportsHall",
    lossFactor: 0.659,
    ceaArchetype: "RETAIL (CEA GYM schedules not shipped; open 7–19 Mon–Sat)",
    schedule: CEA_RETAIL,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.sportsHall.heated,
    reference: CATALOGUE.sportsHall.typicalDemands,
    wallPerFloor: 0.8,
    windowPerFloor: 0.05,
    storeys: 1,
    capacityClass: "medium",
    ventilationLps: 2,
    coolingSetpointC: null,
    m2PerPerson: 20,
    servicesShare: 0.4,
  },
  reusedHall: {
    ...base,
    id: "reusedHall",
    lossFactor: 1.363,
    ceaArchetype: "OFFICE (CEA INDUSTRIAL schedules not shipped; weekday day work)",
    schedule: CEA_OFFICE,
    holidayRule: "publicHolidays",
    heated: CATALOGUE.reusedHall.heated,
    reference: CATALOGUE.reusedHall.typicalDemands,
    wallPerFloor: 0.6,
    windowPerFloor: 0.05,
    storeys: 1,
    capacityClass: "heavy",
    ventilationLps: 1.5,
    coolingSetpointC: null,
    m2PerPerson: 40,
    servicesShare: 0.3,
  },
  parking: {
    ...base,
    id: "parking",
    ceaArchetype: "PARKING (no schedule file: lighting and fans run around the clock)",
    schedule: null,
    holidayRule: "none",
    heated: CATALOGUE.parking.heated,
    reference: CATALOGUE.parking.typicalDemands,
    wallPerFloor: 0,
    windowPerFloor: 0,
    storeys: 1,
    capacityClass: "heavy",
    ventilationLps: 0,
    ventilationOffLps: 0,
    coolingSetpointC: null,
    m2PerPerson: 1e9,
    servicesShare: 1,
    electricityHeatGainFraction: 0,
  },
};
