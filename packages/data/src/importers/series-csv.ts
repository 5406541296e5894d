import { MS_PER_HOUR } from "@kera/engine";
import type { Result } from "@kera/schema";
import type { Series, SeriesColumn } from "../series.js";
import { IssueList } from "../text/issues.js";
import { detectDelimiter, parseNumber, splitFields, splitLines, type Field } from "../text/lines.js";
import { isValidTimeZone, parseStamp, stampToUtcMs } from "../text/timestamps.js";
import { unitConversion } from "../units.js";

/** Options of `parseSeriesCsv`; defaults in `SERIES_CSV_DEFAULTS`. */
export interface SeriesCsvOptions {
  /** Name used in messages (`file:line:column`). */
  readonly fileName?: string;
  /** Text for `Series.source`; defaults to the file name. */
  readonly source?: string;
  /** Field separator; detected from the header (`;`, tab or `,`) when omitted. */
  readonly delimiter?: "," | ";" | "\t";
  /** Read `1,5` as 1.5 (only sensible with `;` or tab separators). Default: true when the separator is `;`. */
  readonly decimalComma?: boolean;
  /**
   * Name of the time-stamp column, or `false` for a file without time stamps. Default: the first column
   * whose name contains time, date, hour or stamp (or the first column if its first value is a time stamp).
   */
  readonly timestampColumn?: string | false;
  /**
   * Zone of time stamps without an offset: "UTC" or an IANA zone (fall-back hours resolved by order).
   * Default: "UTC" when the time column's name says UTC (`timestamp_utc`, `Datetime (UTC)`), else such
   * stamps are `timestamp-without-zone` errors.
   */
  readonly timestampZone?: string;
  /** Site IANA zone written into the timeline; default `timestampZone` or "UTC". */
  readonly timeZone?: string;
  /** Start (ISO with offset) of a file without time stamps, to give it a timeline. */
  readonly start?: string;
  /** Value columns to read (by header name, case-insensitive); default all but the time column. */
  readonly columns?: readonly string[];
  /** Unit per column name, overriding the header and `# unit:` comments. */
  readonly units?: Readonly<Record<string, string>>;
  /** Required number of hourly values (e.g. 8760); a different count is a `wrong-row-count` error. */
  readonly expectedHours?: number;
  /** Convert to canonical units (kW, kWh, EUR/kWh, kgCO2e/kWh, ...); default true. */
  readonly convertUnits?: boolean;
  /** Values below this are `out-of-range` errors (e.g. 0 for demand). */
  readonly min?: number;
  /** Values above this are `out-of-range` errors. */
  readonly max?: number;
}

export const SERIES_CSV_DEFAULTS = {
  fileName: "series CSV",
  convertUnits: true,
} as const;

const TIME_NAME = /time|date|hour|stamp|aika|pvm/i;
const HEADER_UNIT = /^(.*?)\s*[[(]([^\])]+)[\])]\s*$/;
const UNIT_COMMENT = /^#\s*unit\s*:\s*(.+?)\s*$/i;

interface RawColumn {
  readonly name: string;
  readonly index: number;
  readonly column: number;
  readonly unit: string | undefined;
  readonly values: number[];
}

/**
 * Parses a generic time-series CSV: optional `#` comment lines (`# unit: kW` sets the unit of columns whose
 * header has none), a header row (or none when the first row is all numbers), an optional time-stamp column
 * (ISO 8601, with `Z`/offset or naive in `timestampZone`) and one or more numeric value columns whose unit is
 * given in the header as `demand [kWh]` or `price (EUR/MWh)`. Values are converted to canonical units;
 * 15- and 30-minute data are aggregated to hours (energies summed, powers/prices averaged).
 *
 * Errors (with file, line and column): `empty-file`, `missing-column`, `wrong-column-count`, `bad-number`,
 * `missing-value`, `out-of-range`, `bad-timestamp`, `timestamp-without-zone`, `time-not-on-hour`,
 * `duplicate-time`, `time-out-of-order`, `time-gap`, `irregular-time-step`, `wrong-row-count`,
 * `invalid-option`; warnings `missing-unit`, `unknown-unit`.
 */
