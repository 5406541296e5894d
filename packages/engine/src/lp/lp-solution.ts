import { EngineError } from "../errors.js";
import type { LpModel } from "./lp-model.js";
import { lpName, parseLpName } from "./lp-names.js";
import type { SolveResult } from "./solver-port.js";

const columnMaps = new WeakMap<LpModel, Map<string, number>>();
const rowMaps = new WeakMap<LpModel, Map<string, number>>();

function indexMap(
  cache: WeakMap<LpModel, Map<string, number>>,
  model: LpModel,
  names: readonly string[],
): Map<string, number> {
  let map = cache.get(model);
  if (!map) {
    map = new Map();
    for (let i = 0; i < names.length; i++) map.set(names[i]!, i);
    cache.set(model, map);
  }
  return map;
}

/**
 * Column index of a variable name, or undefined. Hourly series names resolve through `model.columnSeries`
 * (arithmetic, no table); other names through a lookup table built once per model.
 */
export function findColumn(model: LpModel, name: string): number | undefined {
  if (model.columnSeries) {
    const parsed = parseLpName(name);
    if (parsed?.t !== undefined) {
      const range = model.columnSeries.get(lpName(parsed.assetId, parsed.attribute));
      if (range && parsed.t < range.count && model.colNames[range.start + parsed.t] === name) {
        return range.start + parsed.t;
      }
    }
  }
  return indexMap(columnMaps, model, model.colNames).get(name);
}

/** Column of hour t of the series `<assetId>:<attribute>`, without parsing or hashing hourly names. */
function seriesColumn(model: LpModel, assetId: string, attribute: string, t: number): number | undefined {
  const range = model.columnSeries?.get(lpName(assetId, attribute));
  if (range && t < range.count) return range.start + t;
  return findColumn(model, lpName(assetId, attribute, t));
}

/** Row index of a constraint name, or undefined. */
export function findRow(model: LpModel, name: string): number | undefined {
  return indexMap(rowMaps, model, model.rowNames).get(name);
}

/** A solved model's values, read back by contract name or by index. A separate value: the model is unchanged. */
export interface LpSolution {
  readonly objective: number;
  /** Value of the variable with this name; throws EngineError("unknown-lp-name") for an unknown name. */
  value(name: string): number;
  /** Value of column `index`. */
  valueAt(index: number): number;
  /** The hourly series `<assetId>:<attribute>[0..hours-1]`. */
  series(assetId: string, attribute: string, hours: number): Float64Array;
  /** Dual of the constraint with this name; undefined when the solver returned no duals (MIP). */
  dual(name: string): number | undefined;
  dualAt(index: number): number | undefined;
}

/**
 * Wraps a solve result for reading. Returns undefined when the result carries no primal values (infeasible,
 * unbounded, solver error, or a limit without a feasible point).
 */
export function readLpSolution(model: LpModel, result: SolveResult): LpSolution | undefined {
  const { primal, dual } = result;
  if (!primal || result.objective === undefined) return undefined;
  if (primal.length !== model.numCols) {
    throw new EngineError(
      "lp-solution-size",
      `primal has ${primal.length} values for ${model.numCols} columns`,
    );
  }
  const column = (name: string): number => {
    const j = findColumn(model, name);
    if (j === undefined) throw new EngineError("unknown-lp-name", `no variable named ${name}`);
    return j;
  };
  const valueAt = (index: number): number => {
    const v = primal[index];
    if (v === undefined) throw new EngineError("unknown-lp-column", `column index ${index} is out of range`);
    return v;
  };
  const dualAt = (index: number): number | undefined => {
    if (index < 0 || index >= model.numRows || !Number.isInteger(index)) {
      throw new EngineError("unknown-lp-row", `row index ${index} is out of range`);
    }
    return dual?.[index];
  };
  return {
    objective: result.objective,
    value: (name) => valueAt(column(name)),
    valueAt,
    series(assetId, attribute, hours) {
      const out = new Float64Array(hours);
      // Fast path: a registered series is a contiguous block of columns (one lookup, no per-hour names).
      const range = model.columnSeries?.get(lpName(assetId, attribute));
      if (range && hours <= range.count) {
        for (let t = 0; t < hours; t++) out[t] = primal[range.start + t] as number;
        return out;
      }
      for (let t = 0; t < hours; t++) {
        const j = seriesColumn(model, assetId, attribute, t);
        if (j === undefined)
          throw new EngineError("unknown-lp-name", `no variable named ${lpName(assetId, attribute, t)}`);
        out[t] = valueAt(j);
      }
      return out;
    },
    dual(name) {
      const i = findRow(model, name);
      if (i === undefined) throw new EngineError("unknown-lp-name", `no constraint named ${name}`);
      return dualAt(i);
    },
    dualAt,
  };
}
