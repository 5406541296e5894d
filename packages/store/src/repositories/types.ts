import type { Kysely } from "kysely";
import type { Database } from "../database.js";

/** A Kysely handle: the store's database or a transaction on it. */
export type Db = Kysely<Database>;

/** Runs `fn` in a transaction, or directly when `db` is already one. */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toOptionalDate(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}
