import type { LpModel } from "./lp-model.js";

/**
 * CPLEX LP text of a model, with the names used in the text. The CPLEX LP format allows only letters, digits
 * and ! " # $ % & ( ) / , . ; ? @ _ ` ' { } | ~ in names, and a name must not start with a digit or a period
 * (https://www.ibm.com/docs/en/icos/22.1.1?topic=cplex-lp-file-format-algebraic-representation). Contract
 * names such as `pv-roof-12:flowOut[3]` are therefore sanitised: `-` → `_`, `:` → `.`, `[` → `(`, `]` → `)`,
 * any other disallowed character → `_`; a leading digit or period gets a `_` prefix; a clash with an earlier
 * name gets the suffix `~<index>`. `colNames[j]` / `rowNames[i]` map the text names back to column j / row i.
 *
 * HiGHS' LP reader (the `highs` npm package's `solve(lpString)`) does not accept ranged rows
 * (`lb <= expr <= ub`), so a row with two different finite bounds is written as two rows: `<name>` (≥ lb)
 * and `<name>~ub` (≤ ub). `rowNames[i]` is the first; `upperRowNames` lists the extra ones.
 */
export interface LpTextExport {
  readonly text: string;
  /** Text name of each column, by column index. */
  readonly colNames: readonly string[];
  /** Text name of each row, by row index (for a ranged row: its ≥ part). */
  readonly rowNames: readonly string[];
  /** Text names of the extra ≤ rows written for ranged rows, keyed by row index. */
  readonly upperRowNames: ReadonlyMap<number, string>;
}

const DISALLOWED = /[^A-Za-z0-9!"#$%&()/,.;?@_`'{}|~]/g;
const REPLACEMENTS: Readonly<Record<string, string>> = { "-": "_", ":": ".", "[": "(", "]": ")" };
/** CPLEX LP limits a line to 560 characters (HiGHS is lenient); keep terms per line well below that. */
const TERMS_PER_LINE = 8;

function sanitise(name: string): string {
  let s = name.replace(DISALLOWED, (c) => REPLACEMENTS[c] ?? "_");
  if (/^[0-9.]/.test(s) || s.length === 0) s = `_${s}`;
  // Names like "e1" or "E12" could be read as exponents by some readers after a coefficient; "inf"/"infinity"
  // and the section keywords are reserved words in bounds.
  if (/^[eE][0-9]*$/.test(s) || /^(inf|infinity|free)$/i.test(s)) s = `_${s}`;
  return s;
}

function uniqueNames(names: readonly string[], used: Set<string>): string[] {
  return names.map((name, index) => {
    let s = sanitise(name);
    if (used.has(s)) s = `${s}~${index}`;
    while (used.has(s)) s = `${s}~`;
    used.add(s);
    return s;
  });
}

/** Shortest round-trip decimal (JavaScript's `String(number)`), which LP and MPS readers accept. */
export function formatLpNumber(value: number): string {
  return String(value);
}

function signed(coef: number, name: string): string {
  if (coef === 1) return `+ ${name}`;
  if (coef === -1) return `- ${name}`;
  return coef < 0 ? `- ${formatLpNumber(-coef)} ${name}` : `+ ${formatLpNumber(coef)} ${name}`;
}

function bound(value: number): string {
  if (value === Infinity) return "+inf";
  if (value === -Infinity) return "-inf";
  return formatLpNumber(value);
}

/** Writes the model in CPLEX LP format. */
export function toLpFormat(model: LpModel): LpTextExport {
  const colNames = uniqueNames(model.colNames, new Set());
  const rowUsed = new Set<string>(["obj"]);
  const rowNames = uniqueNames(model.rowNames, rowUsed);
  const upperRowNames = new Map<number, string>();
  const out: string[] = [];

  // Objective.
  out.push("Minimize");
  let line = " obj:";
  let count = 0;
  for (let j = 0; j < model.numCols; j++) {
    const c = model.colCost[j]!;
    if (c === 0) continue;
    line += ` ${signed(c, colNames[j]!)}`;
    if (++count % TERMS_PER_LINE === 0) {
      out.push(line);
      line = "  ";
    }
  }
  if (model.objectiveOffset !== 0)
    line += ` ${model.objectiveOffset < 0 ? "-" : "+"} ${bound(Math.abs(model.objectiveOffset))}`;
  // An all-zero objective still needs a term for some readers: 0 times the first column.
  if (count === 0 && model.objectiveOffset === 0 && model.numCols > 0) line += ` 0 ${colNames[0]}`;
  out.push(line);

  // Rows: transpose the CSC matrix into per-row term lists.
  const rowCount = new Int32Array(model.numRows + 1);
  const { colStart, rowIndex, value } = model.matrix;
  for (let k = 0; k < rowIndex.length; k++) rowCount[rowIndex[k]! + 1]!++;
  for (let i = 0; i < model.numRows; i++) rowCount[i + 1]! += rowCount[i]!;
  const rowCol = new Int32Array(rowIndex.length);
  const rowVal = new Float64Array(rowIndex.length);
  const fill = rowCount.slice(0, model.numRows);
  for (let j = 0; j < model.numCols; j++) {
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
      const p = fill[rowIndex[k]!]!++;
      rowCol[p] = j;
      rowVal[p] = value[k]!;
    }
  }

  out.push("Subject To");
  const writeRow = (name: string, i: number, op: string, rhs: number): void => {
    let text = ` ${name}:`;
    const from = rowCount[i]!;
    const to = rowCount[i + 1]!;
    if (from === to) text += ` 0 ${colNames[0] ?? "_empty"}`;
    for (let p = from; p < to; p++) {
      text += ` ${signed(rowVal[p]!, colNames[rowCol[p]!]!)}`;
      if ((p - from + 1) % TERMS_PER_LINE === 0 && p + 1 < to) {
        out.push(text);
        text = "  ";
      }
    }
    out.push(`${text} ${op} ${bound(rhs)}`);
  };
  for (let i = 0; i < model.numRows; i++) {
    const lb = model.rowLower[i]!;
    const ub = model.rowUpper[i]!;
    const name = rowNames[i]!;
    if (lb === ub) writeRow(name, i, "=", lb);
    else if (lb === -Infinity) writeRow(name, i, "<=", ub);
    else if (ub === Infinity) writeRow(name, i, ">=", lb);
    else {
      writeRow(name, i, ">=", lb);
      let upper = `${name}~ub`;
      while (rowUsed.has(upper)) upper = `${upper}~`;
      rowUsed.add(upper);
      upperRowNames.set(i, upper);
      writeRow(upper, i, "<=", ub);
    }
  }

  out.push("Bounds");
  for (let j = 0; j < model.numCols; j++) {
    const lb = model.colLower[j]!;
    const ub = model.colUpper[j]!;
    const name = colNames[j]!;
    if (lb === 0 && ub === Infinity) continue;
    if (lb === ub) out.push(` ${name} = ${bound(lb)}`);
    else if (lb === -Infinity && ub === Infinity) out.push(` ${name} free`);
    else out.push(` ${bound(lb)} <= ${name} <= ${bound(ub)}`);
  }

  const integers: string[] = [];
  for (let j = 0; j < model.numCols; j++) if (model.colInteger[j] === 1) integers.push(colNames[j]!);
  if (integers.length > 0) {
    out.push("Generals");
    for (let k = 0; k < integers.length; k += TERMS_PER_LINE) {
      out.push(` ${integers.slice(k, k + TERMS_PER_LINE).join(" ")}`);
    }
  }
  out.push("End", "");
  return { text: out.join("\n"), colNames, rowNames, upperRowNames };
}
