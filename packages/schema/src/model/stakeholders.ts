import * as z from "zod";
import { id, strict, text, withMeta } from "../metadata.js";

/** Kinds of stakeholder taking part in co-creation. */
export const STAKEHOLDER_KINDS = [
  "city",
  "energyCompany",
  "landowner",
  "builder",
  "housingCompany",
  "retailer",
  "researchInstitute",
  "residentsAssociation",
  "other",
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

const kind = z.enum(STAKEHOLDER_KINDS);

export const stakeholderSchema = strict(
  {
    id: id("Stable id, referenced by `owner` fields."),
    name: text("Display name, e.g. `City of Espoo`."),
    kind: withMeta(kind, { description: "Main role of the stakeholder." }),
    roles: withMeta(z.array(kind).default([]), {
      description: "Further roles (e.g. a landowner that is also a retailer).",
    }),
    description: text("Free text.").optional(),
  },
  "An organisation or group taking part: city, energy company, landowner, builder, housing company, ...",
);
export type Stakeholder = z.output<typeof stakeholderSchema>;
