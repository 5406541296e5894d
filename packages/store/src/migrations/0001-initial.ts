/** Initial schema: accounts, districts, scenarios and immutable versions, runs and results, audit log. */
import { sql, type Kysely } from "kysely";

const statements: readonly string[] = [
  `create table organisations (
  id text primary key,
  slug text not null unique,
  name text not null,
  created_at timestamptz not null default now()
)`,
  `create table users (
  id text primary key,
  email text not null unique check (email = lower(email)),
  password_hash text,
  display_name text not null,
  created_at timestamptz not null default now(),
  disabled boolean not null default false
)`,
  `create table districts (
  id text primary key,
  slug text not null unique,
  name text not null,
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create table memberships (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  organisation_id text not null references organisations(id) on delete cascade,
  district_id text references districts(id) on delete cascade,
  role text not null check (role in ('platform_admin','district_admin','partner','researcher','resident')),
  created_at timestamptz not null default now()
)`,
  `create unique index memberships_unique on memberships (user_id, organisation_id, coalesce(district_id, ''), role)`,
  `create index memberships_district on memberships (district_id)`,
  `create table api_tokens (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
)`,
  `create table sessions (
  id_hash text primary key,
  user_id text not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
)`,
  `create index sessions_expires on sessions (expires_at)`,
  `create table scenarios (
  id text primary key,
  district_id text not null references districts(id) on delete cascade,
  name text not null,
  parent_scenario_id text references scenarios(id) on delete set null,
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now()
)`,
  `create index scenarios_district on scenarios (district_id)`,
  `create table scenario_versions (
  id text primary key,
  scenario_id text not null references scenarios(id) on delete cascade,
  number integer not null check (number >= 1),
  parent_version_id text references scenario_versions(id),
  model jsonb not null,
  content_hash text not null,
  author text references users(id) on delete set null,
  message text not null default '',
  created_at timestamptz not null default now(),
  unique (scenario_id, number)
)`,
  `create index scenario_versions_hash on scenario_versions (content_hash)`,
  `create table stakeholders (
  district_id text not null references districts(id) on delete cascade,
  id text not null,
  name text not null,
  kind text not null,
  organisation_id text references organisations(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (district_id, id)
)`,
  `create table runs (
  id text primary key,
  version_id text not null references scenario_versions(id) on delete cascade,
  kind text not null check (kind in ('simulate','optimize')),
  options jsonb not null default '{}',
  input_hash text not null,
  status text not null default 'queued'
    check (status in ('queued','running','succeeded','failed','cancelled','interrupted')),
  progress double precision not null default 0 check (progress >= 0 and progress <= 1),
  message text,
  error jsonb,
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz,
  worker_id text
)`,
  `create index runs_version on runs (version_id, created_at)`,
  `create index runs_input on runs (kind, input_hash, status)`,
  `create index runs_status on runs (status)`,
  `create table run_results (
  run_id text primary key references runs(id) on delete cascade,
  summary jsonb not null,
  series bytea,
  created_at timestamptz not null default now()
)`,
  `create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text,
  action text not null,
  target text,
  details jsonb not null default '{}'
)`,
  `create index audit_log_at on audit_log (at)`,
  `create function kera_reject_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % rejected', tg_table_name, tg_op using errcode = 'P0001';
end
$$`,
  `create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function kera_reject_change()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function kera_reject_change()`,
  `create trigger scenario_versions_immutable before update on scenario_versions
  for each row execute function kera_reject_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol runs a single statement at a time.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists audit_log, run_results, runs, stakeholders, scenario_versions,
    scenarios, sessions, api_tokens, memberships, districts, users, organisations cascade`.execute(db);
  await sql`drop function if exists kera_reject_change()`.execute(db);
}
