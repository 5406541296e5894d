import * as z from "zod";
import { num, strict } from "../metadata.js";
import { series } from "../series.js";

const eurPerKwh = (description: string) => series({ description, unit: "EUR/kWh" });

function tariff(carrier: string, extra: { tax?: boolean; export?: boolean }) {
  return strict(
    {
      energy: eurPerKwh(
        `Energy price of imported ${carrier}, excl. VAT (e.g. spot price plus retail margin).`,
      ),
      networkFee: eurPerKwh(
        `Network (distribution) fee per kWh of imported ${carrier}, excl. VAT. Default 0.`,
      ).optional(),
      ...(extra.tax === true
        ? {
            tax: series({
              description: "Electricity tax per kWh imported, excl. VAT (default: class I, 2.253 c/kWh).",
              unit: "EUR/kWh",
              source:
                "[E24] Finnish electricity tax class I: 2.24 c/kWh energy tax + 0.013 c/kWh security-of-supply fee",
            }).default(0.02253),
          }
        : {}),
      powerFee: num({
        description: `Power fee per kW of the monthly peak (or contracted power) of ${carrier}. Default 0.`,
        unit: "EUR/kW/month",
        min: 0,
      }).optional(),
      fixedMonthly: num({
        description: "Fixed fee per connection and month. Default 0.",
        unit: "EUR/month",
        min: 0,
      }).optional(),
      ...(extra.export === true
        ? { export: eurPerKwh(`Price received for exported ${carrier}. Default 0 (no sale).`).optional() }
        : {}),
    },
    `Tariff for ${carrier}: energy, network fees, taxes (all excl. VAT).`,
  );
}

export const electricityTariffSchema = tariff("electricity", { tax: true, export: true });
export const districtHeatingTariffSchema = tariff("district heat", { export: true });
export const districtCoolingTariffSchema = tariff("district cooling", {});

export const pricesSchema = strict(
  {
    vatRate: num({
      description:
        "Value-added tax rate applied to residents' bills (all prices in the model are excl. VAT).",
      unit: "fraction",
      min: 0,
      max: 1,
      source: "[E24] Finnish general VAT rate 25.5 % (since 1.9.2024)",
    }).default(0.255),
    electricity: electricityTariffSchema.optional(),
    districtHeating: districtHeatingTariffSchema.optional(),
    districtCooling: districtCoolingTariffSchema.optional(),
  },
  "Prices and tariffs per energy carrier (energy, network fees, taxes, VAT). EUR excl. VAT.",
);
export type Prices = z.output<typeof pricesSchema>;
export type ElectricityTariff = z.output<typeof electricityTariffSchema>;
export type DistrictHeatingTariff = z.output<typeof districtHeatingTariffSchema>;
export type DistrictCoolingTariff = z.output<typeof districtCoolingTariffSchema>;
