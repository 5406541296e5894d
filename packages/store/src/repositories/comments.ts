/** Threaded comments on proposals and on map assets, with moderation (hidden, never deleted). */
import { sql, type Selectable } from "kysely";
import { StoreError } from "../errors.js";
import { newId } from "../ids.js";
import type { Db } from "./types.js";
import type { CommentsTable, ParticipationTables } from "./proposals.js";

export type Comment = Selectable<CommentsTable>;

export function createCommentRepository(db: Db) {
  const pdb = db.withTables<ParticipationTables>();
  return {
    /**
     * Adds a comment. A reply must answer a comment with the same target (district, proposal and asset);
     * otherwise throws `invalid-state` (`not-found` when the parent does not exist).
     */
    async create(input: {
      districtId: string;
      proposalId?: string | null;
      assetId?: string | null;
      parentCommentId?: string | null;
      author?: string | null;
      body: string;
      id?: string;
    }): Promise<Comment> {
      const proposalId = input.proposalId ?? null;
      const assetId = input.assetId ?? null;
      if (proposalId === null && assetId === null) {
        throw new StoreError("invalid-state", "a comment needs a proposal or an asset as its target");
      }
      if (input.parentCommentId) {
        const parent = await pdb
          .selectFrom("comments")
          .selectAll()
          .where("id", "=", input.parentCommentId)
          .executeTakeFirst();
        if (!parent) throw new StoreError("not-found", `comment ${input.parentCommentId} not found`);
        if (
          parent.districtId !== input.districtId ||
          parent.proposalId !== proposalId ||
          parent.assetId !== assetId
        ) {
          throw new StoreError(
            "invalid-state",
            "a reply must have the same target as the comment it answers",
          );
        }
      }
      return pdb
        .insertInto("comments")
        .values({
          id: input.id ?? newId("cmt"),
          districtId: input.districtId,
          proposalId,
          assetId,
          parentCommentId: input.parentCommentId ?? null,
          author: input.author ?? null,
          body: input.body,
          hiddenBy: null,
          hiddenReason: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async get(id: string): Promise<Comment | undefined> {
      return pdb.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Comments of a district, oldest first, optionally only those on one proposal and/or asset. */
    async list(filter: { districtId: string; proposalId?: string; assetId?: string }): Promise<Comment[]> {
      let query = pdb.selectFrom("comments").selectAll().where("districtId", "=", filter.districtId);
      if (filter.proposalId !== undefined) query = query.where("proposalId", "=", filter.proposalId);
      if (filter.assetId !== undefined) query = query.where("assetId", "=", filter.assetId);
      return query.orderBy("createdAt").orderBy("id").execute();
    },
    /** Hides a comment (moderation); the text stays stored for the audit. Hiding again keeps the first reason. */
    async hide(id: string, input: { by: string | null; reason: string }): Promise<Comment> {
      const row = await pdb
        .updateTable("comments")
        .set({ hiddenAt: sql<Date>`now()`, hiddenBy: input.by, hiddenReason: input.reason })
        .where("id", "=", id)
        .where("hiddenAt", "is", null)
        .returningAll()
        .executeTakeFirst();
      if (row) return row;
      const existing = await this.get(id);
      if (!existing) throw new StoreError("not-found", `comment ${id} not found`);
      return existing;
    },
  };
}
