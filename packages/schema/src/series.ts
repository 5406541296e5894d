import * as z from "zod";
import { type Unit, withMeta } from "./metadata.js";

/**
 * A value that may vary in time (STYLE.md §1.2: every parameter is a scalar or an hourly series):
 * - a number: constant for every hour;
 * - `{ constant }`: the same, with an explicit unit;
 * - `{ monthly: [12 values] }`: one value per LOCAL calendar month, January first;
 * - `{ hourly: [...] }`: one value per timeline hour (length must equal `timeline.hours`);
 * - `{ csv: "file.csv", column? }`: an hourly series in a CSV file, relative to the model file, with a
 *   unit header (read by the CLI/data layer, expanded by the engine; the schema only checks the shape).
 * `unit`, when given, must equal the field's canonical unit.
 */
export type SeriesSpec =
  | number
  | { constant: number; unit?: string }
  | { monthly: number[]; unit?: string }
  | { hourly: number[]; unit?: string }
  | { csv: string; column?: string; unit?: string };

/** The kinds a series spec can take, for `switch` in consumers. */
export type SeriesSpecKind = "constant" | "monthly" | "hourly" | "csv";

/** Classifies a (validated) series spec. */
export function seriesSpecKind(spec: SeriesSpec): SeriesSpecKind {
  if (typeof spec === "number" || "constant" in spec) return "constant";
  if ("monthly" in spec) return "monthly";
  if ("hourly" in spec) return "hourly";
  return "csv";
}

interface SeriesOptions {
  description: string;
  unit: Unit;
  source?: string;
  /** Inclusive bounds on every value. */
  min?: number;
  max?: number;
}

function bounded(options: SeriesOptions): z.ZodNumber {
  let n = z.number();
  if (options.min !== undefined) n = n.min(options.min);
  if (options.max !== undefined) n = n.max(options.max);
  return n;
}

/** Builds the zod schema of a series field with its canonical unit and bounds. */
export function series(options: SeriesOptions): z.ZodType<SeriesSpec> {
  const value = bounded(options);
  const unit = z
    .string()
    .refine((u) => u === options.unit, {
      params: { code: "unit-mismatch", expected: options.unit },
      error: (iss) =>
        `unit must be ${options.unit} (the canonical unit of this field), got ${JSON.stringify(iss.input)}`,
    })
    .optional();
  const schema = z.union([
    value,
    z.strictObject({ constant: value, unit }),
    z.strictObject({ monthly: z.array(value).length(12), unit }),
    z.strictObject({ hourly: z.array(value).min(1), unit }),
    z.strictObject({ csv: z.string().min(1), column: z.string().min(1).optional(), unit }),
  ]);
  return withMeta(schema, {
    description: options.description,
    unit: options.unit,
    series: true,
    ...(options.source !== undefined ? { source: options.source } : {}),
  }) as unknown as z.ZodType<SeriesSpec>;
}
