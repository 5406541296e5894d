import { z } from "@hono/zod-openapi";
import { HttpProblem, invalid, notFound } from "../problem.js";
import type { RouteKit } from "../route-kit.js";
import { createAccount } from "../users.js";
import { membershipDto } from "./auth.js";
import { audit, json, userDto } from "./common.js";
import { AuditSchema, Id, listOf, PageQuery, RoleSchema, UserWithRolesSchema } from "./schemas.js";

const Organisation = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "organisation slug: lower-case letters, digits and hyphens");

export function registerAdminRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const withRoles = async (userId: string) => {
    const user = await deps.store.users.get(userId);
    if (!user) throw notFound(`user ${userId}`);
    const memberships = await deps.store.memberships.listForUser(user.id);
    return { ...userDto(user), memberships: memberships.map(membershipDto) };
  };

  kit.define({
    operationId: "listUsers",
    method: "get",
    path: "/api/v1/users",
    tags: ["users"],
    summary: "List users and their roles",
    responses: { 200: { description: "Users", schema: listOf(UserWithRolesSchema) } },
    handler: async (c) => {
      const users = await deps.store.users.list();
      return json(c, { items: await Promise.all(users.map((u) => withRoles(u.id))) });
    },
  });

  kit.define({
    operationId: "createUser",
    method: "post",
    path: "/api/v1/users",
    tags: ["users"],
    summary: "Create a user with a role in an organisation (and optionally one district)",
    body: z.object({
      email: z.string().min(3).max(320),
      displayName: z.string().max(200).optional(),
      password: z.string().min(1).max(1024),
      role: RoleSchema,
      organisation: Organisation,
      districtId: Id.nullable().optional(),
    }),
    responses: {
      201: { description: "Created", schema: UserWithRolesSchema },
      409: { description: "E-mail taken" },
    },
    handler: async (c, { body }, auth) => {
      const created = await createAccount(deps.store, body);
      if (!created.ok) {
        const taken = created.issues.find((i) => i.code === "email-taken");
        if (taken) throw new HttpProblem(409, "email-taken", taken.message);
        throw invalid(created.issues.map((i) => ({ ...i, path: `body.${i.path}` })));
      }
      await audit(deps, auth, "user.create", `user:${created.user.id}`, {
        role: body.role,
        organisation: body.organisation,
      });
      return json(c, await withRoles(created.user.id), 201);
    },
  });

  kit.define({
    operationId: "updateUserRole",
    method: "put",
    path: "/api/v1/users/{userId}/role",
    tags: ["users"],
    summary: "Set a user's role in an organisation (and district); optionally disable the account",
    params: z.object({ userId: Id }),
    body: z.object({
      role: RoleSchema,
      organisation: Organisation,
      districtId: Id.nullable().default(null),
    }),
    responses: { 200: { description: "Updated", schema: UserWithRolesSchema } },
    handler: async (c, { params, body }, auth) => {
      const user = await deps.store.users.get(params.userId);
      if (!user) throw notFound(`user ${params.userId}`);
      if (body.districtId !== null && !(await deps.store.districts.get(body.districtId))) {
        throw invalid([
          {
            code: "unknown-district",
            severity: "error",
            path: "body.districtId",
            message: "no such district",
          },
        ]);
      }
      await deps.store.memberships.set({ userId: user.id, ...body });
      await audit(deps, auth, "user.role", `user:${user.id}`, body);
      return json(c, await withRoles(user.id));
    },
  });

  kit.define({
    operationId: "listAudit",
    method: "get",
    path: "/api/v1/audit",
    tags: ["audit"],
    summary: "The append-only audit log, newest first",
    query: PageQuery,
    responses: { 200: { description: "Entries", schema: listOf(AuditSchema) } },
    handler: async (c, { query }) => json(c, { items: await deps.store.audit.list(query) }),
  });
}
