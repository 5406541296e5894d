import { EngineError } from "../errors.js";
import type { Extendable, Network } from "../network/network.js";
import { createLpBuilder, type LpTerm } from "../lp/lp-builder.js";
import { readLpSolution } from "../lp/lp-solution.js";
import type { Solver, SolveOptions, SolveStatus } from "../lp/solver-port.js";
import { capitalRecoveryFactor } from "../kpi/finance.js";
import { formulate } from "./formulate.js";
import { describeSolve, type CapacityResult, type ProblemSize, type SolverRunInfo } from "./optimize.js";

/**
 * Multi-year investment pathway (docs/optimisation/formulation.md §pathway), in the style of PyPSA's
 * multi-investment-period optimisation: one representative year per period (e.g. the build-out years of
 * the district), investments `build[p]` in each period for every extendable asset, capacities carried
 * forward while the asset lives, and every cost discounted to the first period's year:
 *
 *   minimise  sum_q S_q (operation_q + fixed costs_q) + sum_p build_p c_p sum_{q active} S_q
 *   S_q = sum_{k=0}^{years_q - 1} (1 + r)^-(year_q + k - year_0)       (discounted years of period q)
 *   capacity_q = sum_{p <= q, year_q < year_p + lifetime} build_p      (within capacityMin/Max)
 * where c_p is the annuity (CRF x investment) plus fixed upkeep per unit. Targets apply per period.
 */
export interface PathwayPeriod {
  readonly year: number;
  /** Length of the period in years (until the next period, or the horizon). */
  readonly years: number;
  /** The representative network of this period (buildings and assets as built by then). */
  readonly network: Network;
  readonly hourWeights?: Float64Array;
  readonly dayMapping?: Int32Array;
  readonly hourMonths?: Uint8Array;
  readonly monthSteps?: readonly { readonly month: number; readonly steps: readonly number[] }[];
}

export interface PathwayPeriodResult {
  readonly year: number;
  readonly years: number;
  /** Discounted years S_q. */
  readonly discountedYears: number;
  /** Capacity of every extendable asset in this period. */
  readonly capacities: Readonly<Record<string, CapacityResult>>;
  /** New capacity built at the start of this period. */
  readonly builds: Readonly<Record<string, number>>;
}

export interface PathwayResult {
  readonly status: SolveStatus;
  /** Net present cost of the pathway, EUR (discounted to the first period's year). */
  readonly objectiveEur?: number;
  readonly periods: readonly PathwayPeriodResult[];
  readonly message?: string;
  readonly solver: SolverRunInfo;
  readonly problem: ProblemSize;
}

/** A copy of a network with every element id prefixed (so periods share one LP without name clashes). */
export function prefixNetworkIds(network: Network, prefix: string): Network {
  const p = (id: string): string => `${prefix}${id}`;
  return {
    ...network,
    loads: network.loads.map((x) => ({ ...x, id: p(x.id) })),
    flexibleLoads: network.flexibleLoads.map((x) => ({ ...x, id: p(x.id) })),
    sources: network.sources.map((x) => ({ ...x, id: p(x.id) })),
    wasteHeat: network.wasteHeat.map((x) => ({ ...x, id: p(x.id) })),
    converters: network.converters.map((x) => ({ ...x, id: p(x.id), sourceId: x.sourceId && p(x.sourceId) })),
    storages: network.storages.map((x) => ({ ...x, id: p(x.id) })),
    grids: network.grids.map((x) => ({ ...x, id: p(x.id) })),
    offsite: network.offsite.map((x) => ({ ...x, id: p(x.id) })),
    targets: {
      ...network.targets,
      capacityLimits: network.targets.capacityLimits?.map((l) => ({ ...l, assetIds: l.assetIds.map(p) })),
    },
  };
}

function extendables(
  network: Network,
): Map<string, { extendable: Extendable; unit: CapacityResult["unit"] }> {
  const out = new Map<string, { extendable: Extendable; unit: CapacityResult["unit"] }>();
  for (const s of network.sources) if (s.extendable) out.set(s.id, { extendable: s.extendable, unit: "kWp" });
  for (const c of network.converters)
    if (c.extendable) out.set(c.id, { extendable: c.extendable, unit: "kW" });
  for (const s of network.storages)
    if (s.extendable) out.set(s.id, { extendable: s.extendable, unit: "kWh" });
  for (const o of network.offsite) if (o.extendable) out.set(o.id, { extendable: o.extendable, unit: "kW" });
  return out;
}

