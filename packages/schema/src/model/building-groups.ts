import * as z from "zod";
import { USE_TYPE_IDS } from "../catalogue/use-types.js";
import { id, num, strict, text, withMeta } from "../metadata.js";
import { series } from "../series.js";

const kwhPerM2 = (what: string) =>
  num({ description: `Annual ${what} per m2 of heated net floor area.`, unit: "kWh/m2a", min: 0, max: 2000 });

/** Explicit annual specific demands (kWh/m2a); they replace the use type's defaults. */
export const specificDemandsSchema = strict(
  {
    spaceHeatingKwhPerM2: kwhPerM2("space heating (delivered heat)"),
    hotWaterKwhPerM2: kwhPerM2("domestic hot water heat"),
    electricityKwhPerM2: kwhPerM2("electricity (appliances, lighting, building services)"),
    coolingKwhPerM2: kwhPerM2("cooling (thermal)").default(0),
  },
  "Explicit annual specific demands.",
);

/** Finnish E-value (E-luku): weighted purchased energy in kWh_E/m2a (decree 1010/2017). */
export const eValueSchema = strict(
  {
    eValue: num({
      description:
        "Finnish E-value (E-luku), weighted delivered energy per m2 heated net area and year; the engine scales the use type's typical demands to it.",
      unit: "kWh/m2a",
      gt: 0,
      max: 1000,
      source: "Decree 1010/2017 (limits) and 788/2017 (weights) [B1], [B3]",
    }),
  },
  "Energy performance as an E-value.",
);

export const ePerformanceSchema = withMeta(z.union([eValueSchema, specificDemandsSchema]), {
  description:
    "Energy performance: `{ eValue }` or explicit specific demands per m2. Default: the use type's typical demands.",
});
export type EPerformance = z.output<typeof ePerformanceSchema>;

const demandSeries = (what: string) =>
  series({
    description: `Explicit hourly ${what} demand of the whole group (mean power per hour).`,
    unit: "kW",
    min: 0,
  });

export const explicitDemandSchema = strict(
  {
    spaceHeating: demandSeries("space heating").optional(),
    hotWater: demandSeries("domestic hot water").optional(),
    electricity: demandSeries("electricity").optional(),
    cooling: demandSeries("cooling").optional(),
  },
  "Explicit demand series per carrier; each given series replaces the physics model for that carrier.",
);

export const buildingGroupSchema = strict(
  {
    id: id("Stable id of the group."),
    name: text("Display name.").optional(),
    useType: withMeta(z.string().min(1), {
      description: `Use type: one of ${USE_TYPE_IDS.map((u) => `\`${u}\``).join(", ")}, or the id of a custom use type in \`useTypes\`.`,
      examples: ["apartmentBlock"],
    }),
    count: num({
      description: "Number of identical buildings in the group.",
      unit: "count",
      int: true,
      min: 1,
    }).default(1),
    heatedFloorArea: num({
      description:
        "Heated net floor area of the whole group (all buildings). 0 only for unheated use types such as parking, which then give `grossFloorArea`.",
      unit: "m2",
      min: 0,
    }),
    grossFloorArea: num({
      description: "Gross floor area of the group; used for unheated buildings (parking).",
      unit: "m2",
      min: 0,
    }).optional(),
    yearCompleted: num({
      description: "Year of completion (the build-out phase); the group exists from 1 January of this year.",
      unit: "year",
      int: true,
      min: 1800,
      max: 2100,
    }),
    ePerformance: ePerformanceSchema.optional(),
    residents: num({
      description: "Residents living in the group.",
      unit: "persons",
      int: true,
      min: 0,
    }).default(0),
    jobs: num({ description: "Jobs located in the group.", unit: "jobs", int: true, min: 0 }).default(0),
    owner: withMeta(z.string().min(1), { description: "Stakeholder id of the owner." }),
    roofArea: num({ description: "Roof area of the group usable for PV.", unit: "m2", min: 0 }).optional(),
    demand: explicitDemandSchema.optional(),
  },
  "A group of similar buildings (same use, phase, owner and performance).",
);
export type BuildingGroup = z.output<typeof buildingGroupSchema>;

export const customUseTypeSchema = strict(
  {
    id: withMeta(z.string().regex(/^[a-z][A-Za-z0-9]*$/), {
      description: "Id (camelCase) used as `useType` by building groups.",
    }),
    name: text("Display name."),
    basedOn: withMeta(z.enum(USE_TYPE_IDS), {
      description: "Built-in use type whose schedules and physics template are reused.",
    }),
    heated: withMeta(z.boolean().default(true), { description: "Whether the buildings are heated." }),
    typicalDemands: specificDemandsSchema,
  },
  "A custom use type with its own specific demands.",
);
export type CustomUseType = z.output<typeof customUseTypeSchema>;
