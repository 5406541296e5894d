import { z } from "@hono/zod-openapi";
import { loadDistrictInputs } from "@kera/data";
import { parseDistrict } from "@kera/schema";
import type { AppDeps } from "../context.js";
import { prefixIssuePath } from "../model.js";
import type { VersionRecord } from "../ports.js";
import { invalid, notFound } from "../problem.js";
import { redactModel, type ViewerLens } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { json, lensFor } from "./common.js";
import { latestBaselineResult } from "./public.js";
import { Id, Slug } from "./schemas.js";
import { scopes } from "./scopes.js";

/**
 * Routes the web app needs beyond the core API (added by the web's author, issue 7): the inputs of a version
 * — its district document as the viewer may see it, the hourly weather and CSV series it names — so the
 * browser's Web Worker can run the engine's rule-based simulation for what-ifs without a server run.
 */
const ROUND = 1000; // three decimals are ample for weather (degC, %, m/s, W/m2)
const rounded = (a: ArrayLike<number>): number[] => Array.from(a, (v) => Math.round(v * ROUND) / ROUND);

const InputsSchema = z
  .object({
    versionId: z.string(),
    model: z.record(z.string(), z.unknown()),
    weather: z.object({
      source: z.string(),
      timeline: z.object({ startUtcMs: z.number(), hours: z.number(), timeZone: z.string() }),
      temperatureC: z.array(z.number()),
      relativeHumidityPct: z.array(z.number()),
      windSpeedMs: z.array(z.number()),
      ghiWm2: z.array(z.number()),
      dhiWm2: z.array(z.number()),
      dniWm2: z.array(z.number()),
    }),
    csvSeries: z.record(z.string(), z.array(z.number())),
  })
  .openapi("ModelInputs");

async function inputsOf(deps: AppDeps, version: VersionRecord, lens: ViewerLens) {
  const parsed = parseDistrict(version.model);
  if (!parsed.ok) throw invalid(parsed.issues.map((i) => ({ ...i, path: prefixIssuePath("model", i.path) })));
  // Shipped weather data sets resolve by name; relative CSV files resolve against the working directory.
  const loaded = loadDistrictInputs(parsed.value, { baseDir: process.cwd() });
  if (!loaded.ok) throw invalid(loaded.issues.map((i) => ({ ...i, path: prefixIssuePath("model", i.path) })));
  const { weather, csvSeries } = loaded.value;
  const csv: Record<string, number[]> = {};
  for (const [k, v] of csvSeries ?? new Map<string, Float64Array>()) csv[k] = Array.from(v);
  return {
    versionId: version.id,
    model: redactModel(version.model, lens) as Record<string, unknown>,
    weather: {
      source: weather.source,
      timeline: weather.timeline,
      temperatureC: rounded(weather.temperatureC),
      relativeHumidityPct: rounded(weather.relativeHumidityPct),
      windSpeedMs: rounded(weather.windSpeedMs),
      ghiWm2: rounded(weather.ghiWm2),
      dhiWm2: rounded(weather.dhiWm2),
      dniWm2: rounded(weather.dniWm2),
    },
    csvSeries: csv,
  };
}

export function registerWebSupportRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);

  kit.define({
    operationId: "getPublicInputs",
    method: "get",
    path: "/api/v1/public/districts/{slug}/inputs",
    tags: ["public"],
    summary:
      "Inputs of the district's baseline for in-browser what-ifs: document (confidential fields redacted), weather",
    params: z.object({ slug: Slug }),
    scope: async (p) => {
      const d = p.slug ? await deps.store.districts.getBySlug(p.slug) : undefined;
      if (!d) throw notFound(`district ${p.slug ?? ""}`);
      return { districtId: d.id };
    },
    responses: { 200: { description: "Inputs", schema: InputsSchema } },
    handler: async (c, { params }) => {
      const district = await deps.store.districts.getBySlug(params.slug);
      if (!district) throw notFound(`district ${params.slug}`);
      const latest = await latestBaselineResult(deps, district.id);
      let version = latest?.version;
      if (!version) {
        const scenarios = await deps.store.scenarios.listByDistrict(district.id);
        const first = scenarios[0];
        version = first ? await deps.store.versions.latest(first.id) : undefined;
      }
      if (!version) throw notFound(`a baseline of district ${params.slug}`);
      c.header("cache-control", "public, max-age=300");
      return json(c, await inputsOf(deps, version, { role: "anonymous", ownedStakeholders: new Set() }));
    },
  });

  kit.define({
    operationId: "getVersionInputs",
    method: "get",
    path: "/api/v1/versions/{versionId}/inputs",
    tags: ["versions"],
    summary:
      "Inputs of a version for in-browser what-ifs: document (redacted for your role), weather, CSV series",
    params: z.object({ versionId: Id }),
    scope: scope.byVersion,
    responses: { 200: { description: "Inputs", schema: InputsSchema } },
    handler: async (c, { params }, auth) => {
      const { version, scenario } = await scope.version(params.versionId);
      return json(c, await inputsOf(deps, version, await lensFor(deps, auth, scenario.districtId)));
    },
  });
}
