import type { Membership, Run, Scenario, Store } from "@kera/store";
import { StoreError } from "@kera/store";
import type {
  MembershipRecord,
  RunRecord,
  RunStatus,
  ScenarioRecord,
  ServerStore,
  StoredRole,
  UserRecord,
} from "./ports.js";

/** Store timestamps as the ports' ISO strings. */
export const iso = (d: Date | string): string =>
  d instanceof Date ? d.toISOString() : new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An organisation's slug by its id (null: none), remembered per adapter (slugs do not change). */
export function organisationSlugs(store: Store): (id: string | null) => Promise<string | null> {
  const slugById = new Map<string, string>();
  return async (id) => {
    if (id === null) return null;
    const cached = slugById.get(id);
    if (cached !== undefined) return cached;
    const org = await store.organisations.get(id);
    if (org) slugById.set(id, org.slug);
    return org?.slug ?? null;
  };
}

/**
 * Adapts `@kera/store` to the server's ServerStore port. Organisations are addressed by slug in the API; they are
 * created on first use. A scenario's owning organisation is that of its creator in the scenario's district
 * (the store keeps the creator, not the organisation).
 */
export function adaptStore(store: Store): ServerStore {
  const orgSlug = organisationSlugs(store);

  const orgId = async (slug: string): Promise<string> => {
    const existing = await store.organisations.getBySlug(slug);
    if (existing) return existing.id;
    try {
      return (await store.organisations.create({ slug, name: slug })).id;
    } catch (error) {
      const again = await store.organisations.getBySlug(slug);
      if (again) return again.id;
      throw error;
    }
  };

  const membership = async (m: Membership): Promise<MembershipRecord> => ({
    userId: m.userId,
    organisation: (await orgSlug(m.organisationId)) ?? m.organisationId,
    districtId: m.districtId,
    role: m.role as StoredRole,
  });

  const user = (u: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string | null;
    disabled: boolean;
    createdAt: Date;
  }): UserRecord => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    passwordHash: u.passwordHash ?? "",
    disabled: u.disabled,
    createdAt: iso(u.createdAt),
  });

  const scenarioOrganisation = async (s: Scenario): Promise<string | null> => {
    if (s.createdBy === null) return null;
    const ms = await store.memberships.listByUser(s.createdBy);
    const here = ms.filter((m) => m.districtId === s.districtId || m.districtId === null);
    const pick = here.find((m) => m.role === "partner") ?? here[0] ?? ms[0];
    return pick ? orgSlug(pick.organisationId) : null;
  };

  const scenario = async (s: Scenario): Promise<ScenarioRecord> => ({
    id: s.id,
    districtId: s.districtId,
    name: s.name,
    parentScenarioId: s.parentScenarioId,
    createdBy: s.createdBy,
    organisation: await scenarioOrganisation(s),
    createdAt: iso(s.createdAt),
  });

  const run = (r: Run): RunRecord => ({
    id: r.id,
    versionId: r.versionId,
    kind: r.kind,
    options: isRecord(r.options) ? r.options : {},
    inputHash: r.inputHash,
    status: r.status,
    progress: r.progress,
    message: r.message,
    error: isRecord(r.error) && typeof r.error.message === "string" ? r.error.message : null,
    createdBy: r.createdBy,
    createdAt: iso(r.createdAt),
    startedAt: isoOrNull(r.startedAt),
    finishedAt: isoOrNull(r.finishedAt),
  });

  const versionMeta = (v: {
    id: string;
    scenarioId: string;
    parentVersionId: string | null;
    contentHash: string;
    author: string | null;
    message: string;
    createdAt: Date;
  }) => ({
    id: v.id,
    scenarioId: v.scenarioId,
    parentVersionId: v.parentVersionId,
    contentHash: v.contentHash,
    author: v.author,
    message: v.message,
    createdAt: iso(v.createdAt),
  });

  return {
    users: {
      create: async (u) => user(await store.users.create(u)),
      get: async (id) => {
        const u = await store.users.get(id);
        return u && user(u);
      },
      getByEmail: async (email) => {
        const u = await store.users.getByEmail(email);
        return u && user(u);
      },
      list: async () => (await store.users.list()).map(user),
      count: () => store.users.count(),
    },
    memberships: {
      listForUser: async (userId) =>
        Promise.all((await store.memberships.listByUser(userId)).map(membership)),
      async set(m) {
        const organisationId = await orgId(m.organisation);
        const same = (await store.memberships.listByUser(m.userId)).filter(
          (x) => x.organisationId === organisationId && x.districtId === m.districtId,
        );
        const [first, ...rest] = same;
        for (const x of rest) await store.memberships.remove(x.id);
        if (first) await store.memberships.updateRole(first.id, m.role);
        else
          await store.memberships.add({
            userId: m.userId,
            organisationId,
            districtId: m.districtId,
            role: m.role,
          });
      },
    },
    sessions: {
      async create(s) {
        await store.sessions.create({ ...s, expiresAt: new Date(s.expiresAt) });
      },
      async get(idHash) {
        const s = await store.sessions.get(idHash, new Date());
        return s && { userId: s.userId, csrfToken: s.csrfToken, expiresAt: iso(s.expiresAt) };
      },
      async delete(idHash) {
        await store.sessions.delete(idHash);
      },
    },
    tokens: {
      async create(t) {
        const r = await store.tokens.create(t);
        return { id: r.id, userId: r.userId, name: r.name, createdAt: iso(r.createdAt) };
      },
      async getByHash(hash) {
        const r = await store.tokens.getActiveByHash(hash, new Date());
        return r && { id: r.id, userId: r.userId, name: r.name, createdAt: iso(r.createdAt) };
      },
      async get(id) {
        const r = await store.tokens.get(id);
        return r && r.revokedAt === null
          ? { id: r.id, userId: r.userId, name: r.name, createdAt: iso(r.createdAt) }
          : undefined;
      },
      async delete(id) {
        await store.tokens.revoke(id, new Date());
      },
    },
    districts: {
      create: async (d) => {
        const r = await store.districts.create(d);
        return { id: r.id, slug: r.slug, name: r.name, createdBy: r.createdBy, createdAt: iso(r.createdAt) };
      },
      get: async (id) => {
        const r = await store.districts.get(id);
        return (
          r && { id: r.id, slug: r.slug, name: r.name, createdBy: r.createdBy, createdAt: iso(r.createdAt) }
        );
      },
      getBySlug: async (slug) => {
        const r = await store.districts.getBySlug(slug);
        return (
          r && { id: r.id, slug: r.slug, name: r.name, createdBy: r.createdBy, createdAt: iso(r.createdAt) }
        );
      },
      list: async () =>
        (await store.districts.list()).map((r) => ({
          id: r.id,
          slug: r.slug,
          name: r.name,
          createdBy: r.createdBy,
          createdAt: iso(r.createdAt),
        })),
      update: async (id, patch) => {
        try {
          const r = await store.districts.updateMeta(id, patch);
          return {
            id: r.id,
            slug: r.slug,
            name: r.name,
            createdBy: r.createdBy,
            createdAt: iso(r.createdAt),
          };
        } catch (error) {
          if (error instanceof StoreError && error.code === "not-found") return undefined;
          throw error;
        }
      },
    },
    scenarios: {
      create: async (s) =>
        scenario(
          await store.scenarios.create({
            districtId: s.districtId,
            name: s.name,
            parentScenarioId: s.parentScenarioId,
            createdBy: s.createdBy,
          }),
        ),
      get: async (id) => {
        const s = await store.scenarios.get(id);
        return s && scenario(s);
      },
      listByDistrict: async (districtId) =>
        Promise.all((await store.scenarios.listByDistrict(districtId)).map(scenario)),
    },
    versions: {
      async create(v) {
        try {
          const r = await store.versions.create({
            scenarioId: v.scenarioId,
            parentVersionId: v.parentVersionId,
            model: v.model as object,
            author: v.author,
            message: v.message,
          });
          return { ok: true, version: { ...versionMeta(r), model: r.model } };
        } catch (error) {
          if (error instanceof StoreError && error.code === "stale-parent") {
            return { ok: false, latestVersionId: (await store.versions.latest(v.scenarioId))?.id ?? null };
          }
          throw error;
        }
      },
      get: async (id) => {
        const r = await store.versions.get(id);
        return r && { ...versionMeta(r), model: r.model };
      },
      listByScenario: async (scenarioId) => (await store.versions.list(scenarioId)).map(versionMeta),
      latest: async (scenarioId) => {
        const r = await store.versions.latest(scenarioId);
        return r && { ...versionMeta(r), model: r.model };
      },
    },
    runs: {
      create: async (r) => run(await store.runs.create({ ...r, options: r.options })),
      get: async (id) => {
        const r = await store.runs.get(id);
        return r && run(r);
      },
      listByVersion: async (versionId) => (await store.runs.listByVersion(versionId)).map(run),
      listByStatus: async (statuses: readonly RunStatus[]) =>
        (await store.runs.listByStatus(statuses)).map(run),
      findSucceeded: async (kind, inputHash) => {
        const r = await store.runs.findSucceeded(kind, inputHash);
        return r && run(r);
      },
      findActive: async (kind, inputHash) => {
        const r = await store.runs.findActive(kind, inputHash);
        return r && run(r);
      },
      interruptOrphans: () => store.runs.interruptOrphans({ at: new Date() }),
      markStarted: (id, workerId) => store.runs.markStarted(id, workerId, new Date()),
      updateProgress: (id, fraction, message) => store.runs.updateProgress(id, fraction, message, new Date()),
      finish: (id, status, error) =>
        store.runs.finish(id, {
          status,
          error: error === null ? null : { code: status, message: error },
          at: new Date(),
        }),
    },
    results: {
      async put(r) {
        await store.results.save({ runId: r.runId, summary: r.summary, series: r.series });
      },
      async get(runId) {
        const r = await store.results.get(runId);
        return r && { runId: r.runId, summary: isRecord(r.summary) ? r.summary : {}, series: r.series };
      },
    },
    stakeholders: {
      listByDistrict: async (districtId) =>
        Promise.all(
          (await store.stakeholders.list(districtId)).map(async (s) => ({
            districtId: s.districtId,
            id: s.id,
            name: s.name,
            kind: s.kind,
            organisation: await orgSlug(s.organisationId),
          })),
        ),
      create: async (s) => {
        const organisationId = s.organisation === null ? null : await orgId(s.organisation);
        await store.stakeholders.create({
          districtId: s.districtId,
          id: s.id,
          name: s.name,
          kind: s.kind,
          organisationId,
        });
        return s;
      },
    },
    audit: {
      async append(e) {
        await store.audit.append(e);
      },
      list: async (page) =>
        (
          await store.audit.list({
            limit: page.limit,
            ...(page.beforeId === undefined ? {} : { beforeId: Number(page.beforeId) }),
          })
        ).map((a) => ({
          id: String(a.id),
          at: iso(a.at),
          actor: a.actor,
          action: a.action,
          target: a.target ?? "",
          details: isRecord(a.details) ? a.details : {},
        })),
    },
    async ping() {
      try {
        await store.ping();
        return true;
      } catch {
        return false;
      }
    },
    close: () => store.close(),
  };
}
