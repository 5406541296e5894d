import { z } from "@hono/zod-openapi";

/** The OpenAPI schema of `Indicators` (compute/indicators.ts): proposals, the tracker and alternative plans. */
export const IndicatorsSchema = z
  .object({
    energyPositivityRatio: z.number().nullable(),
    producedKWh: z.number(),
    consumedKWh: z.number(),
    co2NetKg: z.number(),
    co2EmissionsKg: z.number(),
    generationKWh: z.number(),
    electricityImportKWh: z.number(),
    selfSufficiency: z.number().nullable(),
  })
  .openapi("Indicators");
