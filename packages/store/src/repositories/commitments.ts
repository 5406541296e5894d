/** Partners' commitments to proposals and to their own building projects, by year. */
import type { Selectable } from "kysely";
import { StoreError } from "../errors.js";
import { newId } from "../ids.js";
import type { Db } from "./types.js";
import type { CommitmentsTable, ParticipationTables } from "./proposals.js";

export type Commitment = Selectable<CommitmentsTable>;

export function createCommitmentRepository(db: Db) {
  const pdb = db.withTables<ParticipationTables>();
  return {
    async create(input: {
      districtId: string;
      stakeholderId: string;
      proposalId?: string | null;
      buildingGroupId?: string | null;
      year: number;
      description?: string;
      createdBy?: string | null;
      id?: string;
    }): Promise<Commitment> {
      if ((input.proposalId ?? null) === null && (input.buildingGroupId ?? null) === null) {
        throw new StoreError("invalid-state", "a commitment needs a proposal or a building group");
      }
      return pdb
        .insertInto("commitments")
        .values({
          id: input.id ?? newId("cmm"),
          districtId: input.districtId,
          stakeholderId: input.stakeholderId,
          proposalId: input.proposalId ?? null,
          buildingGroupId: input.buildingGroupId ?? null,
          year: input.year,
          description: input.description ?? "",
          createdBy: input.createdBy ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async get(id: string): Promise<Commitment | undefined> {
      return pdb.selectFrom("commitments").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** A district's commitments by year, then creation. */
    async listByDistrict(districtId: string): Promise<Commitment[]> {
      return pdb
        .selectFrom("commitments")
        .selectAll()
        .where("districtId", "=", districtId)
        .orderBy("year")
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
  };
}
