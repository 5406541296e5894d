import { z } from "@hono/zod-openapi";
import { ROLES } from "../ports.js";

/** Shared request/response schemas (named in the OpenAPI document). */
export const Id = z.string().min(1).max(200);
export const Slug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens");
export const RoleSchema = z.enum(ROLES).openapi("Role");
export const Timestamp = z
  .string()
  .openapi({ description: "ISO 8601 date-time, UTC", example: "2026-01-01T00:00:00.000Z" });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    createdAt: Timestamp,
  })
  .openapi("User");

export const MembershipSchema = z
  .object({
    organisation: z.string(),
    districtId: z.string().nullable(),
    role: RoleSchema,
  })
  .openapi("Membership");

export const UserWithRolesSchema = UserSchema.extend({ memberships: z.array(MembershipSchema) }).openapi(
  "UserWithRoles",
);

export const DistrictSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    createdBy: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("District");

export const ScenarioSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    name: z.string(),
    parentScenarioId: z.string().nullable(),
    createdBy: z.string().nullable(),
    organisation: z.string().nullable(),
    createdAt: Timestamp,
    latestVersionId: z.string().nullable(),
  })
  .openapi("Scenario");

export const VersionMetaSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    parentVersionId: z.string().nullable(),
    contentHash: z.string(),
    author: z.string().nullable(),
    message: z.string(),
    createdAt: Timestamp,
  })
  .openapi("VersionMeta");

export const VersionSchema = VersionMetaSchema.extend({
  model: z
    .record(z.string(), z.unknown())
    .openapi({ description: "The district document (confidential fields redacted per role)" }),
}).openapi("Version");

export const RunSchema = z
  .object({
    id: z.string(),
    versionId: z.string(),
    kind: z.enum(["simulate", "optimize", "cooperation", "variants", "alternatives"]),
    options: z.record(z.string(), z.unknown()),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled", "interrupted"]),
    progress: z.number(),
    error: z.string().nullable(),
    createdAt: Timestamp,
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("Run");

export const StakeholderSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    name: z.string(),
    kind: z.string(),
    organisation: z.string().nullable(),
  })
  .openapi("Stakeholder");

export const AuditSchema = z
  .object({
    id: z.string(),
    at: Timestamp,
    actor: z.string().nullable(),
    action: z.string(),
    target: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  beforeId: z
    .string()
    .regex(/^[0-9]+$/, "an audit entry id")
    .optional(),
});

export const ModelSchema = z
  .record(z.string(), z.unknown())
  .openapi("DistrictDocument", { description: "A district document (see docs/reference/schema.md)" });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
