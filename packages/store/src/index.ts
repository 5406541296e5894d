export { createStore, createRepositories } from "./create-store.js";
export type { Store, Repositories, CreateStoreOptions } from "./create-store.js";
export { storeConfigFromEnv, describeStoreConfig, pgliteDirectory, MEMORY_DATA_DIR } from "./config.js";
export type { StoreConfig } from "./config.js";
export { migrateToLatest } from "./migrate.js";
export { migrations } from "./migrations/provider.js";
export { PGliteDialect } from "./dialects/pglite.js";
export type { PGliteDialectConfig } from "./dialects/pglite.js";
export { StoreError, isUniqueViolation } from "./errors.js";
export type { StoreErrorCode } from "./errors.js";
export { contentHash, canonicalJson } from "./content-hash.js";
export { encodeSeries, decodeSeries } from "./series-codec.js";
export type { SeriesDtype, SeriesInput, DecodedSeries, EncodeSeriesOptions } from "./series-codec.js";
export { newId } from "./ids.js";
export { ROLES, RUN_KINDS, RUN_STATUSES } from "./database.js";
export type { Database, JsonValue, Role, RunKind, RunStatus } from "./database.js";
export type { Organisation, User, Membership, Session, ApiToken } from "./repositories/accounts.js";
export type {
  District,
  Scenario,
  ScenarioVersion,
  ScenarioVersionMeta,
  Stakeholder,
} from "./repositories/districts.js";
export { FINISHED_RUN_STATUSES } from "./repositories/runs.js";
export type { Run, RunError, RunResult, AuditEntry } from "./repositories/runs.js";
export { PROPOSAL_STATUSES } from "./repositories/proposals.js";
export type { Proposal, ProposalStatus, ParticipationTables } from "./repositories/proposals.js";
export type { Comment } from "./repositories/comments.js";
export type { Commitment } from "./repositories/commitments.js";
