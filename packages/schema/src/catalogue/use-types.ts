/**
 * Catalogue of building use types. Source keys refer to /work/shared/domain/KERA.md (copied into
 * docs/reference/sources.md by the docs helper):
 * - E-value limits: Ministry of the Environment decree 1010/2017 § 4, as tabulated in [B1]
 *   https://www.e-konsultit.fi/energiakonsultointi/e-luvun-raja-arvot-e-lukutaulukko/ (REGULATIONS.md §2).
 * - Typical specific demands: KERA.md §2.2 — ESTIMATES built to meet the E-value limit with district heat
 *   (factor 0.5) and electricity (factor 1.2) of decree 788/2017 [B3], cross-checked as stated there.
 * A model may add custom use types (`useTypes`) that reuse one of these as schedule template.
 */

/** Built-in use type ids (camelCase). */
export const USE_TYPE_IDS = [
  "apartmentBlock",
  "office",
  "retail",
  "supermarket",
  "school",
  "dayCare",
  "sportsHall",
  "reusedHall",
  "parking",
] as const;
export type BuiltInUseType = (typeof USE_TYPE_IDS)[number];

/** Annual specific demands per m2 of heated net floor area (kWh/m2a). */
export interface SpecificDemands {
  spaceHeatingKwhPerM2: number;
  hotWaterKwhPerM2: number;
  electricityKwhPerM2: number;
  coolingKwhPerM2: number;
}

export interface UseTypeInfo {
  id: BuiltInUseType;
  /** English name. */
  name: string;
  /** Finnish name (the plan's language). */
  nameFi: string;
  /** Whether the building is heated (parking facilities are not; their demands refer to gross area). */
  heated: boolean;
  /** Maximum E-value for new buildings (kWh_E/m2a) by decree 1010/2017, or undefined when none applies. */
  eValueLimit?: number;
  /** Typical specific demands for new buildings (kWh/m2a). */
  typicalDemands: SpecificDemands;
  /** Citation of the numbers above. */
  source: string;
}

const E_LIMIT = "E-value limit: decree 1010/2017 § 4 via [B1]";
const DEMANDS = "demands: KERA.md §2.2 (estimate)";

/** The built-in catalogue. */
export const USE_TYPES: Readonly<Record<BuiltInUseType, UseTypeInfo>> = {
  apartmentBlock: {
    id: "apartmentBlock",
    name: "Apartment block",
    nameFi: "Asuinkerrostalo",
    heated: true,
    eValueLimit: 90,
    typicalDemands: {
      spaceHeatingKwhPerM2: 45,
      hotWaterKwhPerM2: 30,
      electricityKwhPerM2: 40,
      coolingKwhPerM2: 0,
    },
    source: `${E_LIMIT} (class 2, > 2 storeys); ${DEMANDS}, household electricity cross-checked with [B11]`,
  },
  office: {
    id: "office",
    name: "Office",
    nameFi: "Toimistorakennus",
    heated: true,
    eValueLimit: 100,
    typicalDemands: {
      spaceHeatingKwhPerM2: 40,
      hotWaterKwhPerM2: 5,
      electricityKwhPerM2: 55,
      coolingKwhPerM2: 20,
    },
    source: `${E_LIMIT} (class 3); ${DEMANDS}`,
  },
  retail: {
    id: "retail",
    name: "Retail and services",
    nameFi: "Liikerakennus",
    heated: true,
    eValueLimit: 135,
    typicalDemands: {
      spaceHeatingKwhPerM2: 45,
      hotWaterKwhPerM2: 5,
      electricityKwhPerM2: 80,
      coolingKwhPerM2: 30,
    },
    source: `${E_LIMIT} (class 4); ${DEMANDS}`,
  },
  supermarket: {
    id: "supermarket",
    name: "Supermarket",
    nameFi: "Päivittäistavarakauppa",
    heated: true,
    eValueLimit: 135,
    typicalDemands: {
      spaceHeatingKwhPerM2: 40,
      hotWaterKwhPerM2: 0,
      electricityKwhPerM2: 300,
      coolingKwhPerM2: 0,
    },
    source: `${E_LIMIT} (class 4, commercial); ${DEMANDS} (refrigeration dominated, process cooling internal)`,
  },
  school: {
    id: "school",
    name: "School",
    nameFi: "Koulu",
    heated: true,
    eValueLimit: 100,
    typicalDemands: {
      spaceHeatingKwhPerM2: 50,
      hotWaterKwhPerM2: 10,
      electricityKwhPerM2: 40,
      coolingKwhPerM2: 5,
    },
    source: `${E_LIMIT} (class 6); ${DEMANDS}`,
  },
  dayCare: {
    id: "dayCare",
    name: "Day-care centre",
    nameFi: "Päiväkoti",
    heated: true,
    eValueLimit: 100,
    typicalDemands: {
      spaceHeatingKwhPerM2: 55,
      hotWaterKwhPerM2: 15,
      electricityKwhPerM2: 40,
      coolingKwhPerM2: 0,
    },
    source: `${E_LIMIT} (class 6); ${DEMANDS}`,
  },
  sportsHall: {
    id: "sportsHall",
    name: "Sports hall",
    nameFi: "Liikuntahalli",
    heated: true,
    eValueLimit: 100,
    typicalDemands: {
      spaceHeatingKwhPerM2: 45,
      hotWaterKwhPerM2: 15,
      electricityKwhPerM2: 40,
      coolingKwhPerM2: 0,
    },
    source: `${E_LIMIT} (class 7); ${DEMANDS}`,
  },
  reusedHall: {
    id: "reusedHall",
    name: "Workshop / reused hall",
    nameFi: "Työtila / uusiokäytetty halli",
    heated: true,
    typicalDemands: {
      spaceHeatingKwhPerM2: 50,
      hotWaterKwhPerM2: 10,
      electricityKwhPerM2: 50,
      coolingKwhPerM2: 0,
    },
    source: `no E-value limit (existing building reused, class 9 "other"); ${DEMANDS}`,
  },
  parking: {
    id: "parking",
    name: "Parking facility (unheated)",
    nameFi: "Pysäköintilaitos",
    heated: false,
    typicalDemands: {
      spaceHeatingKwhPerM2: 0,
      hotWaterKwhPerM2: 0,
      electricityKwhPerM2: 10,
      coolingKwhPerM2: 0,
    },
    source:
      "unheated, class 9 'other' (no limit); electricity 10 kWh/m2a per gross m2: KERA.md §6.1 (estimate)",
  },
};

/** True when `id` names a built-in use type. */
export function isBuiltInUseType(id: string): id is BuiltInUseType {
  return Object.prototype.hasOwnProperty.call(USE_TYPES, id);
}
