/** Districts, scenarios, immutable scenario versions and stakeholders. */
import { sql, type Selectable } from "kysely";
import { contentHash } from "../content-hash.js";
import type {
  DistrictsTable,
  JsonValue,
  ScenariosTable,
  ScenarioVersionsTable,
  StakeholdersTable,
} from "../database.js";
import { isUniqueViolation, StoreError } from "../errors.js";
import { newId } from "../ids.js";
import { inTransaction, toJson, type Db } from "./types.js";

export type District = Selectable<DistrictsTable>;
export type Scenario = Selectable<ScenariosTable>;
export type ScenarioVersion = Selectable<ScenarioVersionsTable>;
/** A version without its (possibly large) model. */
export type ScenarioVersionMeta = Omit<ScenarioVersion, "model">;
export type Stakeholder = Selectable<StakeholdersTable>;

export function createDistrictRepository(db: Db) {
  return {
    async create(input: {
      slug: string;
      name: string;
      createdBy?: string | null;
      id?: string;
    }): Promise<District> {
      try {
        return await db
          .insertInto("districts")
          .values({
            id: input.id ?? newId("dst"),
            slug: input.slug,
            name: input.name,
            createdBy: input.createdBy ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error))
          throw new StoreError("conflict", `district ${input.slug} already exists`, { cause: error });
        throw error;
      }
    },
    async get(id: string): Promise<District | undefined> {
      return db.selectFrom("districts").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async getBySlug(slug: string): Promise<District | undefined> {
      return db.selectFrom("districts").selectAll().where("slug", "=", slug).executeTakeFirst();
    },
    async list(): Promise<District[]> {
      return db.selectFrom("districts").selectAll().orderBy("slug").execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom("districts")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async updateMeta(id: string, patch: { name?: string }): Promise<District> {
      const row = await db
        .updateTable("districts")
        .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), updatedAt: sql<Date>`now()` })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StoreError("not-found", `district ${id} not found`);
      return row;
    },
  };
}

export function createScenarioRepository(db: Db) {
  return {
    async create(input: {
      districtId: string;
      name: string;
      parentScenarioId?: string | null;
      createdBy?: string | null;
      id?: string;
    }): Promise<Scenario> {
      return db
        .insertInto("scenarios")
        .values({
          id: input.id ?? newId("scn"),
          districtId: input.districtId,
          name: input.name,
          parentScenarioId: input.parentScenarioId ?? null,
          createdBy: input.createdBy ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async get(id: string): Promise<Scenario | undefined> {
      return db.selectFrom("scenarios").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async listByDistrict(districtId: string): Promise<Scenario[]> {
      return db
        .selectFrom("scenarios")
        .selectAll()
        .where("districtId", "=", districtId)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    async rename(id: string, name: string): Promise<Scenario> {
      const row = await db
        .updateTable("scenarios")
        .set({ name })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StoreError("not-found", `scenario ${id} not found`);
      return row;
    },
  };
}

const versionMetaColumns = [
  "id",
  "scenarioId",
  "number",
  "parentVersionId",
  "contentHash",
  "author",
  "message",
  "createdAt",
] as const;

/** Scenario versions are immutable: there is no update or delete (a trigger also rejects UPDATE). */
export function createVersionRepository(db: Db) {
  return {
    /**
     * Appends a version to a scenario. `parentVersionId` must be the scenario's latest version (or null
     * for the first one); otherwise throws `stale-parent` (someone else saved first: reload and retry).
     */
    async create(input: {
      scenarioId: string;
      parentVersionId: string | null;
      model: JsonValue | object;
      author?: string | null;
      message?: string;
      id?: string;
    }): Promise<ScenarioVersion> {
      const hash = contentHash(input.model);
      return inTransaction(db, async (tx) => {
        const scenario = await tx
          .selectFrom("scenarios")
          .select("id")
          .where("id", "=", input.scenarioId)
          .forUpdate()
          .executeTakeFirst();
        if (!scenario) throw new StoreError("not-found", `scenario ${input.scenarioId} not found`);
        const latest = await tx
          .selectFrom("scenarioVersions")
          .select(["id", "number"])
          .where("scenarioId", "=", input.scenarioId)
          .orderBy("number", "desc")
          .limit(1)
          .executeTakeFirst();
        if ((latest?.id ?? null) !== input.parentVersionId) {
          throw new StoreError(
            "stale-parent",
            `parent ${input.parentVersionId ?? "(none)"} is not the latest version ${latest?.id ?? "(none)"} of scenario ${input.scenarioId}`,
          );
        }
        try {
          return await tx
            .insertInto("scenarioVersions")
            .values({
              id: input.id ?? newId("ver"),
              scenarioId: input.scenarioId,
              number: (latest?.number ?? 0) + 1,
              parentVersionId: input.parentVersionId,
              model: toJson(input.model),
              contentHash: hash,
              author: input.author ?? null,
              message: input.message ?? "",
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        } catch (error) {
          if (isUniqueViolation(error))
            throw new StoreError("stale-parent", `concurrent version of scenario ${input.scenarioId}`, {
              cause: error,
            });
          throw error;
        }
      });
    },
    async get(id: string): Promise<ScenarioVersion | undefined> {
      return db.selectFrom("scenarioVersions").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Versions of a scenario, oldest first, without models. */
    async list(scenarioId: string): Promise<ScenarioVersionMeta[]> {
      return db
        .selectFrom("scenarioVersions")
        .select(versionMetaColumns)
        .where("scenarioId", "=", scenarioId)
        .orderBy("number")
        .execute();
    },
    async latest(scenarioId: string): Promise<ScenarioVersion | undefined> {
      return db
        .selectFrom("scenarioVersions")
        .selectAll()
        .where("scenarioId", "=", scenarioId)
        .orderBy("number", "desc")
        .limit(1)
        .executeTakeFirst();
    },
  };
}

export function createStakeholderRepository(db: Db) {
  return {
    async create(input: {
      districtId: string;
      id: string;
      name: string;
      kind: string;
      organisationId?: string | null;
    }): Promise<Stakeholder> {
      try {
        return await db
          .insertInto("stakeholders")
          .values({
            districtId: input.districtId,
            id: input.id,
            name: input.name,
            kind: input.kind,
            organisationId: input.organisationId ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error))
          throw new StoreError("conflict", `stakeholder ${input.id} already exists`, { cause: error });
        throw error;
      }
    },
    async get(districtId: string, id: string): Promise<Stakeholder | undefined> {
      return db
        .selectFrom("stakeholders")
        .selectAll()
        .where("districtId", "=", districtId)
        .where("id", "=", id)
        .executeTakeFirst();
    },
    async list(districtId: string): Promise<Stakeholder[]> {
      return db
        .selectFrom("stakeholders")
        .selectAll()
        .where("districtId", "=", districtId)
        .orderBy("id")
        .execute();
    },
  };
}
