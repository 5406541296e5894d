/** Migrations listed statically (no file-system globbing), so they bundle and run anywhere. */
import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.js";
import * as participation from "./0002-participation.js";
import * as analysisRuns from "./0003-analysis-runs.js";

/** Every migration in order; names sort lexically and must never change once released. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-participation": participation,
  "0003-analysis-runs": analysisRuns,
};

export class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...migrations };
  }
}
