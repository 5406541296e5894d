/** Content hash of a job request: identical (kind, input, options) → identical hash → cache hit. */
import { createHash } from "node:crypto";

/** `sha256:<hex>` over canonical JSON of { kind, input, options } (sorted keys; typed arrays as arrays). */
export function jobInputHash(kind: string, input: unknown, options: unknown): string {
  return `sha256:${createHash("sha256")
    .update(canonical({ kind, input, options: options ?? null }))
    .digest("hex")}`;
}

function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`job input: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "bigint") return JSON.stringify(`${value}n`);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return canonical(Array.from(value as unknown as ArrayLike<number>));
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Map) return canonical(Object.fromEntries(value));
  if (typeof value === "object") {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  throw new TypeError(`job input: cannot hash ${typeof value}`);
}
