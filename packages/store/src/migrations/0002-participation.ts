/**
 * Participation (issue 8 items 1-3): proposals against a scenario version, supports, threaded comments with
 * moderation, and partners' commitments. Decisions are kept on the proposal; the audit log records who did what.
 */
import { sql, type Kysely } from "kysely";

const statements: readonly string[] = [
  `create table proposals (
  id text primary key,
  district_id text not null references districts(id) on delete cascade,
  base_version_id text not null references scenario_versions(id),
  title text not null,
  rationale text not null default '',
  change jsonb not null,
  investment_eur double precision check (investment_eur is null or investment_eur >= 0),
  payer text,
  operator text,
  status text not null default 'open' check (status in ('open','accepted','declined','withdrawn')),
  decision_reason text,
  accepted_version_id text references scenario_versions(id),
  author text references users(id) on delete set null,
  organisation_id text references organisations(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create index proposals_district on proposals (district_id, created_at)`,
  `create table proposal_supports (
  proposal_id text not null references proposals(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (proposal_id, user_id)
)`,
  `create table comments (
  id text primary key,
  district_id text not null references districts(id) on delete cascade,
  proposal_id text references proposals(id) on delete cascade,
  asset_id text,
  parent_comment_id text references comments(id) on delete cascade,
  author text references users(id) on delete set null,
  body text not null,
  hidden_at timestamptz,
  hidden_by text references users(id) on delete set null,
  hidden_reason text,
  created_at timestamptz not null default now(),
  check (proposal_id is not null or asset_id is not null)
)`,
  `create index comments_proposal on comments (proposal_id, created_at)`,
  `create index comments_asset on comments (district_id, asset_id, created_at)`,
  `create table commitments (
  id text primary key,
  district_id text not null references districts(id) on delete cascade,
  stakeholder_id text not null,
  proposal_id text references proposals(id) on delete cascade,
  building_group_id text,
  year integer not null check (year >= 1900 and year <= 2200),
  description text not null default '',
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check (proposal_id is not null or building_group_id is not null)
)`,
  `create index commitments_district on commitments (district_id, year)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol runs a single statement at a time.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists commitments, comments, proposal_supports, proposals cascade`.execute(db);
}
