import { USE_TYPES, USE_TYPE_IDS, isBuiltInUseType } from "./catalogue/use-types.js";
import { WEATHER_DATASETS } from "./catalogue/weather-datasets.js";
import { suggestion } from "./did-you-mean.js";
import { CAPACITY_MEANING, type AssetKind } from "./model/assets.js";
import { fullYearHours } from "./model/timeline.js";
import { type PathSegment, formatPath } from "./path.js";
import type { Issue, IssueSeverity } from "./result.js";

// Cross-field and cross-reference checks. They run on the raw (migrated, unvalidated) input and read it
// defensively, so that they report their problems together with the schema's, even when other parts of
// the model are malformed.

/** Options of `parseDistrict` that reach beyond the model itself. */
export interface ParseOptions {
  /** Tells whether a file referenced by the model exists (path relative to the model file). */
  fileExists?: (relativePath: string) => boolean;
}

type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec | undefined =>
  x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Rec) : undefined;
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);
const numOf = (x: unknown): number | undefined =>
  typeof x === "number" && Number.isFinite(x) ? x : undefined;

interface Context {
  raw: Rec;
  options: ParseOptions;
  stakeholderIds: string[];
  groupIds: string[];
  assetIds: string[];
  customUseTypes: string[];
}

function mk(
  severity: IssueSeverity,
  code: string,
  path: readonly PathSegment[],
  message: string,
  value?: unknown,
  expected?: string,
): Issue {
  const i: Issue = { code, severity, path: formatPath(path), message };
  if (value !== undefined) i.value = value;
  if (expected !== undefined) i.expected = expected;
  return i;
}

/** A semantic rule: a stable code, what it checks, and the check. */
export interface SemanticCheck {
  name: string;
  description: string;
  run(ctx: Context): Issue[];
}

function ids(list: unknown): string[] {
  return arr(list).flatMap((x) => {
    const s = str(rec(x)?.["id"]);
    return s === undefined ? [] : [s];
  });
}

function checkReference(
  path: PathSegment[],
  value: unknown,
  known: string[],
  what: string,
  code = "unknown-reference",
): Issue[] {
  const v = str(value);
  if (v === undefined || known.includes(v)) return [];
  const hint = suggestion(v, known);
  const expected = known.length > 0 ? `the id of a ${what}` : `the id of a ${what} (none defined)`;
  return [mk("error", code, path, `refers to unknown ${what} "${v}"${hint}`, v, expected)];
}

const duplicateIds: SemanticCheck = {
  name: "duplicate-id",
  description:
    "Ids are unique: stakeholders, custom use types, and building groups and assets together (one namespace, as they name LP variables).",
  run(ctx) {
    const out: Issue[] = [];
    const seen = (section: string[], label: string) => {
      const first = new Map<string, string>();
      for (const key of section) {
        for (const [i, item] of arr(ctx.raw[key]).entries()) {
          const id = str(rec(item)?.["id"]);
          if (id === undefined) continue;
          const at = formatPath([key, i]);
          const prev = first.get(id);
          if (prev !== undefined)
            out.push(
              mk(
                "error",
                "duplicate-id",
                [key, i, "id"],
                `"${id}" is already used by ${prev}`,
                id,
                `a ${label} id not used before`,
              ),
            );
          else first.set(id, at);
        }
      }
    };
    seen(["stakeholders"], "stakeholder");
    seen(["useTypes"], "use type");
    seen(["buildingGroups", "assets"], "building group or asset");
    for (const [i, u] of arr(ctx.raw["useTypes"]).entries()) {
      const id = str(rec(u)?.["id"]);
      if (id !== undefined && isBuiltInUseType(id))
        out.push(
          mk(
            "error",
            "duplicate-id",
            ["useTypes", i, "id"],
            `"${id}" is a built-in use type; choose another id`,
            id,
          ),
        );
    }
    const years = new Map<number, number>();
    for (const [i, t] of arr(ctx.raw["targets"]).entries()) {
      const y = numOf(rec(t)?.["year"]);
      if (y === undefined) continue;
      const prev = years.get(y);
      if (prev !== undefined)
        out.push(
          mk(
            "error",
            "duplicate-year",
            ["targets", i, "year"],
            `${y} already has a target (targets[${prev}])`,
            y,
          ),
        );
      else years.set(y, i);
    }
    return out;
  },
};

