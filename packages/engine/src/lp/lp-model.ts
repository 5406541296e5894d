/**
 * The immutable linear (or mixed-integer) programme produced by `LpBuilder.build()`.
 *
 *   minimise    cᵀx + objectiveOffset
 *   subject to  rowLower ≤ A x ≤ rowUpper
 *               colLower ≤ x ≤ colUpper,  x_j integer where colInteger[j] = 1
 *
 * `A` is stored in compressed sparse column (CSC) form: the entries of column j are
 * `matrix.rowIndex[k]`, `matrix.value[k]` for k in [colStart[j], colStart[j + 1]), with row indices
 * strictly increasing inside a column and no explicit zeros. Infinite bounds are IEEE ±Infinity.
 * Column and row names follow the naming contract `<assetId>:<attribute>[t]` (see `lp-names.ts`) and are
 * unique within columns and within rows; results are read back by them.
 */
export interface LpModel {
  /** Objective sense; the platform only minimises (costs in EUR, or a weighted objective). */
  readonly sense: "min";
  readonly numCols: number;
  readonly numRows: number;
  readonly colNames: readonly string[];
  readonly rowNames: readonly string[];
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** Objective coefficient per column. */
  readonly colCost: Float64Array;
  /** 1 where the column is integer, else 0. */
  readonly colInteger: Uint8Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: LpMatrixCsc;
  /** Constant added to the objective. */
  readonly objectiveOffset: number;
  /**
   * Hourly variable series by `<assetId>:<attribute>`: column of hour t is `start + t`. Lets results be read
   * back by name without hashing every column name. Optional: a hand-made model may omit it.
   */
  readonly columnSeries?: ReadonlyMap<string, LpSeriesRange>;
}

/** Columns `start .. start + count − 1` are `<assetId>:<attribute>[0 .. count − 1]`. */
export interface LpSeriesRange {
  readonly start: number;
  readonly count: number;
}

/** Compressed sparse column storage of the constraint matrix. */
export interface LpMatrixCsc {
  /** Length numCols + 1; colStart[0] = 0, colStart[numCols] = number of non-zeros. */
  readonly colStart: Int32Array;
  /** Row index of each non-zero, length = number of non-zeros. */
  readonly rowIndex: Int32Array;
  /** Coefficient of each non-zero. */
  readonly value: Float64Array;
}

/** Number of non-zeros of the constraint matrix. */
export function countNonZeros(model: LpModel): number {
  return model.matrix.value.length;
}

/** True when at least one column is integer (the model is a MIP). */
export function hasIntegerColumns(model: LpModel): boolean {
  return model.colInteger.some((flag) => flag !== 0);
}
