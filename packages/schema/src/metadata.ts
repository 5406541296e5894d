import * as z from "zod";

/**
 * Canonical units (STYLE.md §3). Every numeric parameter declares one of these in its metadata; values
 * are always stored in the canonical unit (conversion happens only at import boundaries).
 */
export const UNITS = [
  "kW",
  "kWp",
  "kWh",
  "kWh/a",
  "kWh/m2a",
  "kWh/kWp",
  "m2",
  "m",
  "m3",
  "deg",
  "degC",
  "h",
  "a",
  "years",
  "EUR",
  "EUR/a",
  "EUR/kW",
  "EUR/kWp",
  "EUR/kWh",
  "EUR/kW/a",
  "EUR/kWp/a",
  "EUR/kWh/a",
  "EUR/kW/month",
  "EUR/month",
  "kgCO2e/kWh",
  "kgCO2e/a",
  "1/h",
  "fraction",
  "ratio",
  "count",
  "persons",
  "jobs",
  "year",
] as const;
export type Unit = (typeof UNITS)[number];

/**
 * Metadata carried by every model field (zod 4 `.meta()`), read by the docs generator, the web editor
 * (`parameterMetadata()`) and the validator (units in messages).
 */
export interface FieldMeta {
  /** One or two sentences, shown in docs and as form help. */
  description: string;
  /** Canonical unit of the value (of every value for a series). */
  unit?: Unit;
  /** Source of a default or of an allowed range: a citation key and/or URL, or "estimate: <why>". */
  source?: string;
  /** A short title for forms (defaults to the key). */
  title?: string;
  /** Marks a series field: the value may be a constant, monthly profile, hourly series or CSV file. */
  series?: boolean;
  /** Example value for docs. */
  examples?: unknown[];
}

/** Attaches metadata to a schema (registered in zod's global registry, so it flows into JSON Schema). */
export function withMeta<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta(meta as unknown as Record<string, unknown>) as T;
}

/** Reads the metadata attached to a schema, if any. */
export function metaOf(schema: z.ZodType): FieldMeta | undefined {
  return z.globalRegistry.get(schema) as FieldMeta | undefined;
}

interface NumberOptions extends FieldMeta {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Whole numbers only. */
  int?: boolean;
}

/** A numeric parameter with unit, description, bounds and (via `.default()` by the caller) a default. */
export function num(options: NumberOptions): z.ZodNumber {
  const { min, gt, max, int, ...meta } = options;
  let schema: z.ZodNumber = int === true ? z.int() : z.number();
  if (gt !== undefined) schema = schema.gt(gt);
  if (min !== undefined) schema = schema.min(min);
  if (max !== undefined) schema = schema.max(max);
  return withMeta(schema, meta);
}

/** A stable identifier: lower-case letters, digits, `-`, `_`, `.` and `:` (e.g. `pv-roof-12`, `asset:bess`). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]*$/;

/** A string identifier with description. */
export function id(description: string): z.ZodString {
  return withMeta(z.string().regex(ID_PATTERN), { description, examples: ["pv-roof-12"] });
}

/** A free-text string with description. */
export function text(description: string): z.ZodString {
  return withMeta(z.string().min(1), { description });
}

/** An object that rejects unknown keys (each becomes an `unknown-key` issue with a "did you mean"). */
export function strict<S extends z.ZodRawShape>(
  shape: S,
  description: string,
): z.ZodObject<S, z.core.$strict> {
  return withMeta(z.strictObject(shape), { description });
}
