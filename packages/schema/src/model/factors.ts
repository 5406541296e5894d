import * as z from "zod";
import { num, strict } from "../metadata.js";
import { series } from "../series.js";

const ef = (carrier: string) =>
  series({
    description: `Emission factor of ${carrier} (annual constant, monthly or hourly).`,
    unit: "kgCO2e/kWh",
    min: 0,
    max: 2,
  });

export const emissionFactorsSchema = strict(
  {
    electricity: ef("grid electricity").optional(),
    districtHeating: ef("district heat").optional(),
    districtCooling: ef("district cooling").optional(),
  },
  "Emission factors per carrier (kgCO2e per kWh delivered). No defaults: the model states its sources.",
);
export type EmissionFactors = z.output<typeof emissionFactorsSchema>;

const DECREE = "Government decree 788/2017 § 1 (REGULATIONS.md §1, verified)";
const pef = (carrier: string, value: number) =>
  num({
    description: `Weighting factor of ${carrier} (default ${value}).`,
    unit: "ratio",
    min: 0,
    max: 10,
    source: DECREE,
  }).default(value);

export const primaryEnergyFactorsSchema = strict(
  {
    electricity: pef("electricity", 1.2),
    districtHeating: pef("district heat", 0.5),
    districtCooling: pef("district cooling", 0.28),
    fossilFuels: pef("fossil fuels", 1.0),
    renewableFuels: pef("renewable fuels used in the building", 0.5),
  },
  "Primary-energy (energy-carrier) weighting factors; default: Finnish decree 788/2017.",
);
export type PrimaryEnergyFactors = z.output<typeof primaryEnergyFactorsSchema>;
