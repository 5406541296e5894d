import { z } from "@hono/zod-openapi";
import type { AppDeps, Auth } from "../context.js";
import { containsRedacted, diffJson, restoreRedacted } from "../json-diff.js";
import { validateDistrictDocument } from "../model.js";
import type { ScenarioRecord, VersionRecord } from "../ports.js";
import { invalid } from "../problem.js";
import { redactModel } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { audit, conflict, json, lensFor, scenarioDto, versionMetaDto } from "./common.js";
import { Id, listOf, ModelSchema, ScenarioSchema, VersionMetaSchema, VersionSchema } from "./schemas.js";
import { scopes } from "./scopes.js";

/** The viewer's copy of a version (confidential fields of others redacted). */
async function versionView(deps: AppDeps, auth: Auth, version: VersionRecord, districtId: string) {
  return {
    ...versionMetaDto(version),
    model: redactModel(version.model, await lensFor(deps, auth, districtId)),
  };
}

/** Validates a submitted document; confidential values the author could not see are restored from `base`. */
function prepareModel(
  model: unknown,
  base: VersionRecord | undefined,
  path: string,
): Record<string, unknown> {
  const restored = base ? restoreRedacted(model, base.model) : model;
  const left = containsRedacted(restored);
  if (left !== undefined) {
    throw invalid([
      {
        code: "redacted-value",
        severity: "error",
        path: left === "" ? path : `${path}.${left}`,
        message: "a confidential placeholder has no original value to restore; send a real value",
      },
    ]);
  }
  const valid = validateDistrictDocument(restored, path);
  if (!valid.ok) throw invalid(valid.issues);
  return valid.value;
}

