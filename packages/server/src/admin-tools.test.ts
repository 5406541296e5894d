/** The functions behind `kera users add|list` (the CLI commands are thin wrappers). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { addUser, listUsers, openServerStore, parseRole } from "./admin-tools.js";
import { verifyPassword } from "./auth/secrets.js";
import { PASSWORD } from "./test-support/harness.js";

let dir = "";
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("parses roles with hyphens or underscores and rejects others", () => {
  expect(parseRole("platform-admin")).toBe("platform_admin");
  expect(parseRole("Partner")).toBe("partner");
  expect(parseRole("emperor")).toBeUndefined();
});

it("adds users with argon2id hashes, reports every problem, and lists them after reopening", async () => {
  dir = await mkdtemp(join(tmpdir(), "kera-users-"));
  const env = { DATA_DIR: dir };
  let store = await openServerStore(env);
  const ok = await addUser(store, {
    email: "Admin@Example.org",
    role: "platform-admin",
    organisation: "platform",
    password: PASSWORD,
  });
  expect(ok.ok).toBe(true);
  if (!ok.ok) return;
  expect(ok.user.email).toBe("admin@example.org");
  expect(ok.user.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(ok.user.passwordHash, PASSWORD)).toBe(true);
  const bad = await addUser(store, { email: "nope", role: "emperor", organisation: "x", password: "short" });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.issues.map((i) => i.code)).toEqual(["unknown-role"]);
  const bad2 = await addUser(store, {
    email: "nope",
    role: "partner",
    organisation: "x",
    password: "short",
    district: "nowhere",
  });
  if (!bad2.ok) expect(bad2.issues.map((i) => i.code)).toEqual(["unknown-district"]);
  const bad3 = await addUser(store, {
    email: "nope",
    role: "partner",
    organisation: "fortum",
    password: "short",
  });
  if (!bad3.ok)
    expect(bad3.issues.map((i) => i.code).sort()).toEqual(["invalid-email", "password-too-short"]);
  const dup = await addUser(store, {
    email: "admin@example.org",
    role: "resident",
    organisation: "r",
    password: PASSWORD,
  });
  if (!dup.ok) expect(dup.issues.map((i) => i.code)).toEqual(["email-taken"]);
  await store.close();

  store = await openServerStore(env);
  const users = await listUsers(store);
  expect(users.map((u) => [u.email, u.memberships.map((m) => `${m.role}@${m.organisation}`)])).toEqual([
    ["admin@example.org", ["platform_admin@platform"]],
  ]);
  await store.close();
}, 60_000);
