/**
 * The narrow ports the server depends on. The composition root (main.ts) adapts `@kera/store` and the job queue
 * (`./jobs/index.js`) to these (store-adapter.ts, jobs-adapter.ts), so route code is independent of their exact shapes.
 */

export const ROLES = ["platform_admin", "district_admin", "partner", "researcher", "resident"] as const;
/** A stored role. `anonymous` is not stored: it is the role of a request without credentials. */
export type StoredRole = (typeof ROLES)[number];
export type Role = StoredRole | "anonymous";

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface MembershipRecord {
  readonly userId: string;
  /** Organisation slug/id, e.g. `fortum`, `city-of-espoo`. */
  readonly organisation: string;
  /** District the role applies to; null = every district (platform admins, organisation-wide roles). */
  readonly districtId: string | null;
  readonly role: StoredRole;
}

export interface SessionRecord {
  readonly userId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface DistrictRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface ScenarioRecord {
  readonly id: string;
  readonly districtId: string;
  readonly name: string;
  readonly parentScenarioId: string | null;
  readonly createdBy: string | null;
  /** Organisation of the creator (ownership rule for partners). */
  readonly organisation: string | null;
  readonly createdAt: string;
}

export interface VersionMetaRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly parentVersionId: string | null;
  readonly contentHash: string;
  readonly author: string | null;
  readonly message: string;
  readonly createdAt: string;
}

export interface VersionRecord extends VersionMetaRecord {
  /** The district document (JSON). */
  readonly model: unknown;
}

