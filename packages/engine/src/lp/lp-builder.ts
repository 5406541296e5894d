import { EngineError } from "../errors.js";
import { GrowableFloat64, GrowableInt32 } from "./growable.js";
import type { LpModel, LpSeriesRange } from "./lp-model.js";
import { isLpName, lpName, parseLpName } from "./lp-names.js";

/** One variable (column). Defaults: lb 0, ub +Infinity, cost 0, continuous. */
export interface LpVariableSpec {
  readonly name: string;
  readonly lb?: number;
  readonly ub?: number;
  /** Objective coefficient (EUR per unit of the variable, or the weighted objective's unit). */
  readonly cost?: number;
  readonly integer?: boolean;
}

/** A scalar for every hour, or one value per hour (length ≥ hours). */
export type LpSeriesValue = number | ArrayLike<number>;

/** Bounds and cost of an hourly variable series; each a scalar or an hourly series. */
export interface LpSeriesSpec {
  readonly lb?: LpSeriesValue;
  readonly ub?: LpSeriesValue;
  readonly cost?: LpSeriesValue;
  readonly integer?: boolean;
}

/** [column index, coefficient]. */
export type LpTerm = readonly [index: number, coef: number];

/**
 * lb ≤ Σ coef·x[index] ≤ ub. Defaults: lb −Infinity, ub +Infinity; at least one must be finite. An equality
 * has lb = ub. Repeated indices are summed.
 */
export interface LpConstraintSpec {
  readonly name: string;
  readonly terms: readonly LpTerm[];
  readonly lb?: number;
  readonly ub?: number;
}

/**
 * Accumulates a minimisation LP/MIP. Variables and constraints are appended; indices are dense and stable
 * (the first variable is 0). `build()` returns an immutable CSC snapshot and leaves the builder usable.
 */
export interface LpBuilder {
  readonly numCols: number;
  readonly numRows: number;
  /** Adds one variable and returns its column index. */
  addVariable(spec: LpVariableSpec): number;
  /**
   * Adds `hours` variables named `<assetId>:<attribute>[t]`, t = 0..hours-1, and returns the index of t = 0;
   * the variable of hour t has index `start + t`.
   */
  addVariables(assetId: string, attribute: string, hours: number, spec?: LpSeriesSpec): number;
  /** Adds one constraint and returns its row index. */
  addConstraint(spec: LpConstraintSpec): number;
  /**
   * Same as `addConstraint` with the terms as two parallel arrays (column indices, coefficients): no tuple per
   * term, for the long balance rows of large models.
   */
  addConstraintArrays(
    name: string,
    indices: ArrayLike<number>,
    coefs: ArrayLike<number>,
    lb?: number,
    ub?: number,
    /** Number of terms to read from the arrays (default: all), so callers can reuse scratch buffers. */
    count?: number,
  ): number;
  /** Adds `coef` to the objective coefficient of a column (objective terms accumulate). */
  addObjectiveTerm(index: number, coef: number): void;
  /** Adds a constant to the objective. */
  addObjectiveConstant(value: number): void;
  /** Column index of a variable name, or undefined. */
  variableIndex(name: string): number | undefined;
  /** Row index of a constraint name, or undefined. */
  constraintIndex(name: string): number | undefined;
  /** The columns of an hourly series added with `addVariables`, or undefined (hour t is `start + t`). */
  variableSeries(assetId: string, attribute: string): LpSeriesRange | undefined;
  /** Sets the bounds of an existing column (e.g. to fix a capacity before an operation run). */
  setVariableBounds(index: number, lb: number, ub: number): void;
  build(): LpModel;
}

/** Options of `createLpBuilder`; capacities are hints only (buffers grow). */
export interface LpBuilderOptions {
  readonly expectedCols?: number;
  readonly expectedRows?: number;
  readonly expectedNonZeros?: number;
}

function checkNumber(value: number, what: string): number {
  if (Number.isNaN(value)) throw new EngineError("lp-not-a-number", `${what} is NaN`);
  return value;
}

/** Value of a scalar-or-series at hour t; NaN when the series is too short (the caller reports it). */
function seriesAt(value: LpSeriesValue | undefined, t: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  const v = value[t];
  return v === undefined ? NaN : v;
}

function checkSeriesLength(value: LpSeriesValue | undefined, hours: number, what: string): void {
  if (value !== undefined && typeof value !== "number" && value.length < hours) {
    throw new EngineError("lp-series-too-short", `${what} has ${value.length} values for ${hours} hours`);
  }
}

