/**
 * The repository contract: one suite every store adapter must pass (PGlite and PostgreSQL).
 * `describeStoreContract(name, open)` registers Vitest tests; `open` returns a fresh, migrated store and
 * a cleanup function (for PostgreSQL: drop the per-run schema).
 */
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../create-store.js";
import type { JsonValue } from "../database.js";
import { StoreError } from "../errors.js";
import { migrateToLatest } from "../migrate.js";

export interface OpenedStore {
  store: Store;
  cleanup: () => Promise<void>;
}

let counter = 0;
/** Unique suffix per call so tests never collide inside one database. */
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError["code"]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

async function expectDbRejects(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
}

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`store contract: ${name}`, () => {
    let opened: OpenedStore | undefined;
    const s = (): Store => {
      if (!opened) throw new Error("store not opened");
      return opened.store;
    };

    beforeAll(async () => {
      opened = await open();
    }, 60_000);

    afterAll(async () => {
      if (!opened) return;
      await opened.store.close();
      await opened.cleanup();
    }, 60_000);

    async function seedScenario() {
      const user = await s().users.create({
        email: `${unique("u")}@example.org`,
        passwordHash: "h",
        displayName: "U",
      });
      const district = await s().districts.create({ slug: unique("kera"), name: "Kera", createdBy: user.id });
      const scenario = await s().scenarios.create({
        districtId: district.id,
        name: "baseline",
        createdBy: user.id,
      });
      return { user, district, scenario };
    }

    /** A scenario with an empty first version and an open proposal on it. */
    async function seedProposal() {
      const seeded = await seedScenario();
      const base = await s().versions.create({
        scenarioId: seeded.scenario.id,
        parentVersionId: null,
        model: {},
      });
      const proposal = await s().proposals.create({
        districtId: seeded.district.id,
        baseVersionId: base.id,
        title: "P",
        change: {},
      });
      return { ...seeded, proposal };
    }

    it("migrations are idempotent and the store answers pings", async () => {
      const again = await migrateToLatest(s().db as never);
      expect(again.results ?? []).toEqual([]);
      await s().ping();
    });

    it("users: email is unique and case-insensitive; updates persist", async () => {
      const email = `${unique("Ada")}@Example.ORG`;
      const user = await s().users.create({ email, passwordHash: "argon2id$x", displayName: "Ada" });
      expect(user.email).toBe(email.toLowerCase());
      expect(user.disabled).toBe(false);
      expect(user.createdAt).toBeInstanceOf(Date);
      expect((await s().users.getByEmail(email.toUpperCase()))?.id).toBe(user.id);
      await expectStoreError(
        s().users.create({ email: email.toUpperCase(), passwordHash: null, displayName: "x" }),
        "conflict",
      );
      const updated = await s().users.update(user.id, { disabled: true, displayName: "Ada L." });
      expect(updated.disabled).toBe(true);
      expect((await s().users.get(user.id))?.displayName).toBe("Ada L.");
      await expectStoreError(s().users.update("user_missing", { disabled: true }), "not-found");
      expect(await s().users.count()).toBeGreaterThanOrEqual(1);
      expect((await s().users.list()).some((u) => u.id === user.id)).toBe(true);
    });

    it("organisations and memberships carry roles per organisation and district", async () => {
      const { user, district } = await seedScenario();
      const org = await s().organisations.create({ name: "Espoo", slug: unique("espoo") });
      await expectStoreError(s().organisations.create({ name: "dup", slug: org.slug }), "conflict");
      const admin = await s().memberships.add({
        userId: user.id,
        organisationId: org.id,
        role: "platform_admin",
      });
      const local = await s().memberships.add({
        userId: user.id,
        organisationId: org.id,
        districtId: district.id,
        role: "district_admin",
      });
      expect(admin.districtId).toBeNull();
      expect((await s().memberships.listByUser(user.id)).map((m) => m.role).sort()).toEqual([
        "district_admin",
        "platform_admin",
      ]);
      expect((await s().memberships.listByDistrict(district.id)).map((m) => m.id)).toEqual([local.id]);
      await expectStoreError(
        s().memberships.add({
          userId: user.id,
          organisationId: org.id,
          districtId: district.id,
          role: "district_admin",
        }),
        "conflict",
      );
      await expectDbRejects(
        s().memberships.add({ userId: user.id, organisationId: org.id, role: "emperor" as never }),
      );
      expect((await s().memberships.updateRole(local.id, "partner")).role).toBe("partner");
      expect(await s().memberships.remove(local.id)).toBe(true);
      expect(await s().memberships.remove(local.id)).toBe(false);
    });

    it("sessions expire and can be deleted", async () => {
      const { user } = await seedScenario();
      const now = new Date("2026-06-01T12:00:00Z");
      const idHash = unique("sess");
      await s().sessions.create({
        idHash,
        userId: user.id,
        csrfToken: "csrf",
        expiresAt: new Date(now.getTime() + 3600e3),
      });
      expect((await s().sessions.get(idHash, now))?.csrfToken).toBe("csrf");
      expect(await s().sessions.get(idHash, new Date(now.getTime() + 7200e3))).toBeUndefined();
      await s().sessions.extend(idHash, new Date(now.getTime() + 9000e3));
      expect(await s().sessions.get(idHash, new Date(now.getTime() + 7200e3))).toBeDefined();
      expect(await s().sessions.deleteExpired(new Date(now.getTime() + 10000e3))).toBeGreaterThanOrEqual(1);
      expect(await s().sessions.get(idHash, now)).toBeUndefined();
      const other = unique("sess");
      await s().sessions.create({
        idHash: other,
        userId: user.id,
        csrfToken: "c",
        expiresAt: new Date(now.getTime() + 1e6),
      });
      expect(await s().sessions.deleteByUser(user.id)).toBe(1);
      expect(await s().sessions.delete(other)).toBe(false);
    });

    it("API tokens: only active (unrevoked, unexpired) hashes authenticate", async () => {
      const { user } = await seedScenario();
      const now = new Date("2026-06-01T12:00:00Z");
      const hash = unique("hash");
      const token = await s().tokens.create({ userId: user.id, name: "ci", tokenHash: hash });
      expect((await s().tokens.getActiveByHash(hash, now))?.id).toBe(token.id);
      const expiring = await s().tokens.create({
        userId: user.id,
        name: "short",
        tokenHash: unique("hash"),
        expiresAt: new Date(now.getTime() + 1000),
      });
      expect(
        await s().tokens.getActiveByHash(expiring.tokenHash, new Date(now.getTime() + 2000)),
      ).toBeUndefined();
      await s().tokens.touch(token.id, now);
      expect((await s().tokens.get(token.id))?.lastUsedAt?.toISOString()).toBe(now.toISOString());
      expect(await s().tokens.revoke(token.id, now)).toBe(true);
      expect(await s().tokens.revoke(token.id, now)).toBe(false);
      expect(await s().tokens.getActiveByHash(hash, now)).toBeUndefined();
      expect((await s().tokens.listByUser(user.id)).map((t) => t.name)).toEqual(["ci", "short"]);
    });

    it("districts: slug unique, lookup by slug, metadata updates", async () => {
      const slug = unique("kera");
      const d = await s().districts.create({ slug, name: "Kera" });
      await expectStoreError(s().districts.create({ slug, name: "Other" }), "conflict");
      expect((await s().districts.getBySlug(slug))?.id).toBe(d.id);
      const renamed = await s().districts.updateMeta(d.id, { name: "Kera, Espoo" });
      expect(renamed.name).toBe("Kera, Espoo");
      expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(d.updatedAt.getTime());
      expect((await s().districts.list()).some((x) => x.slug === slug)).toBe(true);
      expect(await s().districts.count()).toBeGreaterThanOrEqual(1);
      await expectStoreError(s().districts.updateMeta("dst_missing", { name: "x" }), "not-found");
    });

    it("scenario versions are immutable and chained by parent; stale parents are rejected", async () => {
      const { user, district, scenario } = await seedScenario();
      const model = {
        id: "kera",
        assets: [{ id: "asset:pv-roof-12", kind: "pv", capacityKw: 120.5 }],
        nested: { snake_case: 1, camelCase: "ä" },
      };
      const v1 = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model,
        author: user.id,
        message: "first",
      });
      expect(v1.number).toBe(1);
      expect(v1.model).toEqual(model);
      expect(v1.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      await expectStoreError(
        s().versions.create({ scenarioId: scenario.id, parentVersionId: null, model }),
        "stale-parent",
      );
      const reordered = { nested: { camelCase: "ä", snake_case: 1 }, assets: model.assets, id: "kera" };
      const v2 = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: v1.id,
        model: reordered,
      });
      expect(v2.number).toBe(2);
      expect(v2.parentVersionId).toBe(v1.id);
      expect(v2.contentHash).toBe(v1.contentHash);
      await expectStoreError(
        s().versions.create({ scenarioId: scenario.id, parentVersionId: v1.id, model }),
        "stale-parent",
      );
      await expectStoreError(
        s().versions.create({ scenarioId: "scn_missing", parentVersionId: null, model }),
        "not-found",
      );
      const list = await s().versions.list(scenario.id);
      expect(list.map((v) => v.id)).toEqual([v1.id, v2.id]);
      expect(list[0]).not.toHaveProperty("model");
      expect((await s().versions.latest(scenario.id))?.id).toBe(v2.id);
      expect((await s().versions.get(v1.id))?.model).toEqual(model);
      // no way to change a version through the repository, and the database refuses too
      expect(Object.keys(s().versions).sort()).toEqual(["create", "get", "latest", "list"]);
      await expectDbRejects(
        s()
          .db.updateTable("scenarioVersions")
          .set({ message: "rewritten" })
          .where("id", "=", v1.id)
          .execute(),
      );
      expect((await s().versions.get(v1.id))?.message).toBe("first");
      // a branch: a scenario whose parent is another scenario
      const branch = await s().scenarios.create({
        districtId: district.id,
        name: "more pv",
        parentScenarioId: scenario.id,
      });
      expect((await s().scenarios.listByDistrict(district.id)).map((x) => x.id)).toEqual([
        scenario.id,
        branch.id,
      ]);
    });

    it("concurrent edits on the same parent: exactly one wins", async () => {
      const { scenario } = await seedScenario();
      const v1 = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model: { n: 0 },
      });
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4].map((n) =>
          s().versions.create({ scenarioId: scenario.id, parentVersionId: v1.id, model: { n } }),
        ),
      );
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
      for (const a of attempts) {
        if (a.status === "rejected") expect((a.reason as StoreError).code).toBe("stale-parent");
      }
      expect((await s().versions.list(scenario.id)).map((v) => v.number)).toEqual([1, 2]);
    });

    it("any JSON model round-trips through a version (property)", async () => {
      const { scenario } = await seedScenario();
      let parent: string | null = null;
      const noNul = (v: unknown): boolean => !JSON.stringify(v).includes("\\u0000");
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })).filter(noNul),
          async (model) => {
            const expected = JSON.parse(JSON.stringify(model)) as JsonValue;
            const v = await s().versions.create({ scenarioId: scenario.id, parentVersionId: parent, model });
            parent = v.id;
            expect((await s().versions.get(v.id))?.model).toEqual(expected);
          },
        ),
        { numRuns: 25, seed: 20261127 },
      );
    });

    it("stakeholders belong to a district", async () => {
      const { district } = await seedScenario();
      const org = await s().organisations.create({ name: "Fortum", slug: unique("fortum") });
      await s().stakeholders.create({
        districtId: district.id,
        id: "energy-co",
        name: "Energy company",
        kind: "energy_company",
        organisationId: org.id,
      });
      await s().stakeholders.create({
        districtId: district.id,
        id: "city",
        name: "City of Espoo",
        kind: "city",
      });
      await expectStoreError(
        s().stakeholders.create({ districtId: district.id, id: "city", name: "x", kind: "city" }),
        "conflict",
      );
      expect((await s().stakeholders.list(district.id)).map((x) => x.id)).toEqual(["city", "energy-co"]);
      expect((await s().stakeholders.get(district.id, "energy-co"))?.organisationId).toBe(org.id);
    });

    it("runs move queued → running → finished once; orphans are marked interrupted", async () => {
      const { scenario } = await seedScenario();
      const v = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model: { a: 1 },
      });
      const hash = unique("input");
      const t0 = new Date("2026-06-01T00:00:00Z");
      const run = await s().runs.create({
        versionId: v.id,
        kind: "simulate",
        options: { hours: 8760 },
        inputHash: hash,
      });
      expect(run.status).toBe("queued");
      expect(run.options).toEqual({ hours: 8760 });
      expect(await s().runs.markStarted(run.id, "worker-a", t0)).toBe(true);
      await s().runs.updateProgress(run.id, 1.7, "almost", t0);
      expect((await s().runs.get(run.id))?.progress).toBe(1);
      await s().runs.updateProgress(run.id, 0.25, "a quarter", t0);
      const running = await s().runs.get(run.id);
      expect([running?.status, running?.progress, running?.message, running?.workerId]).toEqual([
        "running",
        0.25,
        "a quarter",
        "worker-a",
      ]);
      expect(await s().runs.finish(run.id, { status: "succeeded", at: t0 })).toBe(true);
      expect(
        await s().runs.finish(run.id, { status: "failed", error: { code: "x", message: "late" }, at: t0 }),
      ).toBe(false);
      const done = await s().runs.get(run.id);
      expect([done?.status, done?.progress, done?.error]).toEqual(["succeeded", 1, null]);
      expect((await s().runs.findSucceeded("simulate", hash))?.id).toBe(run.id);
      expect(await s().runs.findSucceeded("optimize", hash)).toBeUndefined();

      const failing = await s().runs.create({
        versionId: v.id,
        kind: "optimize",
        inputHash: unique("input"),
      });
      await s().runs.finish(failing.id, {
        status: "failed",
        error: { code: "time-limit", message: "30 s" },
        at: t0,
      });
      expect((await s().runs.get(failing.id))?.error).toEqual({ code: "time-limit", message: "30 s" });

      const mine = await s().runs.create({ versionId: v.id, kind: "simulate", inputHash: unique("input") });
      const orphan = await s().runs.create({ versionId: v.id, kind: "simulate", inputHash: unique("input") });
      const waiting = await s().runs.create({
        versionId: v.id,
        kind: "simulate",
        inputHash: unique("input"),
      });
      await s().runs.markStarted(mine.id, "worker-alive", t0);
      await s().runs.markStarted(orphan.id, "worker-dead", t0);
      const marked = await s().runs.interruptOrphans({ at: t0, exceptWorkerIds: ["worker-alive"] });
      expect(marked).toContain(orphan.id);
      expect(marked).not.toContain(mine.id);
      expect(marked).not.toContain(waiting.id);
      expect((await s().runs.get(orphan.id))?.status).toBe("interrupted");
      expect((await s().runs.get(orphan.id))?.error).toMatchObject({ code: "interrupted" });
      expect((await s().runs.get(mine.id))?.status).toBe("running");
      expect((await s().runs.listByVersion(v.id)).map((r) => r.id)).toContain(waiting.id);
      expect((await s().runs.listByStatus(["queued"])).map((r) => r.id)).toContain(waiting.id);
      // an interrupted run can be run again: a new run of the same version and input
      const again = await s().runs.create({
        versionId: v.id,
        kind: orphan.kind,
        inputHash: orphan.inputHash,
      });
      expect(again.status).toBe("queued");
    });

    it("analysis runs (migration 0003): new kinds stored, unknown kinds rejected, active runs found by input", async () => {
      const { scenario } = await seedScenario();
      const v = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model: { a: 2 },
      });
      const t0 = new Date("2026-06-01T00:00:00Z");
      const hash = unique("analysis");
      for (const kind of ["cooperation", "variants", "alternatives"] as const) {
        const r = await s().runs.create({
          versionId: v.id,
          kind,
          options: { typicalDays: 4 },
          inputHash: hash,
        });
        expect((await s().runs.get(r.id))?.kind).toBe(kind);
      }
      await expectDbRejects(
        s().runs.create({ versionId: v.id, kind: "bogus" as never, inputHash: unique("analysis") }),
      );
      // findActive: queued or running only, newest first, by kind and input hash
      const first = await s().runs.create({
        versionId: v.id,
        kind: "cooperation",
        inputHash: unique("coop"),
      });
      expect((await s().runs.findActive("cooperation", first.inputHash))?.id).toBe(first.id);
      expect(await s().runs.findActive("alternatives", first.inputHash)).toBeUndefined();
      expect(await s().runs.findActive("cooperation", unique("other"))).toBeUndefined();
      await s().runs.markStarted(first.id, "worker-a", t0);
      expect((await s().runs.findActive("cooperation", first.inputHash))?.status).toBe("running");
      await s().runs.finish(first.id, { status: "failed", error: { code: "x", message: "boom" }, at: t0 });
      expect(await s().runs.findActive("cooperation", first.inputHash)).toBeUndefined();
      expect(await s().runs.findSucceeded("cooperation", first.inputHash)).toBeUndefined();
      const second = await s().runs.create({
        versionId: v.id,
        kind: "cooperation",
        inputHash: first.inputHash,
      });
      expect((await s().runs.findActive("cooperation", first.inputHash))?.id).toBe(second.id);
      await s().runs.finish(second.id, { status: "succeeded", at: t0 });
      expect(await s().runs.findActive("cooperation", first.inputHash)).toBeUndefined();
      expect((await s().runs.findSucceeded("cooperation", first.inputHash))?.id).toBe(second.id);
      await s().results.save({ runId: second.id, summary: { value: 1 }, series: {} });
      const stored = await s().results.get(second.id);
      expect([stored?.summary, stored?.series]).toEqual([{ value: 1 }, {}]);
    });

    it("run results: summary in jsonb, hourly series compact and exact", async () => {
      const { scenario } = await seedScenario();
      const v = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model: { a: 1 },
      });
      const run = await s().runs.create({ versionId: v.id, kind: "simulate", inputHash: unique("input") });
      const hours = 8760;
      const load = Float64Array.from(
        { length: hours },
        (_, h) => 100 + 50 * Math.sin((2 * Math.PI * h) / 24) + h / 1e3,
      );
      const pv = Float32Array.from(
        { length: hours },
        (_, h) => Math.max(0, Math.sin((Math.PI * ((h % 24) - 6)) / 12)) * 80.5,
      );
      const summary = { kpis: { selfSufficiency: 0.42, emissionsKgCo2e: 123456.7 }, warnings: [] };
      await s().results.save({
        runId: run.id,
        summary,
        series: { "bus:el:load": load, "asset:pv:flowOut": pv },
      });
      const got = await s().results.get(run.id);
      expect(got?.summary).toEqual(summary);
      expect(got?.series["bus:el:load"]).toEqual(load);
      expect(got?.series["asset:pv:flowOut"]).toEqual(pv);
      expect(await s().results.getSummary(run.id)).toEqual(summary);
      const one = await s().results.getSeries(run.id, ["asset:pv:flowOut", "nope"]);
      expect(Object.keys(one ?? {})).toEqual(["asset:pv:flowOut"]);
      const bytes = await s().results.seriesBytes(run.id);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(hours * (8 + 4));
      await s().results.save({ runId: run.id, summary: { replaced: true } });
      expect(await s().results.getSeries(run.id)).toEqual({});
      expect(await s().results.get("run_missing")).toBeUndefined();
    });

    it("audit log is append-only", async () => {
      const target = unique("district");
      const a = await s().audit.append({
        actor: "user_1",
        action: "district.create",
        target,
        details: { name: "Kera" },
      });
      const b = await s().audit.append({ actor: null, action: "run.finish", target });
      expect(b.id).toBeGreaterThan(a.id);
      expect(typeof a.id).toBe("number");
      const list = await s().audit.list({ target });
      expect(list.map((e) => e.action)).toEqual(["run.finish", "district.create"]);
      expect(list[1]?.details).toEqual({ name: "Kera" });
      expect((await s().audit.list({ target, beforeId: b.id })).map((e) => e.id)).toEqual([a.id]);
      expect((await s().audit.list({ target, limit: 1 })).map((e) => e.id)).toEqual([b.id]);
      expect((await s().audit.list({ actor: "user_1", target })).map((e) => e.id)).toEqual([a.id]);
      expect(Object.keys(s().audit).sort()).toEqual(["append", "list"]);
      await expectDbRejects(
        s().db.updateTable("auditLog").set({ action: "forged" }).where("id", "=", a.id).execute(),
      );
      await expectDbRejects(s().db.deleteFrom("auditLog").where("id", "=", a.id).execute());
      await expectDbRejects(sql`truncate audit_log`.execute(s().db));
      expect((await s().audit.list({ target })).length).toBe(2);
    });

    it("proposals: created open, supported once per user, decided once", async () => {
      const { user, district, scenario } = await seedScenario();
      const other = await s().users.create({
        email: `${unique("v")}@example.org`,
        passwordHash: "h",
        displayName: "V",
      });
      const base = await s().versions.create({
        scenarioId: scenario.id,
        parentVersionId: null,
        model: { a: 1 },
      });
      const change = { assets: [{ id: "pv-new", kind: "pv", capacity: 12.5 }] };
      const p = await s().proposals.create({
        districtId: district.id,
        baseVersionId: base.id,
        title: "Roof PV",
        rationale: "cheap energy",
        change,
        investmentEur: 15000.5,
        payer: "housing-a",
        operator: "fortum",
        author: user.id,
      });
      expect(p).toMatchObject({
        status: "open",
        supportCount: 0,
        investmentEur: 15000.5,
        decisionReason: null,
      });
      expect((await s().proposals.get(p.id))?.change).toEqual(change);
      const q = await s().proposals.create({
        districtId: district.id,
        baseVersionId: base.id,
        title: "B",
        change: {},
      });
      expect(q.investmentEur).toBeNull();
      expect((await s().proposals.listByDistrict(district.id)).map((x) => x.id)).toEqual([p.id, q.id]);

      expect(await s().proposals.support(p.id, user.id)).toEqual({ added: true, supportCount: 1 });
      expect(await s().proposals.support(p.id, user.id)).toEqual({ added: false, supportCount: 1 });
      expect(await s().proposals.support(p.id, other.id)).toEqual({ added: true, supportCount: 2 });
      expect((await s().proposals.get(p.id))?.supportCount).toBe(2);
      expect(await s().proposals.supporters(p.id)).toHaveLength(2);

      const declined = await s().proposals.decide(q.id, { status: "declined", reason: "too small" });
      expect(declined).toMatchObject({ status: "declined", decisionReason: "too small" });
      await expectStoreError(s().proposals.decide(q.id, { status: "accepted" }), "invalid-state");
      await expectStoreError(s().proposals.decide("prp_missing", { status: "declined" }), "not-found");
      expect((await s().proposals.listByDistrict(district.id, { status: "open" })).map((x) => x.id)).toEqual([
        p.id,
      ]);
      await expectDbRejects(
        s().proposals.create({
          districtId: district.id,
          baseVersionId: "ver_missing",
          title: "x",
          change: {},
        }),
      );
    });

    it("comments: threaded per target, hidden by moderation and never deleted", async () => {
      const { user, district, proposal: p } = await seedProposal();
      const root = await s().comments.create({
        districtId: district.id,
        proposalId: p.id,
        author: user.id,
        body: "why?",
      });
      const reply = await s().comments.create({
        districtId: district.id,
        proposalId: p.id,
        parentCommentId: root.id,
        author: user.id,
        body: "because",
      });
      const onAsset = await s().comments.create({
        districtId: district.id,
        assetId: "pv-roof",
        body: "shade",
      });
      expect(reply.parentCommentId).toBe(root.id);
      expect(
        (await s().comments.list({ districtId: district.id, proposalId: p.id })).map((c) => c.id),
      ).toEqual([root.id, reply.id]);
      expect(
        (await s().comments.list({ districtId: district.id, assetId: "pv-roof" })).map((c) => c.id),
      ).toEqual([onAsset.id]);
      await expectStoreError(
        s().comments.create({
          districtId: district.id,
          assetId: "pv-roof",
          parentCommentId: root.id,
          body: "x",
        }),
        "invalid-state",
      );
      await expectStoreError(
        s().comments.create({ districtId: district.id, body: "no target" }),
        "invalid-state",
      );
      const hidden = await s().comments.hide(reply.id, { by: user.id, reason: "off topic" });
      expect(hidden.hiddenReason).toBe("off topic");
      expect(hidden.hiddenAt).toBeInstanceOf(Date);
      expect((await s().comments.hide(reply.id, { by: null, reason: "again" })).hiddenReason).toBe(
        "off topic",
      );
      expect((await s().comments.get(reply.id))?.body).toBe("because");
      await expectStoreError(s().comments.hide("cmt_missing", { by: null, reason: "x" }), "not-found");
    });

    it("commitments: per district, ordered by year", async () => {
      const { user, district, proposal: p } = await seedProposal();
      const late = await s().commitments.create({
        districtId: district.id,
        stakeholderId: "housing-a",
        proposalId: p.id,
        year: 2030,
        description: "build it",
        createdBy: user.id,
      });
      const early = await s().commitments.create({
        districtId: district.id,
        stakeholderId: "housing-a",
        buildingGroupId: "block-a",
        year: 2027,
      });
      expect((await s().commitments.listByDistrict(district.id)).map((c) => c.id)).toEqual([
        early.id,
        late.id,
      ]);
      expect(await s().commitments.get(late.id)).toMatchObject({
        proposalId: p.id,
        year: 2030,
        buildingGroupId: null,
      });
      await expectStoreError(
        s().commitments.create({ districtId: district.id, stakeholderId: "x", year: 2030 }),
        "invalid-state",
      );
      await expectDbRejects(
        s().commitments.create({
          districtId: district.id,
          stakeholderId: "x",
          buildingGroupId: "b",
          year: 1800,
        }),
      );
    });

    it("transactions commit together or not at all", async () => {
      const slug = unique("tx");
      await expect(
        s().transaction(async (tx) => {
          const d = await tx.districts.create({ slug, name: "T" });
          await tx.audit.append({ actor: null, action: "district.create", target: d.id });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await s().districts.getBySlug(slug)).toBeUndefined();
      const created = await s().transaction(async (tx) => {
        const d = await tx.districts.create({ slug, name: "T" });
        const sc = await tx.scenarios.create({ districtId: d.id, name: "baseline" });
        await tx.versions.create({ scenarioId: sc.id, parentVersionId: null, model: { x: 1 } });
        return d;
      });
      expect((await s().districts.getBySlug(slug))?.id).toBe(created.id);
    });
  });
}
