/** Proposals against a scenario version, and supports for them (one per user). */
import { sql, type ColumnType, type Selectable } from "kysely";
import type { JsonValue } from "../database.js";
import { StoreError } from "../errors.js";
import { newId } from "../ids.js";
import { toJson, type Db } from "./types.js";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = JsonValue> = ColumnType<T, string, string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const PROPOSAL_STATUSES = ["open", "accepted", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalsTable {
  id: string;
  districtId: string;
  /** The scenario version the change applies to. */
  baseVersionId: string;
  title: string;
  rationale: string;
  /** A JSON merge of the district document (e.g. `{ assets: [...] }`). */
  change: Json;
  /** EUR; confidential to the proposing organisation, the district admin and platform admins. */
  investmentEur: number | null;
  /** Stakeholder id that pays. */
  payer: string | null;
  /** Stakeholder id that operates. */
  operator: string | null;
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>;
  decisionReason: string | null;
  acceptedVersionId: string | null;
  author: string | null;
  /** Organisation of the author (the owner of the confidential figures). */
  organisationId: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ProposalSupportsTable {
  proposalId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface CommentsTable {
  id: string;
  districtId: string;
  /** Target: a proposal, an asset id of the district document, or both (an asset within a proposal). */
  proposalId: string | null;
  assetId: string | null;
  /** The comment this one answers (same target). */
  parentCommentId: string | null;
  author: string | null;
  body: string;
  hiddenAt: NullableTimestamp;
  hiddenBy: string | null;
  hiddenReason: string | null;
  createdAt: CreatedAt;
}

export interface CommitmentsTable {
  id: string;
  districtId: string;
  /** Stakeholder id (of the district document) that commits. */
  stakeholderId: string;
  /** What is committed: a proposal, or a building group of the district document (its own project). */
  proposalId: string | null;
  buildingGroupId: string | null;
  /** Year by which it will be done. */
  year: number;
  description: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

/** The tables added by migration 0002-participation (typed here; the core Database type is left alone). */
// A type alias (not an interface): Kysely.withTables needs an index-compatible record type.
export type ParticipationTables = {
  proposals: ProposalsTable;
  proposalSupports: ProposalSupportsTable;
  comments: CommentsTable;
  commitments: CommitmentsTable;
};

export type Proposal = Selectable<ProposalsTable> & {
  /** Number of users supporting the proposal. */
  supportCount: number;
};

function withParticipation(db: Db) {
  return db.withTables<ParticipationTables>();
}

export function createProposalRepository(db: Db) {
  const pdb = withParticipation(db);
  const select = () =>
    pdb
      .selectFrom("proposals")
      .selectAll("proposals")
      .select(
        sql<
          number | string
        >`(select count(*) from proposal_supports s where s.proposal_id = proposals.id)`.as("supportCount"),
      );
  const toProposal = (row: Selectable<ProposalsTable> & { supportCount: number | string }): Proposal => ({
    ...row,
    investmentEur: row.investmentEur === null ? null : Number(row.investmentEur),
    supportCount: Number(row.supportCount),
  });

  return {
    async create(input: {
      districtId: string;
      baseVersionId: string;
      title: string;
      rationale?: string;
      change: JsonValue | object;
      investmentEur?: number | null;
      payer?: string | null;
      operator?: string | null;
      author?: string | null;
      organisationId?: string | null;
      id?: string;
    }): Promise<Proposal> {
      const row = await pdb
        .insertInto("proposals")
        .values({
          id: input.id ?? newId("prp"),
          districtId: input.districtId,
          baseVersionId: input.baseVersionId,
          title: input.title,
          rationale: input.rationale ?? "",
          change: toJson(input.change),
          investmentEur: input.investmentEur ?? null,
          payer: input.payer ?? null,
          operator: input.operator ?? null,
          decisionReason: null,
          acceptedVersionId: null,
          author: input.author ?? null,
          organisationId: input.organisationId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProposal({ ...row, supportCount: 0 });
    },
    async get(id: string): Promise<Proposal | undefined> {
      const row = await select().where("proposals.id", "=", id).executeTakeFirst();
      return row ? toProposal(row) : undefined;
    },
    /** A district's proposals, oldest first (the order in which changes are combined). */
    async listByDistrict(districtId: string, filter: { status?: ProposalStatus } = {}): Promise<Proposal[]> {
      let query = select().where("proposals.districtId", "=", districtId);
      if (filter.status !== undefined) query = query.where("proposals.status", "=", filter.status);
      const rows = await query.orderBy("proposals.createdAt").orderBy("proposals.id").execute();
      return rows.map(toProposal);
    },
    /**
     * Closes an open proposal (accepted, declined or withdrawn). Throws `not-found`, or `invalid-state` when the
     * proposal is no longer open (decisions are final).
     */
    async decide(
      id: string,
      decision: {
        status: Exclude<ProposalStatus, "open">;
        reason?: string | null;
        acceptedVersionId?: string | null;
      },
    ): Promise<Proposal> {
      const row = await pdb
        .updateTable("proposals")
        .set({
          status: decision.status,
          decisionReason: decision.reason ?? null,
          acceptedVersionId: decision.acceptedVersionId ?? null,
          updatedAt: sql<Date>`now()`,
        })
        .where("id", "=", id)
        .where("status", "=", "open")
        .returning("id")
        .executeTakeFirst();
      if (!row) {
        const existing = await this.get(id);
        if (!existing) throw new StoreError("not-found", `proposal ${id} not found`);
        throw new StoreError("invalid-state", `proposal ${id} is already ${existing.status}`);
      }
      const updated = await this.get(id);
      if (!updated) throw new StoreError("not-found", `proposal ${id} not found`);
      return updated;
    },
    /** Records a user's support; idempotent. Returns whether a new support was added. */
    async support(proposalId: string, userId: string): Promise<{ added: boolean; supportCount: number }> {
      const inserted = await pdb
        .insertInto("proposalSupports")
        .values({ proposalId, userId })
        .onConflict((oc) => oc.columns(["proposalId", "userId"]).doNothing())
        .returning("userId")
        .executeTakeFirst();
      const row = await pdb
        .selectFrom("proposalSupports")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("proposalId", "=", proposalId)
        .executeTakeFirstOrThrow();
      return { added: inserted !== undefined, supportCount: Number(row.n) };
    },
    /** Ids of the users supporting a proposal, in the order they did. */
    async supporters(proposalId: string): Promise<string[]> {
      const rows = await pdb
        .selectFrom("proposalSupports")
        .select("userId")
        .where("proposalId", "=", proposalId)
        .orderBy("createdAt")
        .orderBy("userId")
        .execute();
      return rows.map((r) => r.userId);
    },
  };
}
