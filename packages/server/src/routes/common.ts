import type { Context } from "hono";
import type { AppDeps, Auth } from "../context.js";
import type {
  DistrictRecord,
  RunRecord,
  ScenarioRecord,
  StakeholderRecord,
  UserRecord,
  VersionMetaRecord,
} from "../ports.js";
import { HttpProblem } from "../problem.js";
import type { ViewerLens } from "../redact.js";

/** Appends to the audit log (every mutating call does). */
export async function audit(
  deps: AppDeps,
  actor: Auth | string | null,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const actorId = typeof actor === "string" || actor === null ? actor : (actor.viewer.user?.id ?? null);
  await deps.store.audit.append({ actor: actorId, action, target, details });
}

export function userDto(u: UserRecord) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    disabled: u.disabled,
    createdAt: u.createdAt,
  };
}

export function districtDto(d: DistrictRecord) {
  return { id: d.id, slug: d.slug, name: d.name, createdBy: d.createdBy, createdAt: d.createdAt };
}

export function scenarioDto(s: ScenarioRecord, latestVersionId: string | null) {
  return { ...s, latestVersionId };
}

export function versionMetaDto(v: VersionMetaRecord) {
  return {
    id: v.id,
    scenarioId: v.scenarioId,
    parentVersionId: v.parentVersionId,
    contentHash: v.contentHash,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt,
  };
}

export function runDto(r: RunRecord) {
  return {
    id: r.id,
    versionId: r.versionId,
    kind: r.kind,
    options: r.options,
    status: r.status,
    progress: r.progress,
    error: r.error,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

export function stakeholderDto(s: StakeholderRecord) {
  return { id: s.id, districtId: s.districtId, name: s.name, kind: s.kind, organisation: s.organisation };
}

/** The viewer's lens for confidential data in a district: which stakeholders' data it may see. */
export async function lensFor(deps: AppDeps, auth: Auth, districtId: string): Promise<ViewerLens> {
  if (auth.role !== "partner" || auth.organisations.size === 0) {
    return { role: auth.role, ownedStakeholders: new Set() };
  }
  const stakeholders = await deps.store.stakeholders.listByDistrict(districtId);
  const owned = new Set(
    stakeholders
      .filter((s) => s.organisation !== null && auth.organisations.has(s.organisation))
      .map((s) => s.id),
  );
  return { role: auth.role, ownedStakeholders: owned };
}

/** A JSON response with an explicit status (handlers return plain Responses). */
export function json(c: Context, body: unknown, status: 200 | 201 | 202 = 200): Response {
  return c.json(body as object, status);
}

export function conflict(code: string, detail: string): HttpProblem {
  return new HttpProblem(409, code, detail);
}
