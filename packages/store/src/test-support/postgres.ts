/**
 * A fresh schema on the test PostgreSQL server per test run (created, then dropped), so parallel runs
 * never collide. Uses KERA_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Fails loudly (never skips) when the server is unreachable.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL =
  process.env.KERA_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestSchema {
  url: string;
  schema: string;
  drop: () => Promise<void>;
}

export async function createTestSchema(prefix = "kera_test"): Promise<TestSchema> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} is not reachable; start it or set KERA_TEST_DATABASE_URL`,
      { cause: error },
    );
  }
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return {
    url: TEST_DATABASE_URL,
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
