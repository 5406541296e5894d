import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import { StaticMigrationProvider } from "./migrations/provider.js";

/** Runs every pending migration; throws (with the failing migration's error as cause) if one fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed`, { cause: result.error });
  }
  return result;
}
