/**
 * Content hashes of JSON-like values: SHA-256 over a canonical JSON form (object keys sorted,
 * typed arrays as plain arrays, `undefined` members dropped), so equal content gives equal hashes
 * whatever the key order.
 */
import { createHash } from "node:crypto";

/** Canonical JSON text of a value (sorted keys, no whitespace). Throws on cycles and non-finite numbers. */
export function canonicalJson(value: unknown): string {
  return stringify(value, new Set());
}

/** `sha256:<hex>` of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value)).digest("hex")}`;
}

function stringify(value: unknown, seen: Set<object>): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "bigint":
      return JSON.stringify(value.toString());
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError("canonicalJson: cyclic value");
  if (obj instanceof Date) return JSON.stringify(obj.toISOString());
  seen.add(obj);
  try {
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      return stringify(Array.from(obj as unknown as ArrayLike<number>), seen);
    }
    if (Array.isArray(obj)) return `[${obj.map((v) => stringify(v, seen)).join(",")}]`;
    const entries = Object.entries(obj)
      .filter(([, v]) => v !== undefined && typeof v !== "function")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v, seen)}`).join(",")}}`;
  } finally {
    seen.delete(obj);
  }
}
