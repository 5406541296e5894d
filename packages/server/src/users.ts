import { hashPassword, MIN_PASSWORD_LENGTH } from "./auth/secrets.js";
import type { ServerStore, StoredRole, UserRecord } from "./ports.js";
import type { ProblemIssue } from "./problem.js";

export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly displayName?: string;
  readonly role: StoredRole;
  readonly organisation: string;
  readonly districtId?: string | null;
}

/** Creates a user with an argon2id password hash and one role (shared by the API and `kera users add`). */
export async function createAccount(
  store: ServerStore,
  input: NewAccount,
): Promise<{ ok: true; user: UserRecord } | { ok: false; issues: ProblemIssue[] }> {
  const issues: ProblemIssue[] = [];
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    issues.push({
      code: "invalid-email",
      severity: "error",
      path: "email",
      message: "not an e-mail address",
    });
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    issues.push({
      code: "password-too-short",
      severity: "error",
      path: "password",
      message: `must have at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  if (input.role === "platform_admin" && input.districtId) {
    issues.push({
      code: "platform-role-with-district",
      severity: "error",
      path: "districtId",
      message: "platform_admin applies to every district; leave districtId empty",
    });
  }
  if (input.districtId && !(await store.districts.get(input.districtId))) {
    issues.push({
      code: "unknown-district",
      severity: "error",
      path: "districtId",
      message: "no such district",
    });
  }
  if (issues.length === 0 && (await store.users.getByEmail(email))) {
    issues.push({
      code: "email-taken",
      severity: "error",
      path: "email",
      message: "a user with this e-mail exists",
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const user = await store.users.create({
    email,
    displayName: input.displayName?.trim() || email,
    passwordHash: await hashPassword(input.password),
  });
  await store.memberships.set({
    userId: user.id,
    organisation: input.organisation,
    districtId: input.districtId ?? null,
    role: input.role,
  });
  return { ok: true, user };
}
