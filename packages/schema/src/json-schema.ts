import * as z from "zod";
import { CURRENT_SCHEMA_VERSION, districtSchema } from "./district.js";

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a district file, generated from the validators: what an author may
 * write (defaults make fields optional). Metadata (`description`, `unit`, `source`, `default`) is included.
 * Cross-reference and plausibility rules are checked by `parseDistrict` only.
 */
export function districtJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(districtSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return {
    $schema: generated["$schema"],
    $id: `urn:kera:district:v${CURRENT_SCHEMA_VERSION}`,
    title: "Kera Platform district model",
    ...generated,
  };
}

/** One documented parameter of the model, flattened for forms and reference tables. */
export interface ParameterInfo {
  /** Path pattern: `buildingGroups[].heatedFloorArea`, `assets[kind=pv].tilt`. */
  path: string;
  /** `number`, `integer`, `string`, `boolean`, `enum`, `series`, `object`, `array`, `union`. */
  type: string;
  required: boolean;
  description?: string;
  unit?: string;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  enum?: unknown[];
  source?: string;
  /** Top-level section (`site`, `assets`, ...; `general` for top-level scalars). */
  section: string;
}

function typeOf(s: JsonSchema): string {
  if (s["series"] === true) return "series";
  if (Array.isArray(s["enum"])) return "enum";
  if (s["const"] !== undefined) return "const";
  if (typeof s["type"] === "string") return s["type"];
  if (Array.isArray(s["anyOf"]) || Array.isArray(s["oneOf"])) return "union";
  return "any";
}

function flatten(
  s: JsonSchema,
  path: string,
  required: boolean,
  section: string,
  out: ParameterInfo[],
): void {
  const info: ParameterInfo = { path, type: typeOf(s), required, section };
  for (const k of [
    "description",
    "unit",
    "default",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "enum",
    "source",
  ] as const) {
    if (s[k] !== undefined) (info as unknown as Record<string, unknown>)[k] = s[k];
  }
  if (typeof s["const"] === "string") info.enum = [s["const"]];
  if (path !== "") out.push(info);
  if (info.type === "series") return;
  const props = s["properties"] as Record<string, JsonSchema> | undefined;
  if (props !== undefined) {
    const req = new Set((s["required"] as string[] | undefined) ?? []);
    for (const [k, v] of Object.entries(props)) {
      const p = path === "" ? k : `${path}.${k}`;
      const top = ["object", "array", "union"].includes(typeOf(v)) ? k : "general";
      flatten(v, p, req.has(k), path === "" ? top : section, out);
    }
  }
  const items = s["items"] as JsonSchema | undefined;
  if (items !== undefined && typeof items === "object") flatten(items, `${path}[]`, true, section, out);
  const variants = (s["oneOf"] ?? s["anyOf"]) as JsonSchema[] | undefined;
  if (variants !== undefined) {
    for (const v of variants) {
      const kind = (v["properties"] as Record<string, JsonSchema> | undefined)?.["kind"]?.["const"];
      const base = typeof kind === "string" ? path.replace(/\[\]$/, `[kind=${kind}]`) : path;
      const before = out.length;
      flatten(v, base, required, section, out);
      // The variant's own row duplicates the union's row.
      if (out.length > before && out[before]?.path === base && base === path) out.splice(before, 1);
    }
  }
}

/**
 * Flat list of every model parameter with description, unit, default, bounds and source, in document
 * order — for the web editor's forms and the reference docs.
 */
export function parameterMetadata(): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  flatten(districtJsonSchema(), "", true, "", out);
  return out;
}
