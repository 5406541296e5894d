import { z } from "@hono/zod-openapi";
import type { AlternativesRequest } from "../compute/alternatives.js";
import { HttpProblem } from "../problem.js";
import type { RouteKit } from "../route-kit.js";
import { ANALYSIS_PENDING_RESPONSE, analysisServer } from "./analysis.js";
import { IndicatorsSchema } from "./indicators-schema.js";
import { Id } from "./schemas.js";
import { scopes } from "./scopes.js";

/** Asset kinds whose capacity the optimiser can size (PV, heat pumps and boilers, storages, off-site contracts). */
const SIZABLE_KINDS = new Set([
  "pv",
  "heatPump",
  "electricBoiler",
  "battery",
  "thermalStorage",
  "offsiteRenewable",
]);

/** True when the district document has an extendable asset the optimiser can size (a cheap check, no build). */
function hasExtendableAsset(model: unknown): boolean {
  const assets =
    typeof model === "object" && model !== null ? (model as Record<string, unknown>).assets : undefined;
  return (
    Array.isArray(assets) &&
    assets.some(
      (a) =>
        typeof a === "object" &&
        a !== null &&
        (a as Record<string, unknown>).extendable === true &&
        SIZABLE_KINDS.has(String((a as Record<string, unknown>).kind)),
    )
  );
}

const GroupSchema = z.enum(["pv", "heatPump", "storage", "offsite"]);
const TotalsSchema = z.object({
  pv: z.number().openapi({ description: "kWp" }),
  heatPump: z.number().openapi({ description: "kW" }),
  storage: z.number().openapi({ description: "kWh" }),
  offsite: z.number().openapi({ description: "kW" }),
});

export const AlternativesSchema = z
  .object({
    status: z.string(),
    slack: z.number(),
    typicalDays: z.number().int(),
    optimumEur: z.number().nullable(),
    plans: z.array(
      z.object({
        name: z.string().openapi({ description: '"optimum", "min pv", "max storage", ...' }),
        direction: z.object({ group: GroupSchema, sense: z.enum(["min", "max"]) }).nullable(),
        status: z.string(),
        costEur: z.number().nullable().openapi({ description: "Annual cost of the plan, EUR/a" }),
        costIncrease: z.number().nullable().openapi({ description: "Fraction over the optimum" }),
        totals: TotalsSchema,
        capacities: z.record(z.string(), z.object({ value: z.number(), unit: z.enum(["kW", "kWp", "kWh"]) })),
        indicators: IndicatorsSchema.nullable(),
      }),
    ),
  })
  .openapi("Alternatives");

/**
 * GET /api/v1/versions/{versionId}/alternatives: modelling to generate alternatives as a job (kind `alternatives`):
 * the plan-mode optimum and up to `count` clearly different plans within `slack` of its cost (engine
 * `alternatives`). 200 once a run with the same input has succeeded, else 202 with the run (routes/analysis.ts);
 * 422 `nothing-to-size` when the version has no extendable asset.
 */
export function registerAlternativesRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);
  const serve = analysisServer(deps);
  kit.define({
    operationId: "getAlternatives",
    method: "get",
    path: "/api/v1/versions/{versionId}/alternatives",
    tags: ["results"],
    summary:
      "Clearly different plans whose cost is within a fraction of the optimum (least/most PV, storage, ...), side by side; 202 while the run computes them",
    params: z.object({ versionId: Id }),
    query: z.object({
      slack: z.coerce.number().min(0).max(0.5).default(0.05),
      count: z.coerce.number().int().min(1).max(8).default(4),
      typicalDays: z.coerce.number().int().min(1).max(60).default(4),
    }),
    scope: scope.byVersion,
    responses: {
      200: { description: "The optimum and the alternatives", schema: AlternativesSchema },
      202: ANALYSIS_PENDING_RESPONSE,
    },
    handler: async (c, { params, query }, auth) => {
      const { version } = await scope.version(params.versionId);
      if (!hasExtendableAsset(version.model))
        throw new HttpProblem(422, "nothing-to-size", "the version has no extendable asset to size", {
          issues: [
            {
              code: "nothing-to-size",
              severity: "error",
              path: "versionId",
              message:
                "no extendable PV, heat pump, storage or off-site contract: mark one extendable (with capacityMax and costInvest)",
            },
          ],
        });
      const request: AlternativesRequest = {
        slack: query.slack,
        count: query.count,
        typicalDays: query.typicalDays,
      };
      return serve(
        c,
        { version, kind: "alternatives", options: { ...request }, createdBy: auth.viewer.user?.id ?? null },
        (summary) => summary,
      );
    },
  });
}
