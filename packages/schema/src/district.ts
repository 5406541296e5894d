import * as z from "zod";
import { DEFAULT_WEATHER_DATASET } from "./catalogue/weather-datasets.js";
import { num, strict, text, withMeta } from "./metadata.js";
import { assetSchema } from "./model/assets.js";
import { buildingGroupSchema, customUseTypeSchema } from "./model/building-groups.js";
import { emissionFactorsSchema, primaryEnergyFactorsSchema } from "./model/factors.js";
import { financeSchema, pedSchema, targetSchema } from "./model/ped.js";
import { pricesSchema } from "./model/prices.js";
import { siteSchema } from "./model/site.js";
import { stakeholderSchema } from "./model/stakeholders.js";
import { timelineSchema } from "./model/timeline.js";
import { weatherSchema } from "./model/weather.js";

/** The schema version written by this release; older files are migrated on parse (see migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 1;

/** Zod schema of a district file (input) — after parsing, see `District`. */
export const districtSchema = strict(
  {
    schemaVersion: num({
      description: `Version of the model format; this release writes ${CURRENT_SCHEMA_VERSION} and migrates older files.`,
      unit: "count",
      int: true,
      min: 1,
    }),
    name: text("Name of the district model, e.g. `Kera 2035`."),
    description: text("Free text: purpose, status, sources.").optional(),
    site: siteSchema,
    timeline: timelineSchema,
    weather: weatherSchema.prefault({ dataset: DEFAULT_WEATHER_DATASET }),
    stakeholders: withMeta(z.array(stakeholderSchema).default([]), {
      description: "Stakeholders (owners of buildings and assets).",
    }),
    useTypes: withMeta(z.array(customUseTypeSchema).default([]), {
      description: "Custom use types, in addition to the built-in catalogue.",
    }),
    buildingGroups: withMeta(z.array(buildingGroupSchema).default([]), {
      description: "Groups of buildings.",
    }),
    assets: withMeta(z.array(assetSchema).default([]), { description: "Energy assets." }),
    prices: pricesSchema.prefault({}),
    emissionFactors: emissionFactorsSchema.prefault({}),
    primaryEnergyFactors: primaryEnergyFactorsSchema.prefault({}),
    ped: pedSchema.prefault({}),
    targets: withMeta(z.array(targetSchema).default([]), { description: "Targets by year." }),
    finance: financeSchema.prefault({}),
  },
  "A district energy model: site, time, weather, stakeholders, buildings, assets, prices, factors and targets.",
);

type DistrictOutput = z.output<typeof districtSchema>;

/** The timeline of a parsed district: `hours` is always filled. */
export interface DistrictTimeline {
  /** Start of the first hour (local time at the site unless it has `Z` or an offset). */
  start: string;
  /** Number of hourly steps. */
  hours: number;
}

/** A validated district with every default filled (the output of `parseDistrict`). */
export type District = Omit<DistrictOutput, "timeline"> & { timeline: DistrictTimeline };