const references: SemanticCheck = {
  name: "unknown-reference",
  description:
    "Owners name stakeholders; use types exist; asset locations name building groups; heat pumps name waste-heat sources.",
  run(ctx) {
    const out: Issue[] = [];
    const useTypes = [...USE_TYPE_IDS, ...ctx.customUseTypes];
    for (const [i, g] of arr(ctx.raw["buildingGroups"]).entries()) {
      const r = rec(g);
      if (r === undefined) continue;
      out.push(
        ...checkReference(["buildingGroups", i, "owner"], r["owner"], ctx.stakeholderIds, "stakeholder"),
      );
      out.push(
        ...checkReference(
          ["buildingGroups", i, "useType"],
          r["useType"],
          useTypes,
          "use type",
          "unknown-use-type",
        ),
      );
    }
    const wasteHeat = arr(ctx.raw["assets"]).flatMap((a) => {
      const r = rec(a);
      const id = str(r?.["id"]);
      return r?.["kind"] === "wasteHeatSource" && id !== undefined ? [id] : [];
    });
    for (const [i, a] of arr(ctx.raw["assets"]).entries()) {
      const r = rec(a);
      if (r === undefined) continue;
      out.push(...checkReference(["assets", i, "owner"], r["owner"], ctx.stakeholderIds, "stakeholder"));
      if (r["location"] !== undefined)
        out.push(...checkReference(["assets", i, "location"], r["location"], ctx.groupIds, "building group"));
      if (r["kind"] === "heatPump") {
        if (r["wasteHeatSource"] !== undefined)
          out.push(
            ...checkReference(
              ["assets", i, "wasteHeatSource"],
              r["wasteHeatSource"],
              wasteHeat,
              "wasteHeatSource asset",
            ),
          );
        else if (r["source"] === "wasteHeat")
          out.push(
            mk(
              "warning",
              "missing-reference",
              ["assets", i, "wasteHeatSource"],
              "a waste-heat heat pump should name its wasteHeatSource asset; the engine will assume an unlimited source",
            ),
          );
      }
    }
    return out;
  },
};

const capacities: SemanticCheck = {
  name: "capacity",
  description:
    "Fixed assets give `capacity`; extendable ones give `capacityMax` and `costInvest`; min <= capacity <= max; storage gives `powerCapacity` and a consistent state-of-charge window.",
  run(ctx) {
    const out: Issue[] = [];
    for (const [i, a] of arr(ctx.raw["assets"]).entries()) {
      const r = rec(a);
      const kind = str(r?.["kind"]);
      if (r === undefined || kind === undefined || !(kind in CAPACITY_MEANING)) continue;
      const { unit, meaning } = CAPACITY_MEANING[kind as AssetKind];
      const p = (k: string): PathSegment[] => ["assets", i, k];
      const extendable = r["extendable"] === true;
      const cap = numOf(r["capacity"]);
      const min = numOf(r["capacityMin"]);
      const max = numOf(r["capacityMax"]);
      if (!extendable) {
        if (r["capacity"] === undefined)
          out.push(
            mk(
              "error",
              "missing-capacity",
              p("capacity"),
              `is required (${meaning}, ${unit}) unless the asset is extendable`,
              undefined,
              `a number in ${unit}`,
            ),
          );
        for (const k of ["capacityMin", "capacityMax"])
          if (r[k] !== undefined)
            out.push(mk("warning", "ignored-field", p(k), "is only used when extendable: true", r[k]));
      } else {
        if (r["capacityMax"] === undefined)
          out.push(
            mk(
              "error",
              "missing-capacity-max",
              p("capacityMax"),
              `is required for an extendable asset (upper bound of ${meaning}, ${unit})`,
              undefined,
              `a number in ${unit}`,
            ),
          );
        if (r["costInvest"] === undefined)
          out.push(
            mk(
              "error",
              "missing-cost",
              p("costInvest"),
              "is required for an extendable asset (the optimiser weighs it against operating costs)",
            ),
          );
        else if (r["lifetime"] === undefined)
          out.push(
            mk(
              "error",
              "missing-lifetime",
              p("lifetime"),
              "is required when costInvest is given for an extendable asset (to annualise the investment)",
            ),
          );
        if (min !== undefined && max !== undefined && min > max)
          out.push(
            mk(
              "error",
              "inconsistent-range",
              p("capacityMin"),
              `must be <= capacityMax (${max} ${unit}), got ${min} ${unit}`,
              min,
              `<= ${max} ${unit}`,
            ),
          );
        if (cap !== undefined && ((min !== undefined && cap < min) || (max !== undefined && cap > max)))
          out.push(
            mk(
              "error",
              "inconsistent-range",
              p("capacity"),
              `must lie within capacityMin..capacityMax (${min ?? 0}..${max} ${unit}), got ${cap} ${unit}`,
              cap,
            ),
          );
      }
      if (kind === "battery" || kind === "thermalStorage") {
        if (r["powerCapacity"] === undefined)
          out.push(
            mk(
              "error",
              "missing-capacity",
              p("powerCapacity"),
              "is required for storage (charge/discharge limit, kW)",
              undefined,
              "a number in kW",
            ),
          );
        const lo = numOf(r["stateOfChargeMin"]) ?? 0;
        const hi = numOf(r["stateOfChargeMax"]) ?? 1;
        const init = numOf(r["stateOfChargeInitial"]) ?? 0.5;
        if (lo >= hi)
          out.push(
            mk(
              "error",
              "inconsistent-range",
              p("stateOfChargeMin"),
              `must be < stateOfChargeMax (${hi}), got ${lo}`,
              lo,
              `< ${hi}`,
            ),
          );
        else if (init < lo || init > hi)
          out.push(
            mk(
              "error",
              "inconsistent-range",
              p("stateOfChargeInitial"),
              `must lie within ${lo}..${hi}, got ${init}`,
              init,
              `${lo}..${hi}`,
            ),
          );
      }
    }
    return out;
  },
};