export function registerScenarioRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);
  const withLatest = async (s: ScenarioRecord) =>
    scenarioDto(s, (await deps.store.versions.latest(s.id))?.id ?? null);

  kit.define({
    operationId: "listScenarios",
    method: "get",
    path: "/api/v1/districts/{districtId}/scenarios",
    tags: ["scenarios"],
    summary: "List a district's scenarios",
    params: z.object({ districtId: Id }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Scenarios", schema: listOf(ScenarioSchema) } },
    handler: async (c, { params }) => {
      const list = await deps.store.scenarios.listByDistrict(params.districtId);
      return json(c, { items: await Promise.all(list.map(withLatest)) });
    },
  });

  kit.define({
    operationId: "createScenario",
    method: "post",
    path: "/api/v1/districts/{districtId}/scenarios",
    tags: ["scenarios"],
    summary: "Create a scenario (a proposal) from a district document or a copy of an existing version",
    params: z.object({ districtId: Id }),
    body: z
      .object({
        name: z.string().min(1).max(200),
        model: ModelSchema.optional(),
        fromVersionId: Id.optional(),
        message: z.string().max(2000).default(""),
      })
      .refine((b) => (b.model === undefined) !== (b.fromVersionId === undefined), {
        message: "give exactly one of model and fromVersionId",
        path: ["model"],
      }),
    scope: scope.byDistrict,
    responses: { 201: { description: "Created", schema: ScenarioSchema } },
    handler: async (c, { params, body }, auth) => {
      let base: VersionRecord | undefined;
      if (body.fromVersionId !== undefined) {
        const from = await scope.version(body.fromVersionId);
        if (from.scenario.districtId !== params.districtId) {
          throw invalid([
            {
              code: "wrong-district",
              severity: "error",
              path: "body.fromVersionId",
              message: "version of another district",
            },
          ]);
        }
        base = from.version;
      }
      const model =
        body.model === undefined ? base?.model : prepareModel(body.model, undefined, "body.model");
      const scenario = await deps.store.scenarios.create({
        districtId: params.districtId,
        name: body.name,
        parentScenarioId: null,
        createdBy: auth.viewer.user?.id ?? null,
        organisation: [...auth.organisations][0] ?? null,
      });
      const created = await deps.store.versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model,
        author: auth.viewer.user?.id ?? null,
        message: body.message || `Created ${body.name}`,
      });
      if (!created.ok) throw conflict("stale-parent", "unexpected version conflict");
      await audit(deps, auth, "scenario.create", `scenario:${scenario.id}`, { name: body.name });
      return json(c, scenarioDto(scenario, created.version.id), 201);
    },
  });

  kit.define({
    operationId: "getScenario",
    method: "get",
    path: "/api/v1/scenarios/{scenarioId}",
    tags: ["scenarios"],
    summary: "Get a scenario",
    params: z.object({ scenarioId: Id }),
    scope: scope.byScenario,
    responses: { 200: { description: "The scenario", schema: ScenarioSchema } },
    handler: async (c, { params }) => json(c, await withLatest(await scope.scenario(params.scenarioId))),
  });

  kit.define({
    operationId: "branchScenario",
    method: "post",
    path: "/api/v1/scenarios/{scenarioId}/branch",
    tags: ["scenarios"],
    summary: "Branch a scenario: a new scenario whose first version copies a version (default: the latest)",
    params: z.object({ scenarioId: Id }),
    body: z.object({ name: z.string().min(1).max(200), fromVersionId: Id.optional() }),
    scope: scope.byScenario,
    responses: { 201: { description: "The new scenario", schema: ScenarioSchema } },
    handler: async (c, { params, body }, auth) => {
      const parent = await scope.scenario(params.scenarioId);
      const from =
        body.fromVersionId === undefined
          ? await deps.store.versions.latest(parent.id)
          : await deps.store.versions.get(body.fromVersionId);
      if (!from || from.scenarioId !== parent.id) {
        throw invalid([
          {
            code: "unknown-version",
            severity: "error",
            path: "body.fromVersionId",
            message: "no such version in this scenario",
          },
        ]);
      }
      const scenario = await deps.store.scenarios.create({
        districtId: parent.districtId,
        name: body.name,
        parentScenarioId: parent.id,
        createdBy: auth.viewer.user?.id ?? null,
        organisation: [...auth.organisations][0] ?? null,
      });
      const created = await deps.store.versions.create({
        scenarioId: scenario.id,
        // The store links versions within one scenario; the branch's lineage is its parentScenarioId + message.
        parentVersionId: null,
        model: from.model,
        author: auth.viewer.user?.id ?? null,
        message: `Branched from ${parent.name} (version ${from.id})`,
      });
      if (!created.ok) throw conflict("stale-parent", "unexpected version conflict");
      await audit(deps, auth, "scenario.branch", `scenario:${scenario.id}`, { from: from.id });
      return json(c, scenarioDto(scenario, created.version.id), 201);
    },
  });

  kit.define({
    operationId: "listVersions",
    method: "get",
    path: "/api/v1/scenarios/{scenarioId}/versions",
    tags: ["versions"],
    summary: "List a scenario's versions (newest last)",
    params: z.object({ scenarioId: Id }),
    scope: scope.byScenario,
    responses: { 200: { description: "Versions", schema: listOf(VersionMetaSchema) } },
    handler: async (c, { params }) =>
      json(c, { items: (await deps.store.versions.listByScenario(params.scenarioId)).map(versionMetaDto) }),
  });

  kit.define({
    operationId: "createVersion",
    method: "post",
    path: "/api/v1/scenarios/{scenarioId}/versions",
    tags: ["versions"],
    summary: "Save an edit as a new immutable version; 409 when parentVersionId is not the latest version",
    params: z.object({ scenarioId: Id }),
    body: z.object({
      parentVersionId: Id.nullable(),
      model: ModelSchema,
      message: z.string().max(2000).default(""),
    }),
    scope: scope.byScenario,
    responses: {
      201: { description: "The new version", schema: VersionSchema },
      409: { description: "Stale parent: someone saved a newer version" },
    },
    handler: async (c, { params, body }, auth) => {
      const scenario = await scope.scenario(params.scenarioId);
      const parent =
        body.parentVersionId === null ? undefined : await deps.store.versions.get(body.parentVersionId);
      if (body.parentVersionId !== null && (!parent || parent.scenarioId !== scenario.id)) {
        throw invalid([
          {
            code: "unknown-version",
            severity: "error",
            path: "body.parentVersionId",
            message: "no such version in this scenario",
          },
        ]);
      }
      const model = prepareModel(body.model, parent, "body.model");
      const created = await deps.store.versions.create({
        scenarioId: scenario.id,
        parentVersionId: body.parentVersionId,
        model,
        author: auth.viewer.user?.id ?? null,
        message: body.message,
      });
      if (!created.ok) {
        throw conflict(
          "stale-parent",
          `parentVersionId is not the latest version (latest: ${created.latestVersionId ?? "none"}); reload and merge`,
        );
      }
      await audit(deps, auth, "version.create", `version:${created.version.id}`, { scenario: scenario.id });
      return json(c, await versionView(deps, auth, created.version, scenario.districtId), 201);
    },
  });

  kit.define({
    operationId: "getVersion",
    method: "get",
    path: "/api/v1/versions/{versionId}",
    tags: ["versions"],
    summary: "Get a version with its district document (confidential fields redacted for your role)",
    params: z.object({ versionId: Id }),
    scope: scope.byVersion,
    responses: { 200: { description: "The version", schema: VersionSchema } },
    handler: async (c, { params }, auth) => {
      const { version, scenario } = await scope.version(params.versionId);
      return json(c, await versionView(deps, auth, version, scenario.districtId));
    },
  });

  kit.define({
    operationId: "diffVersion",
    method: "get",
    path: "/api/v1/versions/{versionId}/diff",
    tags: ["versions"],
    summary: "Changes from another version (default: the parent) to this one, as paths",
    params: z.object({ versionId: Id }),
    query: z.object({ against: Id.optional() }),
    scope: scope.byVersion,
    responses: {
      200: {
        description: "Changes",
        schema: z
          .object({
            from: z.string().nullable(),
            to: z.string(),
            changes: z.array(
              z.object({
                path: z.string(),
                op: z.enum(["added", "removed", "changed"]),
                before: z.unknown().optional(),
                after: z.unknown().optional(),
              }),
            ),
          })
          .openapi("VersionDiff"),
      },
    },
    handler: async (c, { params, query }, auth) => {
      const { version, scenario } = await scope.version(params.versionId);
      const fromId = query.against ?? version.parentVersionId;
      const from = fromId === null ? undefined : await deps.store.versions.get(fromId);
      if (fromId !== null && !from) {
        throw invalid([
          { code: "unknown-version", severity: "error", path: "query.against", message: "no such version" },
        ]);
      }
      if (from) {
        const other = await scope.scenario(from.scenarioId);
        if (other.districtId !== scenario.districtId) {
          throw invalid([
            {
              code: "wrong-district",
              severity: "error",
              path: "query.against",
              message: "version of another district",
            },
          ]);
        }
      }
      const lens = await lensFor(deps, auth, scenario.districtId);
      const changes = diffJson(from ? redactModel(from.model, lens) : {}, redactModel(version.model, lens));
      return json(c, { from: from?.id ?? null, to: version.id, changes });
    },
  });
}
