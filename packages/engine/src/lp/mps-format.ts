import { formatLpNumber } from "./lp-format.js";
import type { LpModel } from "./lp-model.js";

/**
 * Free-format MPS text of a model (fields separated by whitespace, so names keep their contract form
 * `<assetId>:<attribute>[t]`; they never contain whitespace). Read by HiGHS (`readModel({format: "mps"})`)
 * and by COIN-OR CLP (`clp model.mps`), which both take an RHS entry on the objective row as minus the
 * objective constant.
 *
 * Conventions used (https://www.ibm.com/docs/en/icos/22.1.1?topic=standard-records-in-mps-format):
 * - row types: E (lb = ub), L (only ub finite), G (lb finite; ranged rows get RANGES R = ub − lb ≥ 0, giving
 *   [rhs, rhs + R]);
 * - bounds: FX, FR, MI, LO, UP; UP is written before LO/MI so that a negative UP (which some readers treat as
 *   "also set the lower bound to −∞") is followed by the explicit lower bound;
 * - integer columns are wrapped in MARKER INTORG / INTEND and always get explicit bounds (some readers default
 *   an integer column without bounds to binary).
 */
export function toMps(model: LpModel, modelName = "KERA"): string {
  const out: string[] = [];
  const rhsOf = (i: number): number => {
    const lb = model.rowLower[i]!;
    return lb === -Infinity ? model.rowUpper[i]! : lb;
  };
  // "FREE" after the name makes COIN-OR's reader (CLP, CBC) parse free format even when short names would fit
  // the fixed-format columns; HiGHS ignores it.
  out.push(`NAME ${modelName} FREE`, "ROWS", " N obj");
  for (let i = 0; i < model.numRows; i++) {
    const lb = model.rowLower[i]!;
    const ub = model.rowUpper[i]!;
    const type = lb === ub ? "E" : lb === -Infinity ? "L" : "G";
    out.push(` ${type} ${model.rowNames[i]}`);
  }

  out.push("COLUMNS");
  const { colStart, rowIndex, value } = model.matrix;
  let inInteger = false;
  let marker = 0;
  for (let j = 0; j < model.numCols; j++) {
    const isInteger = model.colInteger[j] === 1;
    if (isInteger !== inInteger) {
      out.push(` MARKER${marker++} 'MARKER' '${isInteger ? "INTORG" : "INTEND"}'`);
      inInteger = isInteger;
    }
    const name = model.colNames[j]!;
    const cost = model.colCost[j]!;
    const from = colStart[j]!;
    const to = colStart[j + 1]!;
    // A column must appear in COLUMNS to exist: write its cost even when zero if it has no entries.
    if (cost !== 0 || from === to) out.push(` ${name} obj ${formatLpNumber(cost)}`);
    for (let k = from; k < to; k++) {
      out.push(` ${name} ${model.rowNames[rowIndex[k]!]} ${formatLpNumber(value[k]!)}`);
    }
  }
  if (inInteger) out.push(` MARKER${marker++} 'MARKER' 'INTEND'`);

  out.push("RHS");
  if (model.objectiveOffset !== 0) out.push(` rhs obj ${formatLpNumber(-model.objectiveOffset)}`);
  for (let i = 0; i < model.numRows; i++) {
    const rhs = rhsOf(i);
    if (rhs !== 0) out.push(` rhs ${model.rowNames[i]} ${formatLpNumber(rhs)}`);
  }

  const ranges: string[] = [];
  for (let i = 0; i < model.numRows; i++) {
    const lb = model.rowLower[i]!;
    const ub = model.rowUpper[i]!;
    if (lb !== ub && lb !== -Infinity && ub !== Infinity) {
      ranges.push(` rng ${model.rowNames[i]} ${formatLpNumber(ub - lb)}`);
    }
  }
  // Append section by section without spreading (a spread of 1e5+ lines overflows the call stack).
  if (ranges.length > 0) {
    out.push("RANGES");
    for (const line of ranges) out.push(line);
  }

  const bounds: string[] = [];
  for (let j = 0; j < model.numCols; j++) {
    const name = model.colNames[j]!;
    const lb = model.colLower[j]!;
    const ub = model.colUpper[j]!;
    const isInteger = model.colInteger[j] === 1;
    if (lb === ub) {
      bounds.push(` FX bnd ${name} ${formatLpNumber(lb)}`);
      continue;
    }
    if (lb === -Infinity && ub === Infinity) {
      bounds.push(` FR bnd ${name}`);
      continue;
    }
    if (ub !== Infinity) bounds.push(` UP bnd ${name} ${formatLpNumber(ub)}`);
    else if (isInteger) bounds.push(` PL bnd ${name}`);
    if (lb === -Infinity) bounds.push(` MI bnd ${name}`);
    else if (lb !== 0 || isInteger || ub < 0) bounds.push(` LO bnd ${name} ${formatLpNumber(lb)}`);
  }
  if (bounds.length > 0) {
    out.push("BOUNDS");
    for (const line of bounds) out.push(line);
  }
  out.push("ENDATA", "");
  return out.join("\n");
}
