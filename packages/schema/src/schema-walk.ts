import type * as z from "zod";
import { type FieldMeta, metaOf } from "./metadata.js";

// Reads zod 4 definitions (`_zod.def`) to find the sub-schema at an issue path. Kept in one place so a
// zod upgrade touches only this file.

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"]);

/** Strips wrappers (optional, default, pipe, lazy, ...) and collects the metadata met on the way. */
export function unwrapSchema(schema: z.ZodType): { schema: z.ZodType; metas: FieldMeta[] } {
  const metas: FieldMeta[] = [];
  let cur = schema;
  for (let guard = 0; guard < 50; guard++) {
    const meta = metaOf(cur);
    if (meta !== undefined) metas.push(meta);
    const def = defOf(cur);
    if (WRAPPERS.has(def.type) && def.innerType !== undefined) cur = def.innerType;
    else if (def.type === "pipe" && def.in !== undefined) cur = def.in;
    else if (def.type === "lazy" && def.getter !== undefined) cur = def.getter();
    else break;
  }
  return { schema: cur, metas };
}

/** Type name of a schema after unwrapping (`object`, `array`, `union`, `number`, ...). */
export function schemaType(schema: z.ZodType): string {
  return defOf(unwrapSchema(schema).schema).type;
}

/** Keys of an object schema (after unwrapping), or of all object options of a union. */
export function objectKeys(schema: z.ZodType): string[] {
  const inner = unwrapSchema(schema).schema;
  const def = defOf(inner);
  if (def.type === "object" && def.shape !== undefined) return Object.keys(def.shape);
  if (def.type === "union" && def.options !== undefined) return [...new Set(def.options.flatMap(objectKeys))];
  return [];
}

/** Literal values of a discriminator field in each option of a discriminated union. */
function optionMatches(option: z.ZodType, key: string, value: unknown): boolean {
  const def = defOf(unwrapSchema(option).schema);
  const field = def.shape?.[key];
  if (field === undefined) return false;
  const fdef = defOf(unwrapSchema(field).schema);
  return fdef.type === "literal" && (fdef.values ?? []).includes(value);
}

function pickUnionOption(def: Def, value: unknown, nextKey: PropertyKey | undefined): z.ZodType | undefined {
  const options = def.options ?? [];
  const record =
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (def.discriminator !== undefined) {
    return record === undefined
      ? undefined
      : options.find((o) =>
          optionMatches(o, def.discriminator as string, record[def.discriminator as string]),
        );
  }
  if (record !== undefined) {
    const keys = Object.keys(record);
    const scored = options
      .filter((o) => schemaType(o) === "object")
      .map((o) => {
        const known = objectKeys(o);
        return {
          o,
          hits: keys.filter((k) => known.includes(k)).length,
          hasNext: typeof nextKey === "string" && known.includes(nextKey),
        };
      })
      .sort((a, b) => Number(b.hasNext) - Number(a.hasNext) || b.hits - a.hits);
    return scored[0]?.o;
  }
  if (Array.isArray(value)) return options.find((o) => schemaType(o) === "array");
  return options.find((o) => !["object", "array"].includes(schemaType(o)));
}

export interface ResolvedSchema {
  /** The schema at the path (undefined when the path leaves the schema). */
  schema: z.ZodType | undefined;
  /** Metadata of the nearest field on the path that has any, innermost first. */
  metas: FieldMeta[];
}

/** Finds the schema describing `path` in `root`, using `input` to choose union branches. */
export function resolveSchema(root: z.ZodType, path: readonly PropertyKey[], input: unknown): ResolvedSchema {
  let cur: z.ZodType | undefined = root;
  let value: unknown = input;
  let metas: FieldMeta[] = [];
  for (let i = 0; i <= path.length && cur !== undefined; i++) {
    const seg = path[i];
    const un = unwrapSchema(cur);
    metas = [...un.metas, ...metas];
    let s = un.schema;
    let def = defOf(s);
    if (def.type === "union" && i === path.length) return { schema: s, metas };
    if (def.type === "union") {
      const picked = pickUnionOption(def, value, seg);
      if (picked === undefined) return { schema: i === path.length ? s : undefined, metas };
      const un2 = unwrapSchema(picked);
      metas = [...un2.metas, ...metas];
      s = un2.schema;
      def = defOf(s);
    }
    if (i === path.length) return { schema: s, metas };
    if (def.type === "object" && typeof seg === "string") cur = def.shape?.[seg];
    else if (def.type === "array" && typeof seg === "number") cur = def.element;
    else if (def.type === "record") cur = def.valueType;
    else cur = undefined;
    value =
      value !== null && typeof value === "object"
        ? (value as Record<PropertyKey, unknown>)[seg as string]
        : undefined;
  }
  return { schema: cur, metas };
}

/** The unit declared by the nearest enclosing field. */
export function unitOf(metas: readonly FieldMeta[]): string | undefined {
  return metas.find((m) => m.unit !== undefined)?.unit;
}
