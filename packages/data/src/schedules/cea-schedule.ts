import type { CeaSchedule } from "@kera/engine";
import type { Result } from "@kera/schema";
import { IssueList } from "../text/issues.js";
import { parseNumber, splitFields, splitLines } from "../text/lines.js";

/**
 * A City Energy Analyst schedule file (SIA 2024:2015 basis; MIT, (c) 2013-2020 Architecture and Building
 * Systems, ETH Zurich): 72 values per column for rows `Weekday_00..23`, `Saturday_00..23`, `Sunday_00..23`
 * (local time). Fractions are 0..1; `heating`/`cooling` are coded 0 = OFF, 1 = SETBACK, 2 = SETPOINT,
 * the engine's `CeaSchedule` plus the columns it does not embed.
 */
export interface CeaScheduleTable extends CeaSchedule {
  readonly processes: readonly number[];
  readonly servers: readonly number[];
  readonly electromobility: readonly number[];
}

type FractionKey =
  "occupancy" | "appliances" | "lighting" | "hotWater" | "processes" | "servers" | "electromobility";
type ModeKey = "heating" | "cooling";

const FRACTION_COLUMNS: ReadonlyArray<[string, FractionKey]> = [
  ["occupancy", "occupancy"],
  ["appliances", "appliances"],
  ["lighting", "lighting"],
  ["hot_water", "hotWater"],
  ["processes", "processes"],
  ["servers", "servers"],
  ["electromobility", "electromobility"],
];
const MODE_COLUMNS: ReadonlyArray<[string, ModeKey]> = [
  ["heating", "heating"],
  ["cooling", "cooling"],
];
/** Set-point modes and their codes. */
export const CEA_MODE_CODES: Readonly<Record<string, number>> = { OFF: 0, SETBACK: 1, SETPOINT: 2 };
const DAY_OFFSET: Readonly<Record<string, number>> = { Weekday: 0, Saturday: 24, Sunday: 48 };
const HOUR_LABEL = /^(Weekday|Saturday|Sunday)_(\d{2})$/;

/**
 * Parses a CEA `SCHEDULES_LIBRARY/<USE>.csv` file. Errors with line and column: `empty-file`,
 * `missing-column`, `wrong-column-count`, `bad-timestamp` (hour label), `duplicate-time`, `bad-number`,
 * `out-of-range` (fraction outside 0..1), `unknown-mode`, `wrong-row-count` (72 rows expected).
 */
export function parseCeaSchedule(
  text: string,
  options: { fileName?: string } = {},
): Result<CeaScheduleTable> {
  const fileName = options.fileName ?? "CEA schedule CSV";
  const issues = new IssueList(fileName);
  const lines = splitLines(text).filter((l) => l.text.trim() !== "");
  const headerLine = lines[0];
  if (!headerLine) {
    issues.error("empty-file", "no header and no data rows");
    return { ok: false, issues: issues.finish() };
  }
  const header = splitFields(headerLine.text, ",").map((f) => f.text.trim());
  const col = (name: string): number => header.indexOf(name);
  for (const name of ["hour", ...FRACTION_COLUMNS.map((c) => c[0]), ...MODE_COLUMNS.map((c) => c[0])]) {
    if (col(name) < 0)
      issues.error("missing-column", `header has no ${name} column`, { line: 1, path: name });
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };

  const fractions = Object.fromEntries(
    FRACTION_COLUMNS.map(([, k]) => [k, new Array<number>(72).fill(Number.NaN)]),
  ) as Record<FractionKey, number[]>;
  const modes = Object.fromEntries(
    MODE_COLUMNS.map(([, k]) => [k, new Array<number>(72).fill(Number.NaN)]),
  ) as Record<ModeKey, number[]>;
  const seen = new Map<number, number>();
  const dataLines = lines.slice(1);
  for (const { line, text: lineText } of dataLines) {
    const fields = splitFields(lineText, ",");
    if (issues.wrongColumnCount(line, fields.length, header.length)) continue;
    const label = fields[col("hour")]?.text.trim() ?? "";
    const m = HOUR_LABEL.exec(label);
    const hour = m ? Number(m[2]) : Number.NaN;
    if (!m || !(hour >= 0 && hour <= 23)) {
      issues.error("bad-timestamp", `hour "${label}" is not Weekday_00..Sunday_23`, {
        line,
        column: 1,
        value: label,
      });
      continue;
    }
    const slot = (DAY_OFFSET[m[1] ?? ""] ?? 0) + hour;
    const previous = seen.get(slot);
    if (previous !== undefined) {
      issues.error("duplicate-time", `${label} repeats line ${previous}`, { line, column: 1, value: label });
      continue;
    }
    seen.set(slot, line);
    for (const [name, key] of FRACTION_COLUMNS) {
      const f = fields[col(name)] ?? { text: "", column: 1 };
      const v = parseNumber(f.text);
      if (v === undefined) {
        issues.error("bad-number", `${name} "${f.text}" is not a number`, {
          line,
          column: f.column,
          path: name,
          value: f.text,
        });
      } else if (v < 0 || v > 1) {
        issues.error("out-of-range", `${name} ${v} is not a fraction 0..1`, {
          line,
          column: f.column,
          path: name,
          value: v,
          expected: "0..1",
        });
      } else fractions[key][slot] = v;
    }
    for (const [name, key] of MODE_COLUMNS) {
      const f = fields[col(name)] ?? { text: "", column: 1 };
      const code = CEA_MODE_CODES[f.text.trim()];
      if (code === undefined) {
        issues.error("unknown-mode", `${name} "${f.text}" is not OFF, SETBACK or SETPOINT`, {
          line,
          column: f.column,
          path: name,
          value: f.text,
          expected: "OFF | SETBACK | SETPOINT",
        });
      } else modes[key][slot] = code;
    }
  }
  if (dataLines.length !== 72) {
    issues.error("wrong-row-count", `${dataLines.length} rows; a CEA schedule has 72 (3 day types x 24 h)`, {
      line: dataLines[dataLines.length - 1]?.line,
      value: dataLines.length,
      expected: "72",
    });
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  const file = fileName.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
  return { ok: true, value: { file, ...fractions, ...modes } };
}
