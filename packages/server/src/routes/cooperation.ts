import { z } from "@hono/zod-openapi";
import { analyzeCooperation, buildNetwork, type CooperationMetric } from "@kera/engine";
import { loadDistrictInputs } from "@kera/data";
import { parseDistrict } from "@kera/schema";
import { createHighsSolver } from "@kera/solver-highs";
import { HttpProblem, type ProblemIssue } from "../problem.js";
import { pseudonymsFor, type ViewerLens } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { json, lensFor } from "./common.js";
import { Id } from "./schemas.js";
import { scopes } from "./scopes.js";

/** Options of a cooperation analysis (the query of GET /versions/{versionId}/cooperation). */
export interface CooperationRequest {
  /** Typical days the year is aggregated to (default 4: a few seconds for six partners). */
  readonly typicalDays: number;
  readonly metric: CooperationMetric;
  /** Stakeholder ids; default every owner of a load or an asset. */
  readonly players?: readonly string[];
}

interface Figures {
  readonly costEur: number;
  readonly co2Kg: number;
  readonly positivityRatio: number | null;
}

/** One partner's row: what it would do alone, its fair share and its line of the settlement. */
export interface CooperationPartnerRow {
  readonly stakeholder: string;
  readonly alone: Figures;
  readonly shapleyEur: number;
  /** 95 % interval when the Shapley value was sampled. */
  readonly shapleyIntervalEur: readonly [number, number] | null;
  readonly proportionalEur: number;
  readonly settlement: {
    readonly standaloneEur: number;
    readonly shareEur: number;
    readonly targetEur: number;
    readonly jointCostEur: number;
    readonly transferEur: number;
  } | null;
}

/** The JSON body of the cooperation endpoint (before the viewer's lens is applied). */
export interface CooperationDto {
  readonly metric: CooperationMetric;
  readonly method: "exact" | "sampled";
  readonly typicalDays: number;
  readonly players: readonly string[];
  readonly totals: {
    readonly silos: Figures;
    readonly together: Figures;
    readonly gain: Figures;
    /** v(N): the value the grand coalition creates (EUR/a or kgCO2e/a). */
    readonly value: number;
  };
  readonly partners: readonly CooperationPartnerRow[];
  readonly payments: readonly { readonly from: string; readonly to: string; readonly amountEur: number }[];
  readonly exchanges: readonly {
    readonly seller: string;
    readonly buyer: string;
    readonly carrier: string;
    readonly energyKwh: number;
    readonly priceRangeEurPerKwh: readonly [number, number] | null;
    readonly mutuallyBeneficial: boolean;
  }[];
  readonly core: {
    readonly shapley: {
      readonly inCore: boolean;
      readonly mostViolated: { members: string[]; excess: number } | null;
    };
    readonly proportional: {
      readonly inCore: boolean;
      readonly mostViolated: { members: string[]; excess: number } | null;
    };
  } | null;
}

const figures = (f: { costEur: number; co2Kg: number; positivityRatio: number | null }): Figures => ({
  costEur: f.costEur,
  co2Kg: f.co2Kg,
  positivityRatio: f.positivityRatio,
});

/**
 * Validates a stored district document, builds its network and analyses cooperation between its partners
 * (value of cooperation, Shapley and proportional shares, core, settlement). Throws HttpProblem 422 when the
 * document or the players are not usable.
 */
