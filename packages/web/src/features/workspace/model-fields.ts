import type { ParameterInfo } from "@kera/schema";

/** The editable scalar fields of one building group or asset, from the schema's parameter metadata. */
export interface FieldSpec {
  readonly key: string;
  readonly type: "number" | "integer" | "boolean" | "enum" | "string";
  readonly unit?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly source?: string;
  readonly required: boolean;
}

const EDITABLE = new Set(["number", "integer", "boolean", "enum", "string"]);
const HIDDEN = new Set(["id", "kind", "confidential"]);

/** Path prefix of an item in the metadata: `buildingGroups[]` or `assets[kind=pv]`. */
export function metadataPrefix(section: "buildingGroups" | "assets", kind?: string): string {
  return section === "assets" ? `assets[kind=${kind ?? ""}]` : "buildingGroups[]";
}

export function fieldsFor(meta: readonly ParameterInfo[], prefix: string): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const p of meta) {
    if (!p.path.startsWith(`${prefix}.`)) continue;
    const key = p.path.slice(prefix.length + 1);
    if (key.includes(".") || key.includes("[") || HIDDEN.has(key) || !EDITABLE.has(p.type)) continue;
    out.push({
      key,
      type: p.type as FieldSpec["type"],
      required: p.required,
      ...(p.unit === undefined ? {} : { unit: p.unit }),
      ...(p.description === undefined ? {} : { description: p.description }),
      ...(p.default === undefined ? {} : { default: p.default }),
      ...(p.minimum === undefined ? {} : { minimum: p.minimum }),
      ...(p.maximum === undefined || p.maximum > 1e12 ? {} : { maximum: p.maximum }),
      ...(p.enum === undefined ? {} : { enum: p.enum }),
      ...(p.source === undefined ? {} : { source: p.source }),
    });
  }
  return out;
}

/** Parses a form value into the field's type; empty means "not set" (the default applies). */
export function parseFieldValue(spec: FieldSpec, raw: string): unknown {
  if (raw.trim() === "") return undefined;
  if (spec.type === "number" || spec.type === "integer") {
    const n = Number(raw.replace(",", "."));
    return Number.isFinite(n) ? n : raw;
  }
  if (spec.type === "boolean") return raw === "true";
  return raw;
}

/** Sets (or with undefined removes) `section[index].key` in a copy of the model. */
export function withField(
  model: Record<string, unknown>,
  section: "buildingGroups" | "assets",
  index: number,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const list = Array.isArray(model[section]) ? [...(model[section] as Record<string, unknown>[])] : [];
  const item = { ...(list[index] ?? {}) };
  if (value === undefined) delete item[key];
  else item[key] = value;
  list[index] = item;
  return { ...model, [section]: list };
}

/** `body.model.assets[3].capacity` (server) and `assets[3].capacity` (schema) name the same field. */
export function normalizeIssuePath(path: string): string {
  return path.replace(/^body\.model\.?/, "").replace(/^model\.?/, "");
}