export interface StakeholderRecord {
  readonly districtId: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Organisation that speaks for this stakeholder (partners own assets of their stakeholders). */
  readonly organisation: string | null;
}

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Simulations and optimisations, and the analyses that run as jobs (cooperation, variants, alternatives). */
export const RUN_KINDS = ["simulate", "optimize", "cooperation", "variants", "alternatives"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface RunRecord {
  readonly id: string;
  readonly versionId: string;
  readonly kind: RunKind;
  readonly options: Record<string, unknown>;
  readonly inputHash: string;
  readonly status: RunStatus;
  readonly progress: number;
  /** The latest progress message, if the adapter keeps it. */
  readonly message?: string | null;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface RunResultRecord {
  readonly runId: string;
  readonly summary: Record<string, unknown>;
  /** Hourly series by name; values in the unit stated by the series name suffix (e.g. `gridImportKw`). */
  readonly series: Record<string, ArrayLike<number>>;
}

export interface AuditRecord {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly target: string;
  readonly details: Record<string, unknown>;
}

export interface Page {
  readonly limit: number;
  /** Only entries with a smaller id (paging backwards). */
  readonly beforeId?: string | undefined;
}

/** What the server needs from storage. */
export interface ServerStore {
  readonly users: {
    create(u: { email: string; displayName: string; passwordHash: string }): Promise<UserRecord>;
    get(id: string): Promise<UserRecord | undefined>;
    getByEmail(email: string): Promise<UserRecord | undefined>;
    list(): Promise<readonly UserRecord[]>;
    count(): Promise<number>;
  };
  readonly memberships: {
    listForUser(userId: string): Promise<readonly MembershipRecord[]>;
    /** Replaces every membership of the user in (organisation, districtId) with this role. */
    set(m: MembershipRecord): Promise<void>;
  };
  readonly sessions: {
    create(s: { idHash: string; userId: string; csrfToken: string; expiresAt: string }): Promise<void>;
    get(idHash: string): Promise<SessionRecord | undefined>;
    delete(idHash: string): Promise<void>;
  };
  readonly tokens: {
    create(t: { userId: string; name: string; tokenHash: string }): Promise<ApiTokenRecord>;
    getByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
    get(id: string): Promise<ApiTokenRecord | undefined>;
    delete(id: string): Promise<void>;
  };
  readonly districts: {
    create(d: { slug: string; name: string; createdBy: string | null }): Promise<DistrictRecord>;
    get(id: string): Promise<DistrictRecord | undefined>;
    getBySlug(slug: string): Promise<DistrictRecord | undefined>;
    list(): Promise<readonly DistrictRecord[]>;
    update(id: string, patch: { name?: string }): Promise<DistrictRecord | undefined>;
  };
  readonly scenarios: {
    create(s: {
      districtId: string;
      name: string;
      parentScenarioId: string | null;
      createdBy: string | null;
      organisation: string | null;
    }): Promise<ScenarioRecord>;
    get(id: string): Promise<ScenarioRecord | undefined>;
    listByDistrict(districtId: string): Promise<readonly ScenarioRecord[]>;
  };
  readonly versions: {
    /** Appends an immutable version. Returns `stale` when parentVersionId is not the scenario's latest version. */
    create(v: {
      scenarioId: string;
      parentVersionId: string | null;
      model: unknown;
      author: string | null;
      message: string;
    }): Promise<{ ok: true; version: VersionRecord } | { ok: false; latestVersionId: string | null }>;
    get(id: string): Promise<VersionRecord | undefined>;
    /** Oldest first, without models. */
    listByScenario(scenarioId: string): Promise<readonly VersionMetaRecord[]>;
    latest(scenarioId: string): Promise<VersionRecord | undefined>;
    /**
     * Drops cached reads of the scenario's versions after a write made outside this port (e.g. a proposal accepted
     * in one transaction of the participation store). Absent on stores that cache nothing.
     */
    forget?(scenarioId: string): void;
  };
  readonly runs: {
    create(r: {
      versionId: string;
      kind: RunKind;
      options: Record<string, unknown>;
      inputHash: string;
      createdBy: string | null;
    }): Promise<RunRecord>;
    get(id: string): Promise<RunRecord | undefined>;
    /** Newest first. */
    listByVersion(versionId: string): Promise<readonly RunRecord[]>;
    /** Runs in these states, oldest first. */
    listByStatus(statuses: readonly RunStatus[]): Promise<readonly RunRecord[]>;
    /** The newest succeeded run with this kind and input hash (the persistent result cache). */
    findSucceeded(kind: RunKind, inputHash: string): Promise<RunRecord | undefined>;
    /** The newest queued or running run with this kind and input hash (asking again starts no duplicate). */
    findActive(kind: RunKind, inputHash: string): Promise<RunRecord | undefined>;
    /** Marks runs left `running` by a process that is gone as `interrupted`; returns their ids. */
    interruptOrphans(): Promise<string[]>;
    /** queued → running; false when the run is no longer queued. */
    markStarted(id: string, workerId: string): Promise<boolean>;
    updateProgress(id: string, fraction: number, message: string | null): Promise<void>;
    /** Final state; false (no change) when the run had already finished. */
    finish(
      id: string,
      status: Exclude<RunStatus, "queued" | "running">,
      error: string | null,
    ): Promise<boolean>;
  };
  readonly results: {
    put(r: RunResultRecord): Promise<void>;
    get(runId: string): Promise<RunResultRecord | undefined>;
  };
  readonly stakeholders: {
    listByDistrict(districtId: string): Promise<readonly StakeholderRecord[]>;
    create(s: StakeholderRecord): Promise<StakeholderRecord>;
  };
  readonly audit: {
    append(e: {
      actor: string | null;
      action: string;
      target: string;
      details: Record<string, unknown>;
    }): Promise<void>;
    list(page: Page): Promise<readonly AuditRecord[]>;
  };
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type JobEvent =
  | { readonly type: "queued" }
  | { readonly type: "running" }
  | { readonly type: "progress"; readonly fraction: number; readonly message?: string }
  | { readonly type: "succeeded"; readonly result: unknown }
  | { readonly type: "failed"; readonly error: { code: string; message: string } }
  | { readonly type: "cancelled" };

/** What the server needs from the job queue. */
export interface ServerJobs {
  /** Starts a run; the job id equals the run id. Progress and the outcome are written to the store by the adapter. */
  enqueueRun(run: RunRecord, model: unknown): Promise<void>;
  cancel(runId: string): Promise<boolean>;
  /** Live events for a run; returns an unsubscribe function. */
  subscribe(runId: string, listener: (e: JobEvent) => void): () => void;
  ping(): Promise<boolean>;
  /** Stops taking work; running jobs finish within `graceMs` or are re-queued/marked interrupted. */
  close(graceMs?: number): Promise<void>;
}
