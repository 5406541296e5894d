import { z } from "@hono/zod-openapi";
import { STAKEHOLDER_KINDS } from "@kera/schema";
import type { RouteKit } from "../route-kit.js";
import { audit, conflict, json, stakeholderDto } from "./common.js";
import { Id, listOf, StakeholderSchema } from "./schemas.js";
import { scopes } from "./scopes.js";

export function registerStakeholderRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const scope = scopes(deps);

  kit.define({
    operationId: "listStakeholders",
    method: "get",
    path: "/api/v1/districts/{districtId}/stakeholders",
    tags: ["stakeholders"],
    summary: "List a district's stakeholders (researchers get pseudonyms)",
    params: z.object({ districtId: Id }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Stakeholders", schema: listOf(StakeholderSchema) } },
    handler: async (c, { params }, auth) => {
      const list = (await deps.store.stakeholders.listByDistrict(params.districtId)).map(stakeholderDto);
      const items =
        auth.role === "researcher"
          ? list.map((s, i) => ({
              ...s,
              id: `stakeholder-${i + 1}`,
              name: `stakeholder-${i + 1}`,
              organisation: null,
            }))
          : list;
      return json(c, { items });
    },
  });

  kit.define({
    operationId: "createStakeholder",
    method: "post",
    path: "/api/v1/districts/{districtId}/stakeholders",
    tags: ["stakeholders"],
    summary: "Register a stakeholder and the organisation that speaks for it",
    params: z.object({ districtId: Id }),
    body: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[a-zA-Z0-9][a-zA-Z0-9:_-]*$/),
      name: z.string().min(1).max(200),
      kind: z.enum(STAKEHOLDER_KINDS),
      organisation: z.string().min(1).max(100).nullable().default(null),
    }),
    scope: scope.byDistrict,
    responses: {
      201: { description: "Created", schema: StakeholderSchema },
      409: { description: "Id taken" },
    },
    handler: async (c, { params, body }, auth) => {
      const existing = await deps.store.stakeholders.listByDistrict(params.districtId);
      if (existing.some((s) => s.id === body.id))
        throw conflict("stakeholder-exists", `stakeholder ${body.id} exists`);
      const created = await deps.store.stakeholders.create({ districtId: params.districtId, ...body });
      await audit(deps, auth, "stakeholder.create", `stakeholder:${params.districtId}/${body.id}`);
      return json(c, stakeholderDto(created), 201);
    },
  });
}
