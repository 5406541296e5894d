import { REDACTED } from "./redact.js";

export interface JsonChange {
  readonly path: string;
  readonly op: "added" | "removed" | "changed";
  readonly before?: unknown;
  readonly after?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
}

/** Structural differences between two JSON values, with paths in the `a.b[3].c` grammar; keys sorted. */
export function diffJson(before: unknown, after: unknown, path = ""): JsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: JsonChange[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= after.length) out.push({ path: join(path, i), op: "removed", before: before[i] });
      else if (i >= before.length) out.push({ path: join(path, i), op: "added", after: after[i] });
      else out.push(...diffJson(before[i], after[i], join(path, i)));
    }
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const out: JsonChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
      if (!(k in after)) out.push({ path: join(path, k), op: "removed", before: before[k] });
      else if (!(k in before)) out.push({ path: join(path, k), op: "added", after: after[k] });
      else out.push(...diffJson(before[k], after[k], join(path, k)));
    }
    return out;
  }
  if (Object.is(before, after)) return [];
  return [{ path, op: "changed", before, after }];
}

/**
 * Puts back the confidential values a viewer could not see: wherever `edited` holds the redaction marker and
 * `original` has a value at the same path, the original value is kept. So a partner editing a redacted document
 * never overwrites (or learns) another partner's figures.
 */
export function restoreRedacted(edited: unknown, original: unknown): unknown {
  if (edited === REDACTED) return original === undefined ? edited : original;
  if (Array.isArray(edited)) {
    const list = Array.isArray(original) ? original : [];
    // Items with an `id` (assets, stakeholders, building groups) are matched by id (moved items too), others by position.
    return edited.map((v, i) => {
      const id = isRecord(v) ? v.id : undefined;
      const same = list[i];
      const match =
        id === undefined || (isRecord(same) && same.id === id)
          ? same
          : list.find((o) => isRecord(o) && o.id === id);
      return restoreRedacted(v, match);
    });
  }
  if (isRecord(edited)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(edited))
      out[k] = restoreRedacted(v, isRecord(original) ? original[k] : undefined);
    return out;
  }
  return edited;
}

/** True when the value still holds a redaction marker somewhere (it must not be stored). */
export function containsRedacted(value: unknown, path = ""): string | undefined {
  if (value === REDACTED) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = containsRedacted(value[i], join(path, i));
      if (p !== undefined) return p;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = containsRedacted(v, join(path, k));
      if (p !== undefined) return p;
    }
  }
  return undefined;
}
