import type { Cited } from "./cited.js";
import { SOURCES } from "./sources.js";

/**
 * Annual CO2 factors of Finnish grid electricity, kgCO2e/kWh. REGULATIONS.md §3.1: recent official annual
 * values (Statistics Finland table 14qt) could not be read; prefer an hourly series (the shipped grid-CO2
 * model or Fingrid data) over these.
 */
export const FI_GRID_ELECTRICITY_CO2 = {
  /**
   * Espoo inventory 2022 (HSY Hilma method): 129 kt / 1701 GWh = 76 g/kWh, national production emissions over
   * national consumption with imports counted as zero. The default annual factor.
   */
  espooInventory2022: {
    value: 0.076,
    unit: "kgCO2e/kWh",
    source: SOURCES.espooCcc,
    verification: "secondary",
    validFor: "2022",
    note: "derived = 129 kt CO2e / 1701 GWh (espoo_energy_emissions_2022.csv)",
  },
  /** Espoo inventory 2022, electric heating: 56 kt / 394 GWh = 142 g/kWh (heating-electricity factor). */
  espooHeatingElectricity2022: {
    value: 0.142,
    unit: "kgCO2e/kWh",
    source: SOURCES.espooCcc,
    verification: "secondary",
    validFor: "2022",
    note: "derived = 56 kt / 394 GWh",
  },
  /** Electricity Maps 2022 hourly FI, annual mean of the direct (operational) intensity: 103.2 g/kWh. */
  electricityMapsDirect2022: {
    value: 0.1032,
    unit: "kgCO2e/kWh",
    source: SOURCES.electricityMaps2022,
    verification: "secondary",
    validFor: "2022",
    note: "consumption-based, flow-traced incl. imports; licence of the data unconfirmed (not shipped)",
  },
  /** Same, life-cycle (LCA) intensity: 138.7 g/kWh. */
  electricityMapsLca2022: {
    value: 0.1387,
    unit: "kgCO2e/kWh",
    source: SOURCES.electricityMaps2022,
    verification: "secondary",
    validFor: "2022",
  },
  /** Motiva: 209 kg/MWh, 5-year average for statistical year 2014 (out of date; history only). */
  motiva2014: {
    value: 0.209,
    unit: "kgCO2e/kWh",
    source: SOURCES.motiva,
    verification: "verified",
    validFor: "2014",
  },
  /** 30 g/kWh for 2024 (production, Statistics Finland via Fingrid) as quoted by a third party: a placeholder. */
  statFin2024Placeholder: {
    value: 0.03,
    unit: "kgCO2e/kWh",
    source: SOURCES.statFin14qt,
    verification: "unverified",
    validFor: "2024",
    note: "read from a third-party code file, not from table 14qt (REGULATIONS.md §3.1)",
  },
} as const satisfies Record<string, Cited>;

/** Default annual grid-electricity factor: Espoo's 2022 inventory value (76 g/kWh). */
export const DEFAULT_GRID_ELECTRICITY_CO2 = FI_GRID_ELECTRICITY_CO2.espooInventory2022;

/**
 * Fortum district heating, Espoo–Kauniainen–Kirkkonummi network, average of all heat produced (benefit-sharing
 * method), kgCO2/kWh. [verified] REGULATIONS.md §3.2 / KERA.md [E7]; 2018 from [E6] ("other" customers).
 */
export const ESPOO_DISTRICT_HEATING_CO2 = {
  2018: {
    value: 0.3,
    unit: "kgCO2e/kWh",
    source: SOURCES.fortumDh2018,
    verification: "verified",
    validFor: "2018",
    note: "~300 g/kWh for non-Eko customers; 49.5 % coal CHP",
  },
  2020: {
    value: 0.146,
    unit: "kgCO2e/kWh",
    source: SOURCES.fortumDhProduction,
    verification: "verified",
    validFor: "2020",
  },
  2021: {
    value: 0.118,
    unit: "kgCO2e/kWh",
    source: SOURCES.fortumDhProduction,
    verification: "verified",
    validFor: "2021",
  },
  2022: {
    value: 0.146,
    unit: "kgCO2e/kWh",
    source: SOURCES.fortumDhProduction,
    verification: "verified",
    validFor: "2022",
  },
  2023: {
    value: 0.1078,
    unit: "kgCO2e/kWh",
    source: SOURCES.fortumDhProduction,
    verification: "verified",
    validFor: "2023",
    note: "63.3 % of heat from heat recovery, waste heat and biofuels",
  },
} as const satisfies Record<number, Cited>;

/** Espoo's inventory value for DH 2022: 332 kt / 1958 GWh = 170 g/kWh (energy-crisis year; HSY method). */
export const ESPOO_DISTRICT_HEATING_CO2_INVENTORY_2022: Cited = {
  value: 0.17,
  unit: "kgCO2e/kWh",
  source: SOURCES.espooCcc,
  verification: "secondary",
  validFor: "2022",
  note: "derived = 332 kt CO2e / 1958 GWh; differs from Fortum's 146 g/kWh (other allocation method)",
};

/** Default DH factor: Fortum's latest published Espoo-network value, 2023 (107.8 g/kWh). */
export const DEFAULT_DISTRICT_HEATING_CO2 = ESPOO_DISTRICT_HEATING_CO2[2023];

/**
 * District cooling, Espoo: no published factor was found. Fortum produces it mainly with sea-water and
 * waste-water heat pumps (KERA.md [E10]). Estimate: the 2022 annual grid factor (76 g/kWh) divided by an
 * assumed cooling COP of 3 ≈ 25 g/kWh of cooling, before any credit for the heat those pumps also deliver.
 */
export const DEFAULT_DISTRICT_COOLING_CO2: Cited = {
  value: 0.025,
  unit: "kgCO2e/kWh",
  source: SOURCES.fortumDcEspoo,
  verification: "estimate",
  note: "estimate = 0.076 kgCO2e/kWh_el / COP 3 (COP assumed); replace with a published value when found",
};
