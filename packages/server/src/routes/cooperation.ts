import { z } from "@hono/zod-openapi";
import type { CooperationDto, CooperationRequest } from "../compute/cooperation.js";
import { invalid } from "../problem.js";
import { pseudonymsFor, type ViewerLens } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { ANALYSIS_PENDING_RESPONSE, analysisServer } from "./analysis.js";
import { lensFor } from "./common.js";
import { Id } from "./schemas.js";
import { scopes } from "./scopes.js";

export type { CooperationDto, CooperationPartnerRow, CooperationRequest } from "../compute/cooperation.js";

/** Stakeholder ids of a district document (`stakeholders[].id`). */
function stakeholderIds(model: unknown): Set<string> {
  const list =
    typeof model === "object" && model !== null ? (model as Record<string, unknown>).stakeholders : undefined;
  const ids = new Set<string>();
  if (Array.isArray(list))
    for (const s of list)
      if (typeof s === "object" && s !== null && typeof (s as { id?: unknown }).id === "string")
        ids.add((s as { id: string }).id);
  return ids;
}

const FULL_ACCESS = new Set(["platform_admin", "district_admin"]);

/**
 * What a viewer may see of a cooperation analysis (issue 6 confidentiality rules): the city and platform
 * admins see everything; a partner sees the district totals and only its own rows (its figures alone, its
 * share, its settlement line, the payments and exchanges it is a party to); a researcher sees everything with
 * stakeholder ids replaced by the model's stable pseudonyms; anyone else only the totals.
 */
export function cooperationView(dto: CooperationDto, model: unknown, lens: ViewerLens): CooperationDto {
  if (FULL_ACCESS.has(lens.role)) return dto;
  if (lens.role === "partner") {
    const own = (id: string): boolean => lens.ownedStakeholders.has(id);
    return {
      ...dto,
      partners: dto.partners.filter((p) => own(p.stakeholder)),
      payments: dto.payments.filter((p) => own(p.from) || own(p.to)),
      exchanges: dto.exchanges.filter((e) => own(e.seller) || own(e.buyer)),
    };
  }
  if (lens.role === "researcher") {
    const aliases = pseudonymsFor(model);
    const a = (id: string): string => aliases.get(id) ?? "stakeholder-other";
    const core = (c: NonNullable<CooperationDto["core"]>["shapley"]) => ({
      inCore: c.inCore,
      mostViolated: c.mostViolated
        ? { members: c.mostViolated.members.map(a), excess: c.mostViolated.excess }
        : null,
    });
    return {
      ...dto,
      players: dto.players.map(a),
      partners: dto.partners.map((p) => ({ ...p, stakeholder: a(p.stakeholder) })),
      payments: dto.payments.map((p) => ({ ...p, from: a(p.from), to: a(p.to) })),
      exchanges: dto.exchanges.map((e) => ({ ...e, seller: a(e.seller), buyer: a(e.buyer) })),
      core: dto.core ? { shapley: core(dto.core.shapley), proportional: core(dto.core.proportional) } : null,
    };
  }
  return { ...dto, players: [], partners: [], payments: [], exchanges: [], core: null };
}

/**
 * GET /api/v1/versions/{versionId}/cooperation: the analysis runs as a job (kind `cooperation`, a few seconds for
 * six partners on 4 typical days); 200 with the result once a run with the same input has succeeded, else 202 with
 * the run (routes/analysis.ts). Unknown players are a synchronous 422.
 */
export function registerCooperationRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);
  const serve = analysisServer(deps);
  kit.define({
    operationId: "getCooperation",
    method: "get",
    path: "/api/v1/versions/{versionId}/cooperation",
    tags: ["results"],
    summary:
      "Value of cooperation, fair shares (Shapley, proportional), core check and settlement between the partners (partners see their own rows); 202 while the run computes it",
    params: z.object({ versionId: Id }),
    query: z.object({
      typicalDays: z.coerce.number().int().min(1).max(60).default(4),
      metric: z.enum(["cost", "co2"]).default("cost"),
      players: z
        .string()
        .max(2000)
        .optional()
        .transform((s) =>
          s
            ? s
                .split(",")
                .map((p) => p.trim())
                .filter((p) => p.length > 0)
            : undefined,
        ),
    }),
    scope: scope.byVersion,
    responses: {
      200: {
        description: "The cooperation analysis as the viewer may see it",
        schema: z.record(z.string(), z.unknown()).openapi("Cooperation"),
      },
      202: ANALYSIS_PENDING_RESPONSE,
    },
    handler: async (c, { params, query }, auth) => {
      const { version, scenario } = await scope.version(params.versionId);
      if (query.players !== undefined) {
        const known = stakeholderIds(version.model);
        const unknown = query.players.filter((p) => !known.has(p));
        if (unknown.length > 0)
          throw invalid(
            unknown.map((p) => ({
              code: "unknown-stakeholder",
              severity: "error",
              path: "query.players",
              message: `no stakeholder ${p}`,
            })),
          );
      }
      const request: CooperationRequest = {
        typicalDays: query.typicalDays,
        metric: query.metric,
        ...(query.players === undefined ? {} : { players: query.players }),
      };
      return serve(
        c,
        {
          version,
          kind: "cooperation",
          options: { ...request },
          createdBy: auth.viewer.user?.id ?? null,
        },
        async (summary) =>
          cooperationView(
            summary as unknown as CooperationDto,
            version.model,
            await lensFor(deps, auth, scenario.districtId),
          ),
      );
    },
  });
}
