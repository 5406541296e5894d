import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/** `Algorithm.Argon2id` (a const enum, which verbatimModuleSyntax cannot import). */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with the OWASP Password Storage Cheat Sheet minimum (m = 19 MiB, t = 2, p = 1),
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html (2025).
 */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Minimum password length: NIST SP 800-63B §3.1.1.2 (rev. 4) requires at least 8 characters; we ask for 12. */
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so that timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("kera-dummy-password-for-timing");
  return dummyHash;
}

/** A random secret (256 bits), base64url. */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** SHA-256 of a high-entropy secret (session ids, API tokens): what is stored in the database. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