export function parseSeriesCsv(text: string, options: SeriesCsvOptions = {}): Result<Series> {
  const o = { ...SERIES_CSV_DEFAULTS, ...options };
  const issues = new IssueList(o.fileName);
  const all = splitLines(text);
  let commentUnit: string | undefined;
  for (const l of all) {
    const m = UNIT_COMMENT.exec(l.text.trim());
    if (m?.[1]) commentUnit = m[1];
  }
  const lines = all.filter((l) => l.text.trim() !== "" && !l.text.trimStart().startsWith("#"));
  const first = lines[0];
  if (!first) {
    issues.error("empty-file", "no header and no data rows");
    return { ok: false, issues: issues.finish() };
  }
  if (o.timestampZone !== undefined && !isValidTimeZone(o.timestampZone)) {
    issues.error("invalid-option", `timestampZone "${o.timestampZone}" is not a known time zone`, {
      path: "timestampZone",
      value: o.timestampZone,
    });
  }
  if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) {
    issues.error("invalid-option", `timeZone "${o.timeZone}" is not a known time zone`, {
      path: "timeZone",
      value: o.timeZone,
    });
  }
  const delimiter = o.delimiter ?? detectDelimiter(first.text);
  const decimalComma = o.decimalComma ?? delimiter === ";";
  const firstFields = splitFields(first.text, delimiter);
  const headerless = firstFields.every((f) => parseNumber(f.text, decimalComma) !== undefined);
  const header: Field[] = headerless
    ? firstFields.map((f, i) => ({ text: i === 0 ? "value" : `value${i + 1}`, column: f.column }))
    : firstFields;
  const dataLines = headerless ? lines : lines.slice(1);
  const names = header.map((f) => {
    const m = HEADER_UNIT.exec(f.text.trim());
    return m?.[1] ? m[1].trim() : f.text.trim();
  });
  const headerUnits = header.map((f) => HEADER_UNIT.exec(f.text.trim())?.[2]?.trim());
  const findColumn = (name: string): number =>
    names.findIndex(
      (n, i) =>
        n.toLowerCase() === name.toLowerCase() || header[i]?.text.trim().toLowerCase() === name.toLowerCase(),
    );

  // Time-stamp column.
  let timeIndex = -1;
  if (o.timestampColumn !== false && !headerless) {
    if (typeof o.timestampColumn === "string") {
      timeIndex = findColumn(o.timestampColumn);
      if (timeIndex < 0) {
        issues.error("missing-column", `no time-stamp column "${o.timestampColumn}" in the header`, {
          line: first.line,
          path: o.timestampColumn,
          expected: o.timestampColumn,
        });
      }
    } else {
      timeIndex = names.findIndex((n) => TIME_NAME.test(n));
      const firstValue = dataLines[0] ? splitFields(dataLines[0].text, delimiter)[0]?.text : undefined;
      if (timeIndex < 0 && firstValue !== undefined && parseStamp(firstValue)) timeIndex = 0;
    }
  }
  const timeName = timeIndex >= 0 ? (header[timeIndex]?.text ?? "") : "";
  const stampZone = o.timestampZone ?? (/utc/i.test(timeName) ? "UTC" : undefined);

  // Value columns.
  const wanted =
    o.columns?.map((c) => {
      const i = findColumn(c);
      if (i < 0) {
        issues.error("missing-column", `no column "${c}" in the header`, {
          line: first.line,
          path: c,
          expected: c,
        });
      }
      return i;
    }) ?? names.map((_, i) => i).filter((i) => i !== timeIndex);
  if (wanted.length === 0 && issues.errorCount === 0) {
    issues.error("missing-column", "no value column", { line: first.line });
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  const raw: RawColumn[] = wanted.map((index) => {
    const full = header[index]?.text.trim() ?? "";
    // A column addressed by its full header text (with a parenthesis that is not a unit) keeps that name.
    const byFull = o.units?.[full] !== undefined || (o.columns?.includes(full) ?? false);
    const name = byFull ? full : (names[index] ?? `column${index + 1}`);
    const unit = o.units?.[name] ?? (byFull ? undefined : headerUnits[index]) ?? commentUnit;
    return { name, index, column: header[index]?.column ?? 1, unit, values: [] };
  });

  // Rows.
  const stamps: Array<{ utcMs: number; line: number; column: number }> = [];
  let previousUtc: number | undefined;
  for (const { line, text: lineText } of dataLines) {
    const fields = splitFields(lineText, delimiter);
    if (issues.wrongColumnCount(line, fields.length, header.length)) continue;
    if (timeIndex >= 0) {
      const f = fields[timeIndex] ?? { text: "", column: 1 };
      const stamp = parseStamp(f.text);
      if (!stamp) {
        issues.error("bad-timestamp", `"${f.text}" is not an ISO 8601 time stamp (e.g. 2025-01-01T00:00Z)`, {
          line,
          column: f.column,
          path: timeName,
          value: f.text,
        });
        continue;
      }
      if (stamp.offsetMin === undefined && stampZone === undefined) {
        issues.error(
          "timestamp-without-zone",
          `"${f.text}" has no UTC offset; add Z or +02:00, or set the timestampZone option`,
          { line, column: f.column, path: timeName, value: f.text },
        );
        return { ok: false, issues: issues.finish() };
      }
      const utcMs = stampToUtcMs(stamp, stampZone ?? "UTC", previousUtc);
      previousUtc = utcMs;
      stamps.push({ utcMs, line, column: f.column });
    }
    for (const c of raw) {
      const f = fields[c.index] ?? { text: "", column: 1 };
      if (f.text.trim() === "") {
        issues.error("missing-value", `${c.name} is empty`, { line, column: f.column, path: c.name });
        c.values.push(Number.NaN);
        continue;
      }
      const v = parseNumber(f.text, decimalComma);
      if (v === undefined) {
        issues.error("bad-number", `${c.name} "${f.text}" is not a number`, {
          line,
          column: f.column,
          path: c.name,
          value: f.text,
        });
        c.values.push(Number.NaN);
        continue;
      }
      if ((o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max)) {
        issues.error("out-of-range", `${c.name} ${v} is outside ${o.min ?? "-inf"}..${o.max ?? "inf"}`, {
          line,
          column: f.column,
          path: c.name,
          value: v,
          expected: `${o.min ?? "-inf"}..${o.max ?? "inf"}`,
        });
      }
      c.values.push(v);
    }
  }

  // Time axis: constant step of 15, 30 or 60 min, starting on a whole hour.
  let stepMin = 60;
  let startUtcMs: number | undefined;
  if (timeIndex >= 0 && stamps.length > 0) {
    const s0 = stamps[0];
    // The step is the smallest positive difference: 15 or 30 min (aggregated to hours) or whole hours.
    let minStepMs = Number.POSITIVE_INFINITY;
    let minAt = stamps[1];
    for (let k = 1; k < stamps.length; k++) {
      const d = (stamps[k]?.utcMs ?? 0) - (stamps[k - 1]?.utcMs ?? 0);
      if (d > 0 && d < minStepMs) {
        minStepMs = d;
        minAt = stamps[k];
      }
    }
    if (Number.isFinite(minStepMs)) {
      const d = minStepMs / 60_000;
      if (d === 15 || d === 30) stepMin = d;
      else if (d % 60 !== 0) {
        issues.error("irregular-time-step", `step of ${d} min; supported steps are 15, 30 and 60 min`, {
          line: minAt?.line,
          column: minAt?.column,
          value: d,
          expected: "15, 30 or 60",
        });
      }
    }
    if (s0) {
      startUtcMs = s0.utcMs;
      if (s0.utcMs % MS_PER_HOUR !== 0) {
        issues.error("time-not-on-hour", "the first time stamp must be at the start of an hour (UTC)", {
          line: s0.line,
          column: s0.column,
        });
      }
    }
    const stepMs = stepMin * 60_000;
    for (let k = 1; k < stamps.length; k++) {
      const a = stamps[k - 1];
      const b = stamps[k];
      if (!a || !b) continue;
      const d = b.utcMs - a.utcMs;
      if (d === stepMs) continue;
      const at = { line: b.line, column: b.column, value: new Date(b.utcMs).toISOString() };
      if (d === 0) issues.error("duplicate-time", `time repeats line ${a.line}`, at);
      else if (d < 0)
        issues.error("time-out-of-order", `time goes back ${-d / 60_000} min after line ${a.line}`, at);
      else if (d % stepMs === 0) {
        const missing = d / stepMs - 1;
        issues.error(
          "time-gap",
          `${missing} step${missing === 1 ? "" : "s"} of ${stepMin} min missing after line ${a.line}`,
          {
            ...at,
            expected: new Date(a.utcMs + stepMs).toISOString(),
          },
        );
      } else {
        issues.error(
          "irregular-time-step",
          `step of ${d / 60_000} min after line ${a.line}, expected ${stepMin}`,
          at,
        );
      }
    }
  } else if (o.start !== undefined) {
    const s = parseStamp(o.start);
    if (!s || s.offsetMin === undefined) {
      issues.error("invalid-option", `start "${o.start}" must be an ISO time with Z or an offset`, {
        path: "start",
        value: o.start,
      });
    } else {
      startUtcMs = stampToUtcMs(s, "UTC");
      if (startUtcMs % MS_PER_HOUR !== 0) {
        issues.error("invalid-option", `start "${o.start}" is not at the start of an hour`, {
          path: "start",
        });
      }
    }
  }

  if (dataLines.length === 0) {
    issues.error("empty-file", "no data rows", { line: first.line });
    return { ok: false, issues: issues.finish() };
  }
  const rowCount = raw[0]?.values.length ?? 0;
  const perHour = 60 / stepMin;
  if (rowCount % perHour !== 0) {
    issues.error("wrong-row-count", `${rowCount} rows of ${stepMin} min do not make whole hours`, {
      line: dataLines[dataLines.length - 1]?.line,
      value: rowCount,
    });
  }
  const hours = Math.floor(rowCount / perHour);
  if (o.expectedHours !== undefined && hours !== o.expectedHours) {
    issues.error("wrong-row-count", `${hours} hourly values, expected ${o.expectedHours}`, {
      line: dataLines[dataLines.length - 1]?.line,
      value: hours,
      expected: String(o.expectedHours),
    });
  }

  // Units and aggregation.
  const columns: SeriesColumn[] = raw.map((c) => {
    let unit = c.unit;
    let factor = 1;
    let extensive = false;
    if (unit === undefined) {
      issues.warn(
        "missing-unit",
        `column ${c.name} has no unit; write "${c.name} [kWh]" or a "# unit: kWh" comment`,
        {
          line: first.line,
          column: c.column,
          path: c.name,
        },
      );
    } else {
      const conv = unitConversion(unit);
      if (!conv) {
        issues.warn("unknown-unit", `unit "${unit}" of ${c.name} is not known; values kept as they are`, {
          line: first.line,
          column: c.column,
          path: c.name,
          value: unit,
        });
      } else {
        extensive = conv.extensive;
        if (o.convertUnits) {
          unit = conv.unit;
          factor = conv.factor;
        }
      }
    }
    const values = new Float64Array(hours);
    for (let h = 0; h < hours; h++) {
      let sum = 0;
      for (let k = 0; k < perHour; k++) sum += c.values[h * perHour + k] ?? Number.NaN;
      values[h] = (extensive ? sum : sum / perHour) * factor;
    }
    return { name: c.name, unit, values };
  });

  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  const timeZone = o.timeZone ?? stampZone ?? "UTC";
  return {
    ok: true,
    value: {
      source: o.source ?? o.fileName,
      timeline: startUtcMs === undefined ? undefined : { startUtcMs, hours, timeZone },
      hours,
      columns,
      warnings: issues.finish().filter((i) => i.severity === "warning"),
    },
  };
}