const weatherRef: SemanticCheck = {
  name: "unknown-dataset",
  description: "A weather `dataset` names a shipped data set.",
  run(ctx) {
    const ds = str(rec(ctx.raw["weather"])?.["dataset"]);
    if (ds === undefined || WEATHER_DATASETS.includes(ds)) return [];
    return [
      mk(
        "error",
        "unknown-dataset",
        ["weather", "dataset"],
        `"${ds}" is not a shipped weather data set${suggestion(ds, WEATHER_DATASETS)}`,
        ds,
        `one of ${WEATHER_DATASETS.join(", ")}`,
      ),
    ];
  },
};

/** Every file the model refers to (weather file, CSV series), with its path in the model. */
export function collectFileReferences(raw: unknown): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  const weatherFile = str(rec(rec(raw)?.["weather"])?.["file"]);
  if (weatherFile !== undefined) out.push({ path: "weather.file", file: weatherFile });
  walk(raw, [], (node, path) => {
    const csv = str(node["csv"]);
    if (csv !== undefined) out.push({ path: formatPath([...path, "csv"]), file: csv });
  });
  return out;
}

function walk(
  node: unknown,
  path: PathSegment[],
  visit: (n: Rec, path: PathSegment[]) => void,
  depth = 0,
): void {
  if (depth > 64) return;
  if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i], visit, depth + 1));
  else {
    const r = rec(node);
    if (r === undefined) return;
    visit(r, path);
    for (const [k, v] of Object.entries(r))
      if (typeof v === "object" && v !== null) walk(v, [...path, k], visit, depth + 1);
  }
}

const files: SemanticCheck = {
  name: "missing-file",
  description: "Files referenced by the model (weather file, CSV series) exist, when the caller can tell.",
  run(ctx) {
    const exists = ctx.options.fileExists;
    if (exists === undefined) return [];
    return collectFileReferences(ctx.raw).flatMap(({ path, file }) => {
      let found = false;
      try {
        found = exists(file);
      } catch {
        found = false;
      }
      return found
        ? []
        : [
            {
              code: "missing-file",
              severity: "error" as const,
              path,
              message: `file "${file}" not found (paths are relative to the model file)`,
              value: file,
            },
          ];
    });
  },
};

const seriesLengths: SemanticCheck = {
  name: "wrong-length",
  description: "Inline hourly series have exactly `timeline.hours` values.",
  run(ctx) {
    const tl = rec(ctx.raw["timeline"]);
    const start = str(tl?.["start"]);
    const hours = numOf(tl?.["hours"]) ?? (start !== undefined ? fullYearHours(start) : undefined);
    if (hours === undefined) return [];
    const out: Issue[] = [];
    walk(ctx.raw, [], (node, path) => {
      const h = node["hourly"];
      if (Array.isArray(h) && h.length !== hours && h.length > 0)
        out.push(
          mk(
            "error",
            "wrong-length",
            [...path, "hourly"],
            `must have ${hours} values (timeline.hours), got ${h.length}`,
            undefined,
            `${hours} values`,
          ),
        );
    });
    return out;
  },
};

