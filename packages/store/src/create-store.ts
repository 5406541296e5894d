/**
 * The store: one Kysely database (PGlite or PostgreSQL), migrated on open, and typed repositories
 * grouped per aggregate.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { MEMORY_DATA_DIR, pgliteDirectory, type StoreConfig } from "./config.js";
import type { Database } from "./database.js";
import { PGliteDialect } from "./dialects/pglite.js";
import { migrateToLatest } from "./migrate.js";
import {
  createMembershipRepository,
  createOrganisationRepository,
  createSessionRepository,
  createTokenRepository,
  createUserRepository,
} from "./repositories/accounts.js";
import {
  createDistrictRepository,
  createScenarioRepository,
  createStakeholderRepository,
  createVersionRepository,
} from "./repositories/districts.js";
import { createCommentRepository } from "./repositories/comments.js";
import { createCommitmentRepository } from "./repositories/commitments.js";
import { createProposalRepository } from "./repositories/proposals.js";
import { createAuditRepository, createResultRepository, createRunRepository } from "./repositories/runs.js";
import type { Db } from "./repositories/types.js";

export function createRepositories(db: Db) {
  return {
    organisations: createOrganisationRepository(db),
    users: createUserRepository(db),
    memberships: createMembershipRepository(db),
    sessions: createSessionRepository(db),
    tokens: createTokenRepository(db),
    districts: createDistrictRepository(db),
    scenarios: createScenarioRepository(db),
    versions: createVersionRepository(db),
    stakeholders: createStakeholderRepository(db),
    runs: createRunRepository(db),
    results: createResultRepository(db),
    audit: createAuditRepository(db),
    proposals: createProposalRepository(db),
    comments: createCommentRepository(db),
    commitments: createCommitmentRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export interface Store extends Repositories {
  readonly db: Kysely<Database>;
  readonly dialect: "pglite" | "postgres";
  /** Runs `fn` in one database transaction with repositories bound to it. */
  transaction<T>(fn: (tx: Repositories & { db: Kysely<Database> }) => Promise<T>): Promise<T>;
  /** Throws if the database cannot answer (for readiness probes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateStoreOptions {
  /** Run migrations on open (default true). */
  readonly migrate?: boolean;
}

/** Opens the store and (by default) migrates it to the latest schema. */
export async function createStore(config: StoreConfig, options: CreateStoreOptions = {}): Promise<Store> {
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
  let db: Kysely<Database>;
  if (config.kind === "pglite") {
    const dir = pgliteDirectory(config.dataDir);
    if (config.dataDir !== MEMORY_DATA_DIR) await mkdir(dir, { recursive: true });
    const pglite = await PGlite.create(dir === MEMORY_DATA_DIR ? undefined : dir);
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), plugins });
  } else {
    if (config.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(config.schema)) {
      throw new Error(`invalid schema name ${JSON.stringify(config.schema)}`);
    }
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.maxConnections ?? 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    if (config.schema) await sql.raw(`create schema if not exists ${config.schema}`).execute(db);
  }
  try {
    if (options.migrate !== false) await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    dialect: config.kind,
    ...createRepositories(db),
    transaction: (fn) => db.transaction().execute((tx) => fn({ db: tx, ...createRepositories(tx) })),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
