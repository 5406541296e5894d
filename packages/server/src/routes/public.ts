import { z } from "@hono/zod-openapi";
import type { ServerStore } from "../ports.js";
import { notFound } from "../problem.js";
import { redactSummary } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { BASELINE_SCENARIO_NAME } from "../seed.js";
import { json } from "./common.js";
import { DistrictSchema, Slug, Timestamp } from "./schemas.js";

/** The newest succeeded simulation of the district's baseline scenario (newest version first). */
export async function latestBaselineResult(deps: { readonly store: ServerStore }, districtId: string) {
  const scenarios = await deps.store.scenarios.listByDistrict(districtId);
  const baseline = scenarios.find((s) => s.name === BASELINE_SCENARIO_NAME) ?? scenarios[0];
  if (!baseline) return undefined;
  const versions = await deps.store.versions.listByScenario(baseline.id);
  for (const meta of [...versions].reverse()) {
    const runs = await deps.store.runs.listByVersion(meta.id);
    const run = runs.find((r) => r.status === "succeeded" && r.kind === "simulate");
    if (!run) continue;
    const [version, result] = await Promise.all([
      deps.store.versions.get(meta.id),
      deps.store.results.get(run.id),
    ]);
    if (version && result) return { scenario: baseline, version, run, result };
  }
  return undefined;
}

export function registerPublicRoutes(kit: RouteKit): void {
  const { deps } = kit;
  kit.define({
    operationId: "getPublicDistrict",
    method: "get",
    path: "/api/v1/public/districts/{slug}",
    tags: ["public"],
    summary: "Public dashboard data: the district and the KPIs of its latest computed baseline (no sign-in)",
    params: z.object({ slug: Slug }),
    scope: async (p) => {
      const d = p.slug ? await deps.store.districts.getBySlug(p.slug) : undefined;
      if (!d) throw notFound(`district ${p.slug ?? ""}`);
      return { districtId: d.id };
    },
    responses: {
      200: {
        description: "Public summary",
        schema: z
          .object({
            district: DistrictSchema,
            baseline: z
              .object({
                scenarioId: z.string(),
                versionId: z.string(),
                runId: z.string(),
                computedAt: Timestamp.nullable(),
                kpis: z.record(z.string(), z.unknown()),
              })
              .nullable(),
          })
          .openapi("PublicDistrict"),
      },
    },
    handler: async (c, { params }) => {
      const district = await deps.store.districts.getBySlug(params.slug);
      if (!district) throw notFound(`district ${params.slug}`);
      const latest = await latestBaselineResult(deps, district.id);
      // Public view: everything confidential redacted, whoever asks (the lens of an anonymous viewer).
      const kpis = latest
        ? redactSummary(latest.result.summary, latest.version.model, {
            role: "anonymous",
            ownedStakeholders: new Set(),
          })
        : undefined;
      return json(c, {
        district: {
          id: district.id,
          slug: district.slug,
          name: district.name,
          createdBy: null,
          createdAt: district.createdAt,
        },
        baseline: latest
          ? {
              scenarioId: latest.scenario.id,
              versionId: latest.version.id,
              runId: latest.run.id,
              computedAt: latest.run.finishedAt,
              kpis,
            }
          : null,
      });
    },
  });
}
