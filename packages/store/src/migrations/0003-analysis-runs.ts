/**
 * Analyses run as jobs (issue 8): runs of kind `cooperation` (value of cooperation and fair shares), `variants`
 * (indicators of several documents: proposal impact, tracker) and `alternatives` (modelling to generate
 * alternatives). Widens the check on `runs.kind` of 0001 (auto-named `runs_kind_check`).
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol runs a single statement at a time.
  await sql`alter table runs drop constraint if exists runs_kind_check`.execute(db);
  await sql`alter table runs add constraint runs_kind_check
    check (kind in ('simulate','optimize','cooperation','variants','alternatives'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from runs where kind in ('cooperation','variants','alternatives')`.execute(db);
  await sql`alter table runs drop constraint if exists runs_kind_check`.execute(db);
  await sql`alter table runs add constraint runs_kind_check check (kind in ('simulate','optimize'))`.execute(
    db,
  );
}
