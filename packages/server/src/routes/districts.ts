import { z } from "@hono/zod-openapi";
import { invalid } from "../problem.js";
import type { RouteKit } from "../route-kit.js";
import { audit, conflict, districtDto, json } from "./common.js";
import { DistrictSchema, Id, listOf, ModelSchema, Slug } from "./schemas.js";
import { scopes } from "./scopes.js";
import { createDistrictWithBaseline } from "../seed.js";

export function registerDistrictRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);

  kit.define({
    operationId: "listDistricts",
    method: "get",
    path: "/api/v1/districts",
    tags: ["districts"],
    summary: "List districts",
    responses: { 200: { description: "Districts", schema: listOf(DistrictSchema) } },
    handler: async (c) => json(c, { items: (await deps.store.districts.list()).map(districtDto) }),
  });

  kit.define({
    operationId: "getDistrict",
    method: "get",
    path: "/api/v1/districts/{districtId}",
    tags: ["districts"],
    summary: "Get a district",
    params: z.object({ districtId: Id }),
    scope: scope.byDistrict,
    responses: { 200: { description: "The district", schema: DistrictSchema } },
    handler: async (c, { params }) => json(c, districtDto(await scope.district(params.districtId))),
  });

  kit.define({
    operationId: "createDistrict",
    method: "post",
    path: "/api/v1/districts",
    tags: ["districts"],
    summary: "Create a district, optionally with its baseline scenario from a district document",
    body: z.object({ slug: Slug, name: z.string().min(1).max(200), model: ModelSchema.optional() }),
    responses: {
      201: { description: "Created", schema: DistrictSchema },
      409: { description: "Slug taken" },
    },
    handler: async (c, { body }, auth) => {
      if (await deps.store.districts.getBySlug(body.slug)) {
        throw conflict("slug-taken", `a district with slug ${body.slug} exists`);
      }
      const created = await createDistrictWithBaseline(deps, {
        slug: body.slug,
        name: body.name,
        model: body.model,
        userId: auth.viewer.user?.id ?? null,
        organisation: [...auth.organisations][0] ?? null,
      });
      if (!created.ok) throw invalid(created.issues);
      await audit(deps, auth, "district.create", `district:${created.district.id}`, { slug: body.slug });
      return json(c, districtDto(created.district), 201);
    },
  });

  kit.define({
    operationId: "updateDistrict",
    method: "patch",
    path: "/api/v1/districts/{districtId}",
    tags: ["districts"],
    summary: "Update a district's metadata (name)",
    params: z.object({ districtId: Id }),
    body: z.object({ name: z.string().min(1).max(200) }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Updated", schema: DistrictSchema } },
    handler: async (c, { params, body }, auth) => {
      const updated = await deps.store.districts.update(params.districtId, { name: body.name });
      if (!updated) throw conflict("gone", "the district was deleted meanwhile");
      await audit(deps, auth, "district.update", `district:${updated.id}`, { name: body.name });
      return json(c, districtDto(updated));
    },
  });
}
