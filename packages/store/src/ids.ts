import { randomUUID } from "node:crypto";

/** A new random id (UUID v4), optionally with a readable prefix: `run_4f1c...`. */
export function newId(prefix?: string): string {
  const id = randomUUID();
  return prefix ? `${prefix}_${id}` : id;
}