export async function optimizePathway(
  periods: readonly PathwayPeriod[],
  solver: Solver,
  options: { readonly solveOptions?: SolveOptions } = {},
): Promise<PathwayResult> {
  const sorted = [...periods].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  if (!first) throw new EngineError("no-periods", "periods: optimizePathway needs at least one period");
  const r = first.network.discountRate;
  const discounted = sorted.map((q) => {
    let s = 0;
    for (let k = 0; k < q.years; k++) s += Math.pow(1 + r, -(q.year + k - first.year));
    return s;
  });
  const lp = createLpBuilder();
  const ext = sorted.map((q) => extendables(q.network));
  // Build variables: for every extendable id and every period where it exists.
  const builds = new Map<string, Map<number, number>>();
  const unitOf = new Map<string, CapacityResult["unit"]>();
  sorted.forEach((q, qi) => {
    for (const [id, { extendable, unit }] of ext[qi] as Map<
      string,
      { extendable: Extendable; unit: CapacityResult["unit"] }
    >) {
      unitOf.set(id, unit);
      let activeScale = 0;
      sorted.forEach((q2, q2i) => {
        if (q2.year >= q.year && q2.year < q.year + extendable.lifetimeYears)
          activeScale += discounted[q2i] ?? 0;
      });
      const cost =
        (capitalRecoveryFactor(r, extendable.lifetimeYears) * extendable.investEurPerUnit +
          extendable.fixedEurPerUnitYear) *
        activeScale;
      const j = lp.addVariable({ name: `${id}:build[${qi}]`, cost });
      const m = builds.get(id) ?? new Map<number, number>();
      m.set(qi, j);
      builds.set(id, m);
    }
  });
  let constant = 0;
  const capacityNames: Map<string, string>[] = [];
  sorted.forEach((q, qi) => {
    const prefix = `p${q.year}/`;
    const names = new Map<string, string>();
    capacityNames.push(names);
    const part = formulate(prefixNetworkIds(q.network, prefix), {
      mode: "plan",
      builder: lp,
      namePrefix: prefix,
      costScale: discounted[qi] ?? 1,
      hourWeights: q.hourWeights,
      dayMapping: q.dayMapping,
      hourMonths: q.hourMonths,
      monthSteps: q.monthSteps,
      capacityColumn: (prefixedId, e) => {
        const id = prefixedId.slice(prefix.length);
        const name = `${prefixedId}:capacity`;
        const cap = lp.addVariable({ name, lb: e.capacityMin, ub: e.capacityMax });
        names.set(id, name);
        const terms: LpTerm[] = [[cap, 1]];
        for (const [pi, j] of builds.get(id) ?? []) {
          const p = sorted[pi] as PathwayPeriod;
          if (p.year <= q.year && q.year < p.year + e.lifetimeYears) terms.push([j, -1]);
        }
        lp.addConstraint({ name: `${prefixedId}:capacityLink`, terms, lb: 0, ub: 0 });
        return cap;
      },
    });
    constant += part.constantEur;
  });
  lp.addObjectiveConstant(constant);
  const model = lp.build();
  const solved = await solver.solve(model, options.solveOptions);
  const { solver: solverInfo, problem } = describeSolve(solver, solved, model);
  const solution = solved.status === "optimal" ? readLpSolution(model, solved) : undefined;
  if (!solution) {
    return {
      status: solved.status,
      periods: [],
      message: solved.message ?? `the solver ended with status ${solved.status}`,
      solver: solverInfo,
      problem,
    };
  }
  const clean = (v: number): number => (Math.abs(v) < 1e-9 ? 0 : v);
  return {
    status: "optimal",
    objectiveEur: solution.objective,
    periods: sorted.map((q, qi) => {
      const capacities: Record<string, CapacityResult> = {};
      for (const [id, name] of capacityNames[qi] ?? []) {
        capacities[id] = { value: clean(solution.value(name)), unit: unitOf.get(id) ?? "kW" };
      }
      const built: Record<string, number> = {};
      for (const [id, m] of builds) {
        const j = m.get(qi);
        if (j !== undefined) built[id] = clean(solution.valueAt(j));
      }
      return {
        year: q.year,
        years: q.years,
        discountedYears: discounted[qi] ?? 0,
        capacities,
        builds: built,
      };
    }),
    message: solved.message,
    solver: solverInfo,
    problem,
  };
}
