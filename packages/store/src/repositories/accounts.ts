/** Organisations, users, memberships, sessions and API tokens. */
import type { Selectable } from "kysely";
import type {
  ApiTokensTable,
  MembershipsTable,
  OrganisationsTable,
  Role,
  SessionsTable,
  UsersTable,
} from "../database.js";
import { isUniqueViolation, StoreError } from "../errors.js";
import { newId } from "../ids.js";
import type { Db } from "./types.js";

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;

async function mapUnique<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new StoreError("conflict", `${what} already exists`, { cause: error });
    throw error;
  }
}

export function createOrganisationRepository(db: Db) {
  return {
    async create(input: { name: string; slug: string; id?: string }): Promise<Organisation> {
      return mapUnique(`organisation ${input.slug}`, () =>
        db
          .insertInto("organisations")
          .values({ id: input.id ?? newId("org"), name: input.name, slug: input.slug })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },
    async get(id: string): Promise<Organisation | undefined> {
      return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async getBySlug(slug: string): Promise<Organisation | undefined> {
      return db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
    },
    async list(): Promise<Organisation[]> {
      return db.selectFrom("organisations").selectAll().orderBy("slug").execute();
    },
  };
}

export function createUserRepository(db: Db) {
  return {
    /** Email is stored lower-case and is unique (`conflict` otherwise). */
    async create(input: {
      email: string;
      passwordHash: string | null;
      displayName: string;
      id?: string;
    }): Promise<User> {
      const email = input.email.trim().toLowerCase();
      return mapUnique(`user ${email}`, () =>
        db
          .insertInto("users")
          .values({
            id: input.id ?? newId("user"),
            email,
            passwordHash: input.passwordHash,
            displayName: input.displayName,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },
    async get(id: string): Promise<User | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async getByEmail(email: string): Promise<User | undefined> {
      return db
        .selectFrom("users")
        .selectAll()
        .where("email", "=", email.trim().toLowerCase())
        .executeTakeFirst();
    },
    async list(): Promise<User[]> {
      return db.selectFrom("users").selectAll().orderBy("email").execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async update(
      id: string,
      patch: { displayName?: string; passwordHash?: string | null; disabled?: boolean },
    ): Promise<User> {
      const values: { displayName?: string; passwordHash?: string | null; disabled?: boolean } = {};
      if (patch.displayName !== undefined) values.displayName = patch.displayName;
      if (patch.passwordHash !== undefined) values.passwordHash = patch.passwordHash;
      if (patch.disabled !== undefined) values.disabled = patch.disabled;
      const query =
        Object.keys(values).length === 0
          ? db.selectFrom("users").selectAll().where("id", "=", id)
          : db.updateTable("users").set(values).where("id", "=", id).returningAll();
      const row = await query.executeTakeFirst();
      if (!row) throw new StoreError("not-found", `user ${id} not found`);
      return row;
    },
  };
}

export function createMembershipRepository(db: Db) {
  return {
    /** `districtId` null means the role holds for the organisation as a whole (and platform-wide for platform_admin). */
    async add(input: {
      userId: string;
      organisationId: string;
      districtId?: string | null;
      role: Role;
    }): Promise<Membership> {
      return mapUnique("membership", () =>
        db
          .insertInto("memberships")
          .values({
            id: newId("mem"),
            userId: input.userId,
            organisationId: input.organisationId,
            districtId: input.districtId ?? null,
            role: input.role,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },
    async get(id: string): Promise<Membership | undefined> {
      return db.selectFrom("memberships").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async listByUser(userId: string): Promise<Membership[]> {
      return db
        .selectFrom("memberships")
        .selectAll()
        .where("userId", "=", userId)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    async listByDistrict(districtId: string): Promise<Membership[]> {
      return db
        .selectFrom("memberships")
        .selectAll()
        .where("districtId", "=", districtId)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    async listByOrganisation(organisationId: string): Promise<Membership[]> {
      return db
        .selectFrom("memberships")
        .selectAll()
        .where("organisationId", "=", organisationId)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    async updateRole(id: string, role: Role): Promise<Membership> {
      const row = await db
        .updateTable("memberships")
        .set({ role })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StoreError("not-found", `membership ${id} not found`);
      return row;
    },
    async remove(id: string): Promise<boolean> {
      const r = await db.deleteFrom("memberships").where("id", "=", id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export function createSessionRepository(db: Db) {
  return {
    async create(input: {
      idHash: string;
      userId: string;
      csrfToken: string;
      expiresAt: Date;
    }): Promise<Session> {
      return db.insertInto("sessions").values(input).returningAll().executeTakeFirstOrThrow();
    },
    /** The session if it exists and has not expired at `now`. */
    async get(idHash: string, now: Date): Promise<Session | undefined> {
      return db
        .selectFrom("sessions")
        .selectAll()
        .where("idHash", "=", idHash)
        .where("expiresAt", ">", now)
        .executeTakeFirst();
    },
    async extend(idHash: string, expiresAt: Date): Promise<void> {
      await db.updateTable("sessions").set({ expiresAt }).where("idHash", "=", idHash).execute();
    },
    async delete(idHash: string): Promise<boolean> {
      const r = await db.deleteFrom("sessions").where("idHash", "=", idHash).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteByUser(userId: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("userId", "=", userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpired(now: Date): Promise<number> {
      const r = await db.deleteFrom("sessions").where("expiresAt", "<=", now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export function createTokenRepository(db: Db) {
  return {
    async create(input: {
      userId: string;
      name: string;
      tokenHash: string;
      expiresAt?: Date | null;
    }): Promise<ApiToken> {
      return mapUnique("token", () =>
        db
          .insertInto("apiTokens")
          .values({
            id: newId("tok"),
            userId: input.userId,
            name: input.name,
            tokenHash: input.tokenHash,
            expiresAt: input.expiresAt ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    },
    /** The token with this hash if it is neither revoked nor expired at `now`. */
    async getActiveByHash(tokenHash: string, now: Date): Promise<ApiToken | undefined> {
      return db
        .selectFrom("apiTokens")
        .selectAll()
        .where("tokenHash", "=", tokenHash)
        .where("revokedAt", "is", null)
        .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", now)]))
        .executeTakeFirst();
    },
    async get(id: string): Promise<ApiToken | undefined> {
      return db.selectFrom("apiTokens").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async listByUser(userId: string): Promise<ApiToken[]> {
      return db
        .selectFrom("apiTokens")
        .selectAll()
        .where("userId", "=", userId)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    async revoke(id: string, at: Date): Promise<boolean> {
      const r = await db
        .updateTable("apiTokens")
        .set({ revokedAt: at })
        .where("id", "=", id)
        .where("revokedAt", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async touch(id: string, at: Date): Promise<void> {
      await db.updateTable("apiTokens").set({ lastUsedAt: at }).where("id", "=", id).execute();
    },
  };
}