export async function computeCooperation(
  model: unknown,
  request: CooperationRequest,
): Promise<CooperationDto> {
  const parsed = parseDistrict(model);
  if (!parsed.ok)
    throw new HttpProblem(422, "invalid-district", "the version's district is not valid", {
      issues: parsed.issues as ProblemIssue[],
    });
  const inputs = loadDistrictInputs(parsed.value, { baseDir: process.cwd() });
  if (!inputs.ok)
    throw new HttpProblem(422, "missing-inputs", "the version's inputs cannot be loaded", {
      issues: inputs.issues as ProblemIssue[],
    });
  const built = buildNetwork({
    district: parsed.value,
    weather: inputs.value.weather,
    csvSeries: inputs.value.csvSeries,
  });
  if (!built.ok)
    throw new HttpProblem(422, "invalid-network", "the energy network cannot be built", {
      issues: built.issues as ProblemIssue[],
    });
  const network = built.value.network;
  const known = new Set(network.stakeholders.map((s) => s.id));
  const unknown = (request.players ?? []).filter((p) => !known.has(p));
  if (unknown.length > 0)
    throw new HttpProblem(422, "invalid-input", "unknown players", {
      issues: unknown.map((p) => ({
        code: "unknown-stakeholder",
        severity: "error",
        path: "query.players",
        message: `no stakeholder ${p}`,
      })),
    });
  const solver = createHighsSolver();
  try {
    const r = await analyzeCooperation(network, solver, {
      typicalDays: request.typicalDays,
      metric: request.metric,
      players: request.players,
    });
    const interval = "interval" in r.shapley ? r.shapley.interval : undefined;
    const core = (c: { inCore: boolean; mostViolated?: { members: readonly string[]; excess: number } }) => ({
      inCore: c.inCore,
      mostViolated: c.mostViolated
        ? { members: [...c.mostViolated.members], excess: c.mostViolated.excess }
        : null,
    });
    return {
      metric: r.metric,
      method: r.method,
      typicalDays: request.typicalDays,
      players: [...r.value.players],
      totals: {
        silos: figures(r.value.silos),
        together: figures(r.value.together),
        gain: figures(r.value.gain),
        value: r.shapley.grandValue,
      },
      partners: r.value.players.map((p) => {
        const alone = r.value.alone[p];
        const line = r.settlement?.lines[p];
        return {
          stakeholder: p,
          alone: alone ? figures(alone) : { costEur: Number.NaN, co2Kg: Number.NaN, positivityRatio: null },
          shapleyEur: r.shapley.shares[p] ?? 0,
          shapleyIntervalEur: interval?.[p] ? [interval[p][0], interval[p][1]] : null,
          proportionalEur: r.proportional[p] ?? 0,
          settlement: line ? { ...line } : null,
        };
      }),
      payments: (r.settlement?.payments ?? []).map((p) => ({ ...p })),
      exchanges: (r.settlement?.exchanges ?? []).map((e) => ({ ...e })),
      core: r.core ? { shapley: core(r.core.shapley), proportional: core(r.core.proportional) } : null,
    };
  } finally {
    await solver.dispose();
  }
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

/** Analyses kept per app (by version and options); the oldest is dropped beyond this. */
const CACHE_ENTRIES = 16;

/**
 * GET /api/v1/versions/{versionId}/cooperation: computes the analysis on first request (a few seconds for
 * six partners on 4 typical days) and serves it from a per-app cache afterwards. Needs a `getCooperation`
 * entry in auth/policy.ts, `registerCooperationRoutes(kit)` in app.ts and a row in the authorisation matrix.
 */
export function registerCooperationRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);
  const cache = new Map<string, Promise<CooperationDto>>();
  kit.define({
    operationId: "getCooperation",
    method: "get",
    path: "/api/v1/versions/{versionId}/cooperation",
    tags: ["results"],
    summary:
      "Value of cooperation, fair shares (Shapley, proportional), core check and settlement between the partners (partners see their own rows)",
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
    },
    handler: async (c, { params, query }, auth) => {
      const { version, scenario } = await scope.version(params.versionId);
      const request: CooperationRequest = {
        typicalDays: query.typicalDays,
        metric: query.metric,
        players: query.players,
      };
      const key = JSON.stringify([version.id, request.typicalDays, request.metric, request.players ?? null]);
      let pending = cache.get(key);
      if (!pending) {
        pending = computeCooperation(version.model, request);
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
        while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      }
      const dto = await pending;
      const lens = await lensFor(deps, auth, scenario.districtId);
      return json(c, cooperationView(dto, version.model, lens));
    },
  });
}