/** Creates an empty minimisation model builder. */
export function createLpBuilder(options: LpBuilderOptions = {}): LpBuilder {
  const colNames: string[] = [];
  const rowNames: string[] = [];
  // Names of single variables; hourly series are registered once per `<assetId>:<attribute>` (no per-hour map
  // entry, which keeps building a year-long model fast) and resolved arithmetically (start + t).
  const colIndexByName = new Map<string, number>();
  const seriesByKey = new Map<string, { start: number; count: number }>();
  /** `<assetId>:<attribute>` of single variables named with an hour index, to detect clashes with series. */
  const hourlySingles = new Set<string>();
  const rowIndexByName = new Map<string, number>();
  const colLower = new GrowableFloat64(options.expectedCols);
  const colUpper = new GrowableFloat64(options.expectedCols);
  const colCost = new GrowableFloat64(options.expectedCols);
  const colInteger = new GrowableInt32(options.expectedCols);
  const rowLower = new GrowableFloat64(options.expectedRows);
  const rowUpper = new GrowableFloat64(options.expectedRows);
  // Non-zeros in coordinate form, appended row by row; converted to CSC in build().
  const nzRow = new GrowableInt32(options.expectedNonZeros);
  const nzCol = new GrowableInt32(options.expectedNonZeros);
  const nzValue = new GrowableFloat64(options.expectedNonZeros);
  // Per column: 1 + row index of the last constraint that touched it, and where (merges repeated terms).
  const lastRowOfCol = new GrowableInt32(options.expectedCols);
  const lastNzOfCol = new GrowableInt32(options.expectedCols);
  let objectiveOffset = 0;

  function findColumnByName(name: string): number | undefined {
    const single = colIndexByName.get(name);
    if (single !== undefined) return single;
    const parsed = parseLpName(name);
    if (parsed?.t === undefined) return undefined;
    const series = seriesByKey.get(lpName(parsed.assetId, parsed.attribute));
    return series && parsed.t < series.count ? series.start + parsed.t : undefined;
  }

  function pushColumn(name: string, lb: number, ub: number, cost: number, integer: boolean): number {
    // Messages are built only when a check fails: this runs for every column of a year-long model.
    if (Number.isNaN(lb) || Number.isNaN(ub)) {
      throw new EngineError("lp-not-a-number", `bounds of ${name} are [${lb}, ${ub}]`);
    }
    if (lb === Infinity || ub === -Infinity) {
      throw new EngineError("lp-bad-bound", `bounds of ${name} are [${lb}, ${ub}]`);
    }
    if (!Number.isFinite(cost)) {
      throw new EngineError(
        Number.isNaN(cost) ? "lp-not-a-number" : "lp-bad-cost",
        `cost of ${name} is ${cost}`,
      );
    }
    const index = colNames.length;
    colNames.push(name);
    colLower.push(lb);
    colUpper.push(ub);
    colCost.push(cost);
    colInteger.push(integer ? 1 : 0);
    lastRowOfCol.push(0);
    lastNzOfCol.push(0);
    return index;
  }

  function checkColumn(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= colNames.length) {
      throw new EngineError("unknown-lp-column", `column index ${index} is out of range`);
    }
  }

  function addRow(
    name: string,
    indices: ArrayLike<number>,
    coefs: ArrayLike<number>,
    lbIn: number | undefined,
    ubIn: number | undefined,
    count: number = indices.length,
  ): number {
    checkContractName(name, "constraint");
    const lb = lbIn ?? -Infinity;
    const ub = ubIn ?? Infinity;
    if (Number.isNaN(lb) || Number.isNaN(ub)) {
      throw new EngineError("lp-not-a-number", `constraint ${name} has bounds [${lb}, ${ub}]`);
    }
    if (lb === Infinity || ub === -Infinity || (lb === -Infinity && ub === Infinity)) {
      throw new EngineError("lp-bad-bound", `constraint ${name} has bounds [${lb}, ${ub}]`);
    }
    if (rowIndexByName.has(name)) {
      throw new EngineError("duplicate-lp-name", `constraint ${name} already exists`);
    }
    const row = rowNames.length;
    const mark = row + 1;
    for (let i = 0; i < count; i++) {
      const index = indices[i] as number;
      const coef = coefs[i] as number;
      checkColumn(index);
      if (!Number.isFinite(coef)) {
        throw new EngineError("lp-bad-coefficient", `coefficient of column ${index} in ${name} is ${coef}`);
      }
      if (lastRowOfCol.get(index) === mark) {
        const k = lastNzOfCol.get(index);
        nzValue.set(k, nzValue.get(k) + coef);
      } else {
        lastRowOfCol.set(index, mark);
        lastNzOfCol.set(index, nzValue.length);
        nzRow.push(row);
        nzCol.push(index);
        nzValue.push(coef);
      }
    }
    rowIndexByName.set(name, row);
    rowNames.push(name);
    rowLower.push(lb);
    rowUpper.push(ub);
    return row;
  }

  function checkContractName(name: string, what: "variable" | "constraint"): void {
    if (!isLpName(name)) {
      throw new EngineError(
        "invalid-lp-name",
        `${what} name ${JSON.stringify(name)} does not follow <assetId>:<attribute>[t]`,
      );
    }
  }

  return {
    get numCols() {
      return colNames.length;
    },
    get numRows() {
      return rowNames.length;
    },

    addVariable(spec) {
      const { name } = spec;
      checkContractName(name, "variable");
      if (findColumnByName(name) !== undefined) {
        throw new EngineError("duplicate-lp-name", `variable ${name} already exists`);
      }
      const index = pushColumn(
        name,
        spec.lb ?? 0,
        spec.ub ?? Infinity,
        spec.cost ?? 0,
        spec.integer ?? false,
      );
      colIndexByName.set(name, index);
      const parsed = parseLpName(name);
      if (parsed?.t !== undefined) hourlySingles.add(lpName(parsed.assetId, parsed.attribute));
      return index;
    },

    addVariables(assetId, attribute, hours, spec = {}) {
      if (!Number.isInteger(hours) || hours < 0) {
        throw new EngineError("lp-bad-hours", `hours must be a whole number ≥ 0, got ${hours}`);
      }
      checkContractName(lpName(assetId, attribute, 0), "variable");
      const key = lpName(assetId, attribute);
      if (seriesByKey.has(key) || hourlySingles.has(key)) {
        throw new EngineError("duplicate-lp-name", `variables ${key}[t] already exist`);
      }
      checkSeriesLength(spec.lb, hours, `lb of ${key}`);
      checkSeriesLength(spec.ub, hours, `ub of ${key}`);
      checkSeriesLength(spec.cost, hours, `cost of ${key}`);
      const start = colNames.length;
      const integer = spec.integer ?? false;
      for (let t = 0; t < hours; t++) {
        pushColumn(
          lpName(assetId, attribute, t),
          seriesAt(spec.lb, t, 0),
          seriesAt(spec.ub, t, Infinity),
          seriesAt(spec.cost, t, 0),
          integer,
        );
      }
      seriesByKey.set(key, { start, count: hours });
      return start;
    },

    addConstraint(spec) {
      const { terms } = spec;
      const indices = new Array<number>(terms.length);
      const coefs = new Array<number>(terms.length);
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i] as LpTerm;
        indices[i] = term[0];
        coefs[i] = term[1];
      }
      return addRow(spec.name, indices, coefs, spec.lb, spec.ub);
    },

    addConstraintArrays(name, indices, coefs, lb, ub, count) {
      if (count !== undefined) {
        if (!Number.isInteger(count) || count < 0 || count > indices.length || count > coefs.length) {
          throw new EngineError(
            "lp-terms-length",
            `constraint ${name}: count ${count} does not fit the arrays`,
          );
        }
        return addRow(name, indices, coefs, lb, ub, count);
      }
      if (indices.length !== coefs.length) {
        throw new EngineError(
          "lp-terms-length",
          `constraint ${name}: ${indices.length} indices, ${coefs.length} coefficients`,
        );
      }
      return addRow(name, indices, coefs, lb, ub);
    },

    addObjectiveTerm(index, coef) {
      checkColumn(index);
      if (!Number.isFinite(coef)) throw new EngineError("lp-bad-cost", `objective term ${coef}`);
      colCost.set(index, colCost.get(index) + coef);
    },

    addObjectiveConstant(value) {
      if (!Number.isFinite(value)) throw new EngineError("lp-bad-cost", `objective constant ${value}`);
      objectiveOffset += value;
    },

    variableIndex: findColumnByName,
    constraintIndex: (name) => rowIndexByName.get(name),
    variableSeries: (assetId, attribute) => seriesByKey.get(lpName(assetId, attribute)),

    setVariableBounds(index, lb, ub) {
      checkColumn(index);
      checkNumber(lb, "lb");
      checkNumber(ub, "ub");
      if (lb === Infinity || ub === -Infinity) {
        throw new EngineError("lp-bad-bound", `bounds [${lb}, ${ub}] for column ${index}`);
      }
      colLower.set(index, lb);
      colUpper.set(index, ub);
    },

    build() {
      const numCols = colNames.length;
      const numRows = rowNames.length;
      const total = nzValue.length;
      // Counting sort of the coordinate entries by column. Entries were appended in increasing row order,
      // so row indices come out increasing inside each column. Explicit zeros are dropped.
      const colStart = new Int32Array(numCols + 1);
      for (let k = 0; k < total; k++) {
        if (nzValue.get(k) !== 0) colStart[nzCol.get(k) + 1]!++;
      }
      for (let j = 0; j < numCols; j++) colStart[j + 1]! += colStart[j]!;
      const nonZeros = colStart[numCols]!;
      const rowIndex = new Int32Array(nonZeros);
      const value = new Float64Array(nonZeros);
      const next = colStart.slice(0, numCols);
      for (let k = 0; k < total; k++) {
        const v = nzValue.get(k);
        if (v === 0) continue;
        const p = next[nzCol.get(k)]!++;
        rowIndex[p] = nzRow.get(k);
        value[p] = v;
      }
      return {
        sense: "min",
        numCols,
        numRows,
        colNames: colNames.slice(),
        rowNames: rowNames.slice(),
        colLower: colLower.toArray(),
        colUpper: colUpper.toArray(),
        colCost: colCost.toArray(),
        colInteger: Uint8Array.from(colInteger.toArray()),
        rowLower: rowLower.toArray(),
        rowUpper: rowUpper.toArray(),
        matrix: { colStart, rowIndex, value },
        objectiveOffset,
        columnSeries: new Map(seriesByKey),
      };
    },
  };
}
