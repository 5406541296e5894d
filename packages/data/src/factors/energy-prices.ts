import type { Cited } from "./cited.js";
import { SOURCES } from "./sources.js";

/** Finnish VAT on electricity and district heat. 25.5 % since 1.9.2024 (KERA.md §3.2 [E24] quotes 25.5 %). */
export const FI_VAT_RATE: Cited = {
  value: 0.255,
  unit: "1",
  source: SOURCES.electricityTax,
  verification: "secondary",
  validFor: "2024-09-01-",
  note: "start date 1.9.2024 is the general VAT change; not stated in the stored sources",
};

/**
 * VAT rates on Finnish electricity by delivery period (UTC instants), used to remove VAT from consumer price
 * series: 24 % before 1.12.2022 and 1.5.2023–31.8.2024, 10 % from 1.12.2022 to 30.4.2023 (temporary cut),
 * 25.5 % from 1.9.2024. Periods start at 00:00 Finnish time.
 */
export const FI_ELECTRICITY_VAT_PERIODS: ReadonlyArray<{
  readonly fromUtcMs: number;
  readonly rate: number;
}> = [
  { fromUtcMs: Date.UTC(2013, 0, 1, -2), rate: 0.24 },
  { fromUtcMs: Date.UTC(2022, 11, 1, -2), rate: 0.1 },
  { fromUtcMs: Date.UTC(2023, 4, 1, -3), rate: 0.24 },
  { fromUtcMs: Date.UTC(2024, 8, 1, -3), rate: 0.255 },
];

/** VAT rate on Finnish electricity delivered in the hour starting at `utcMs`, or undefined before 2013. */
export function finnishElectricityVatRate(utcMs: number): number | undefined {
  let rate: number | undefined;
  for (const p of FI_ELECTRICITY_VAT_PERIODS) if (utcMs >= p.fromUtcMs) rate = p.rate;
  return rate;
}

/**
 * Finnish electricity tax (excise tax + security-of-supply fee), EUR/kWh excl. VAT. KERA.md §3.2 [E24], [E25].
 * Own solar power consumed on site is exempt [E24].
 */
export const FI_ELECTRICITY_TAX = {
  /** Class I (households, services): 2.24 + 0.013 c/kWh = 2.253 c/kWh. */
  classI: {
    value: 0.02253,
    unit: "EUR/kWh",
    source: SOURCES.electricityTax,
    verification: "secondary",
    note: "2.24 c/kWh energy tax + 0.013 c/kWh security-of-supply fee; 2.827515 c/kWh incl. 25.5 % VAT",
  },
  /** Class II (industry, data centres, heat pumps and electric boilers >= 0.5 MW in DH): 0.063 c/kWh. */
  classII: {
    value: 0.00063,
    unit: "EUR/kWh",
    source: SOURCES.electricityTaxClasses,
    verification: "secondary",
    note: "data centres leave class II from 1.7.2026 (KERA [E37])",
  },
} as const satisfies Record<string, Cited>;

/**
 * Electricity distribution (Caruna Espoo Oy), EUR excl. VAT. The current tariff was not retrieved
 * (KERA.md §3.2): model defaults are estimates.
 */
export const ESPOO_DISTRIBUTION_TARIFF = {
  energy: {
    value: 0.035,
    unit: "EUR/kWh",
    source: SOURCES.caruna,
    verification: "estimate",
    note: "KERA.md §3.2 model default 3.5 c/kWh (estimate)",
  },
  basicFee: {
    value: 6,
    unit: "EUR/month",
    source: SOURCES.caruna,
    verification: "estimate",
    note: "KERA.md §3.2 model default 6 EUR/month (estimate)",
  },
} as const satisfies Record<string, Cited>;

/**
 * Fortum district heating, Espoo, price structure: an energy fee (EUR/kWh) plus a power fee
 * (EUR/month = a x kW - b) for detached houses. KERA.md §3.1 and §6.2 ([E18], [E19]).
 */
export const ESPOO_DISTRICT_HEATING_TARIFF = {
  /** 65.38 EUR/MWh (2025 survey, VAT presumably incl.) / 1.255 ≈ 52.1 EUR/MWh excl. VAT. Default energy fee. */
  energy: {
    value: 0.0521,
    unit: "EUR/kWh",
    source: SOURCES.omakotiliitto2025,
    verification: "secondary",
    validFor: "2025",
    note: "65.38 EUR/MWh survey figure assumed to include 25.5 % VAT (KERA.md §6.2: 'presumably')",
  },
  /** 2020 detached-house tariff: energy 65.70 EUR/MWh incl. 24 % VAT. */
  energy2020InclVat: {
    value: 0.0657,
    unit: "EUR/kWh",
    source: SOURCES.fortumTariff2020,
    verification: "secondary",
    validFor: "2020",
  },
  /** 2020 power fee slope: 5.15 EUR per kW per month, incl. 24 % VAT. */
  powerFeeSlope2020InclVat: {
    value: 5.15,
    unit: "EUR/(kW month)",
    source: SOURCES.fortumTariff2020,
    verification: "secondary",
    validFor: "2020",
  },
  /** 2020 power fee offset: minus 6.10 EUR per month, incl. 24 % VAT. */
  powerFeeOffset2020InclVat: {
    value: -6.1,
    unit: "EUR/month",
    source: SOURCES.fortumTariff2020,
    verification: "secondary",
    validFor: "2020",
  },
} as const satisfies Record<string, Cited>;

/** Annual average FI day-ahead (spot) prices, EUR/kWh excl. VAT, for price scenarios. */
export const FI_SPOT_PRICE_ANNUAL_MEAN = {
  2020: {
    value: 0.028,
    unit: "EUR/kWh",
    source: SOURCES.spot2020,
    verification: "secondary",
    validFor: "2020",
  },
  2022: {
    value: 0.155,
    unit: "EUR/kWh",
    source: SOURCES.spot2022,
    verification: "secondary",
    validFor: "2022",
    note: "15.5 c/kWh excl. VAT (19.2 incl. VAT), a record year",
  },
  2023: {
    value: 0.05647,
    unit: "EUR/kWh",
    source: SOURCES.spot2023,
    verification: "verified",
    validFor: "2023",
    note: "mean of calendar-2023 hours, equal to the published FI average 56.47 EUR/MWh (SOURCE.md)",
  },
} as const satisfies Record<number, Cited>;
