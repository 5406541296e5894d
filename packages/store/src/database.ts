/**
 * Table types for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin with
 * nested JSON keys left alone). Timestamps are `timestamptz` and read as `Date` (UTC instants).
 */
import type { ColumnType, Generated } from "kysely";

/** JSON value as stored in a `jsonb` column. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: written as a JSON string (portable between pg and PGlite), read as parsed JSON. */
type Json<T = JsonValue> = ColumnType<T, string, string>;
type NullableJson<T = JsonValue> = ColumnType<T | null, string | null | undefined, string | null>;

export const ROLES = ["platform_admin", "district_admin", "partner", "researcher", "resident"] as const;
/** Roles per organisation and (optionally) district; `anonymous` is not stored. */
export type Role = (typeof ROLES)[number];

/** Simulations and optimisations, and the analyses that run as jobs (issue 8, migration 0003). */
export const RUN_KINDS = ["simulate", "optimize", "cooperation", "variants", "alternatives"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: string;
  /** Stored lower-case; unique. */
  email: string;
  passwordHash: string | null;
  displayName: string;
  createdAt: CreatedAt;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface MembershipsTable {
  id: string;
  userId: string;
  organisationId: string;
  districtId: string | null;
  role: Role;
  createdAt: CreatedAt;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 (or other) hash of the secret; the secret itself is never stored. */
  tokenHash: string;
  createdAt: CreatedAt;
  expiresAt: NullableTimestamp;
  lastUsedAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
}

export interface SessionsTable {
  /** Hash of the session id held in the cookie. */
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface DistrictsTable {
  id: string;
  slug: string;
  name: string;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt | Timestamp;
}

export interface ScenariosTable {
  id: string;
  districtId: string;
  name: string;
  parentScenarioId: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ScenarioVersionsTable {
  id: string;
  scenarioId: string;
  /** 1, 2, 3, ... per scenario (unique with scenario_id). */
  number: number;
  parentVersionId: string | null;
  model: Json;
  contentHash: string;
  author: string | null;
  message: string;
  createdAt: CreatedAt;
}

export interface StakeholdersTable {
  districtId: string;
  id: string;
  name: string;
  kind: string;
  organisationId: string | null;
  createdAt: CreatedAt;
}

export interface RunsTable {
  id: string;
  versionId: string;
  kind: RunKind;
  options: Json;
  inputHash: string;
  status: RunStatus;
  progress: ColumnType<number, number | undefined, number>;
  message: string | null;
  error: NullableJson<{ code: string; message: string }>;
  createdBy: string | null;
  createdAt: CreatedAt;
  startedAt: NullableTimestamp;
  finishedAt: NullableTimestamp;
  heartbeatAt: NullableTimestamp;
  workerId: string | null;
}

export interface RunResultsTable {
  runId: string;
  summary: Json;
  /** encodeSeries() output: gzip of a small header + little-endian Float32/Float64 arrays. */
  series: Uint8Array | null;
  createdAt: CreatedAt;
}

export interface AuditLogTable {
  /** bigserial: pg returns int8 as a string, PGlite as a number; repositories convert with Number(). */
  id: Generated<number>;
  at: CreatedAt;
  actor: string | null;
  action: string;
  target: string | null;
  details: Json;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  apiTokens: ApiTokensTable;
  sessions: SessionsTable;
  districts: DistrictsTable;
  scenarios: ScenariosTable;
  scenarioVersions: ScenarioVersionsTable;
  stakeholders: StakeholdersTable;
  runs: RunsTable;
  runResults: RunResultsTable;
  auditLog: AuditLogTable;
}
