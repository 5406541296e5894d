/** Where the store keeps its data: embedded PGlite (default) or a PostgreSQL server. */
import { join } from "node:path";

export type StoreConfig =
  | {
      readonly kind: "pglite";
      /** Directory for PGlite's files (`<dataDir>/pglite`), or `"memory://"` for an in-memory database. */
      readonly dataDir: string;
    }
  | {
      readonly kind: "postgres";
      /** `postgres://user@host:port/database` */
      readonly url: string;
      /** Use (and create if missing) this schema instead of `public` — e.g. one per test run. */
      readonly schema?: string;
      /** Pool size (default 10). */
      readonly maxConnections?: number;
    };

export const MEMORY_DATA_DIR = "memory://";

/**
 * Reads `DATABASE_URL` (PostgreSQL when set) and `DATA_DIR` (PGlite directory, default `./data`).
 * `DATABASE_SCHEMA` optionally selects a PostgreSQL schema.
 */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const schema = env.DATABASE_SCHEMA?.trim();
    return schema ? { kind: "postgres", url, schema } : { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: env.DATA_DIR?.trim() || "./data" };
}

/** The directory PGlite opens for a data dir (`<dataDir>/pglite`), or `memory://`. */
export function pgliteDirectory(dataDir: string): string {
  return dataDir === MEMORY_DATA_DIR ? MEMORY_DATA_DIR : join(dataDir, "pglite");
}

/** Describes a config for logs without credentials. */
export function describeStoreConfig(config: StoreConfig): string {
  if (config.kind === "pglite") return `pglite:${pgliteDirectory(config.dataDir)}`;
  let where = "postgres";
  try {
    const u = new URL(config.url);
    where = `postgres://${u.host}${u.pathname}`;
  } catch {
    // not a URL: keep the generic name
  }
  return config.schema ? `${where} (schema ${config.schema})` : where;
}