const buildings: SemanticCheck = {
  name: "buildings",
  description:
    "Heated use types have heated floor area > 0; E-values of buildings completed from 2018 respect the decree 1010/2017 limit (warning).",
  run(ctx) {
    const out: Issue[] = [];
    const custom = new Map(
      arr(ctx.raw["useTypes"]).flatMap((u) => {
        const r = rec(u);
        const id = str(r?.["id"]);
        return id === undefined ? [] : [[id, r?.["heated"] !== false] as const];
      }),
    );
    for (const [i, g] of arr(ctx.raw["buildingGroups"]).entries()) {
      const r = rec(g);
      const useType = str(r?.["useType"]);
      if (r === undefined || useType === undefined) continue;
      const heated = isBuiltInUseType(useType) ? USE_TYPES[useType].heated : custom.get(useType);
      const area = numOf(r["heatedFloorArea"]);
      if (heated === true && area === 0)
        out.push(
          mk(
            "error",
            "out-of-range",
            ["buildingGroups", i, "heatedFloorArea"],
            `must be > 0 m2 for the heated use type ${useType}, got 0`,
            0,
            "> 0 m2",
          ),
        );
      if (heated === false && area === 0 && r["grossFloorArea"] === undefined)
        out.push(
          mk(
            "warning",
            "missing-area",
            ["buildingGroups", i, "grossFloorArea"],
            "should be given for an unheated group (its electricity demand scales with it)",
          ),
        );
      const e = numOf(rec(r["ePerformance"])?.["eValue"]);
      const year = numOf(r["yearCompleted"]);
      const limit = isBuiltInUseType(useType) ? USE_TYPES[useType].eValueLimit : undefined;
      if (e !== undefined && limit !== undefined && year !== undefined && year >= 2018 && e > limit)
        out.push(
          mk(
            "warning",
            "e-value-above-limit",
            ["buildingGroups", i, "ePerformance", "eValue"],
            `${e} kWh/m2a exceeds the limit ${limit} kWh/m2a for a new ${useType} (decree 1010/2017)`,
            e,
            `<= ${limit} kWh/m2a`,
          ),
        );
    }
    return out;
  },
};

const CARRIER_OF: Partial<Record<AssetKind, "electricity" | "districtHeating" | "districtCooling">> = {
  gridConnection: "electricity",
  districtHeating: "districtHeating",
  districtCooling: "districtCooling",
};

const emissionFactors: SemanticCheck = {
  name: "missing-emission-factor",
  description:
    "Each carrier imported through a connection has an emission factor (warning; the engine counts 0 otherwise).",
  run(ctx) {
    const ef = rec(ctx.raw["emissionFactors"]) ?? {};
    const out: Issue[] = [];
    const reported = new Set<string>();
    for (const a of arr(ctx.raw["assets"])) {
      const r = rec(a);
      const carrier = CARRIER_OF[str(r?.["kind"]) as AssetKind];
      if (
        carrier === undefined ||
        reported.has(carrier) ||
        r?.["emissionFactor"] !== undefined ||
        ef[carrier] !== undefined
      )
        continue;
      reported.add(carrier);
      out.push(
        mk(
          "warning",
          "missing-emission-factor",
          ["emissionFactors", carrier],
          `is not given although the district imports ${carrier}; emissions will be counted as 0`,
        ),
      );
    }
    return out;
  },
};

/** The semantic rules, run in this order. */
export const SEMANTIC_CHECKS: readonly SemanticCheck[] = [
  duplicateIds,
  references,
  capacities,
  weatherRef,
  files,
  seriesLengths,
  buildings,
  emissionFactors,
];

/** Runs every semantic rule on a raw model. Never throws. */
export function runSemanticChecks(raw: Rec, options: ParseOptions = {}): Issue[] {
  const ctx: Context = {
    raw,
    options,
    stakeholderIds: ids(raw["stakeholders"]),
    groupIds: ids(raw["buildingGroups"]),
    assetIds: ids(raw["assets"]),
    customUseTypes: ids(raw["useTypes"]),
  };
  const out: Issue[] = [];
  for (const check of SEMANTIC_CHECKS) {
    try {
      out.push(...check.run(ctx));
    } catch (e) {
      out.push({
        code: "internal-error",
        severity: "error",
        path: "",
        message: `check ${check.name} failed: ${String(e)}`,
      });
    }
  }
  return out;
}
