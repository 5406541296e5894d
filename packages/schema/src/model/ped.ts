import * as z from "zod";
import { num, strict, withMeta } from "../metadata.js";

export const PED_BOUNDARIES = ["onSite", "functional", "virtual"] as const;
export const PED_WEIGHTINGS = ["delivered", "primaryEnergy", "co2"] as const;
export type PedBoundary = (typeof PED_BOUNDARIES)[number];
export type PedWeighting = (typeof PED_WEIGHTINGS)[number];

export const pedSchema = strict(
  {
    boundary: withMeta(z.enum(PED_BOUNDARIES).default("functional"), {
      description:
        "Balance boundary: `onSite` (geographic: only assets inside the district), `functional` (also assets serving the district such as its DH connection and waste heat), `virtual` (also contracted off-site renewables). Default functional.",
      source:
        "+CityxChange boundary modes geographical/functional/virtual [P2]; default per KERA.md §6.2 (Nordic PEDs reach positivity only beyond the geographic boundary [P9])",
    }),
    weighting: withMeta(z.enum(PED_WEIGHTINGS).default("primaryEnergy"), {
      description:
        "How carriers are weighted in the annual balance: `delivered` (final energy), `primaryEnergy` (`primaryEnergyFactors`) or `co2` (`emissionFactors`). Default primaryEnergy.",
      source:
        "EN ISO 52000-1 weighted balance (REGULATIONS.md §4.2); Finnish factors of decree 788/2017 [B3]",
    }),
    exportCredit: num({
      description: "Share of exported energy credited in the balance (k_exp; 1 = full annual net balance).",
      unit: "fraction",
      min: 0,
      max: 1,
      source: "EN ISO 52000-1 k_exp (REGULATIONS.md §4.2: use 1 for a full annual net balance)",
    }).default(1),
  },
  "How the positive-energy-district balance is drawn.",
);
export type Ped = z.output<typeof pedSchema>;

export const targetSchema = strict(
  {
    year: num({ description: "Year the target applies to.", unit: "year", int: true, min: 1900, max: 2200 }),
    energyPositivityRatio: num({
      description:
        "Minimum ratio of (weighted) renewable supply to (weighted) demand; 1 = energy-neutral, > 1 positive.",
      unit: "ratio",
      min: 0,
    }).optional(),
    co2Max: num({
      description: "Maximum annual emissions of the district.",
      unit: "kgCO2e/a",
      min: 0,
    }).optional(),
    budget: num({
      description: "Maximum total investment in that year's portfolio.",
      unit: "EUR",
      min: 0,
    }).optional(),
  },
  "A target for one year.",
);
export type Target = z.output<typeof targetSchema>;

export const financeSchema = strict(
  {
    discountRate: num({
      description: "Real discount rate for annuities and net present values (default 0.04).",
      unit: "fraction",
      min: 0,
      max: 0.5,
      source:
        "European Commission, Guide to Cost-Benefit Analysis of Investment Projects (2014), §2.9: 4 % real financial discount rate as reference",
    }).default(0.04),
  },
  "Financial assumptions.",
);
export type Finance = z.output<typeof financeSchema>;
