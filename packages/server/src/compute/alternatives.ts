import {
  alternatives,
  DEFAULT_DIRECTIONS,
  type AlternativeDirection,
  type CapacityGroup,
  type Network,
} from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { districtNetwork, jobSolver } from "./district-network.js";
import { indicatorsOf, type Indicators } from "./indicators.js";
import { RunInputError, type ProgressCallback } from "./run-scenario.js";

/** Options of an alternatives analysis (the query of GET /versions/{versionId}/alternatives; a run's options). */
export interface AlternativesRequest {
  /** Cost may exceed the optimum by this fraction (0..0.5). */
  readonly slack: number;
  /** Alternatives besides the optimum (1..8). */
  readonly count: number;
  /** Typical days the year is aggregated to for the optimisation (1..60); KPIs replay the full year. */
  readonly typicalDays: number;
}

export interface AlternativePlanDto {
  readonly name: string;
  readonly direction: AlternativeDirection | null;
  readonly status: string;
  readonly costEur: number | null;
  /** Fraction over the optimum. */
  readonly costIncrease: number | null;
  /** Sized capacity per group: PV kWp, heat pumps kW, storage kWh, off-site kW. */
  readonly totals: Readonly<Record<CapacityGroup, number>>;
  readonly capacities: Readonly<Record<string, { value: number; unit: "kW" | "kWp" | "kWh" }>>;
  /** Indicators of the plan's full-year rule-based replay. */
  readonly indicators: Indicators | null;
}

/** The result of an alternatives run (its stored summary and the body of the endpoint). */
export interface AlternativesDto {
  readonly status: string;
  readonly slack: number;
  readonly typicalDays: number;
  readonly optimumEur: number | null;
  readonly plans: readonly AlternativePlanDto[];
}

/** Reads an alternatives request from a run's options (as stored by the alternatives endpoint). */
export function alternativesRequestOf(options: Readonly<Record<string, unknown>>): AlternativesRequest {
  const { slack = 0.05, count = 4, typicalDays = 4 } = options;
  const issues: { path: string; message: string }[] = [];
  if (typeof slack !== "number" || !(slack >= 0 && slack <= 0.5))
    issues.push({ path: "options.slack", message: "a fraction 0..0.5" });
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 8)
    issues.push({ path: "options.count", message: "an integer 1..8" });
  if (
    typeof typicalDays !== "number" ||
    !Number.isInteger(typicalDays) ||
    typicalDays < 1 ||
    typicalDays > 60
  )
    issues.push({ path: "options.typicalDays", message: "an integer 1..60" });
  if (issues.length > 0) throw new RunInputError("invalid options", issues);
  return { slack: slack as number, count: count as number, typicalDays: typicalDays as number };
}

/** True when the optimiser has anything to size: an extendable PV, heat pump, storage or off-site contract. */
export function hasSizableAssets(network: Network): boolean {
  return [network.sources, network.converters, network.storages, network.offsite].some((list) =>
    list.some((x) => x.extendable !== undefined),
  );
}

/** The groups that have an extendable asset (the directions that apply). */
function sizableGroups(network: Network): Set<CapacityGroup> {
  const groups = new Set<CapacityGroup>();
  if (network.sources.some((x) => x.extendable)) groups.add("pv");
  if (network.converters.some((x) => x.extendable)) groups.add("heatPump");
  if (network.storages.some((x) => x.extendable)) groups.add("storage");
  if (network.offsite.some((x) => x.extendable)) groups.add("offsite");
  return groups;
}

/**
 * Modelling to generate alternatives inside a job: the plan-mode optimum on typical days, then up to `count`
 * plans within `slack` of its cost that push one group's capacity down or up (engine `alternatives`), each
 * replayed on the full year for its indicators. Throws RunInputError `nothing-to-size` when no asset is extendable.
 */
export async function computeAlternatives(
  model: unknown,
  request: AlternativesRequest,
  onProgress: ProgressCallback = () => undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<AlternativesDto> {
  onProgress(0.02, "building the energy network");
  const { network } = districtNetwork(model);
  if (!hasSizableAssets(network))
    throw new RunInputError(
      "nothing to size",
      [
        {
          path: "assets",
          message: "no extendable asset: mark a PV, heat pump, storage or off-site contract extendable",
        },
      ],
      "nothing-to-size",
    );
  if (signal.aborted) throw signal.reason ?? new Error("aborted");
  const groups = sizableGroups(network);
  const directions = DEFAULT_DIRECTIONS.filter((d) => groups.has(d.group)).slice(0, request.count).length;
  // The optimum, then two solves per alternative (push the group, then the cheapest plan holding that total).
  const expected = 1 + 2 * directions;
  let solved = 0;
  const solver = jobSolver(createHighsSolver(), signal, () => {
    solved += 1;
    onProgress(0.05 + 0.9 * Math.min(1, solved / expected), `plans solved: ${solved} of ${expected}`);
  });
  onProgress(0.05, "optimising the plan");
  try {
    const r = await alternatives(network, solver, {
      slack: request.slack,
      count: request.count,
      typicalDays: request.typicalDays,
    });
    onProgress(1, "done");
    return {
      status: r.status,
      slack: r.slack,
      typicalDays: request.typicalDays,
      optimumEur: r.optimumEur ?? null,
      plans: r.plans.map((p) => ({
        name: p.name,
        direction: p.direction ? { group: p.direction.group, sense: p.direction.sense } : null,
        status: p.status,
        costEur: p.costEur ?? null,
        costIncrease: p.costIncrease ?? null,
        totals: { ...p.totals },
        capacities: Object.fromEntries(
          Object.entries(p.capacities).map(([id, c]) => [id, { value: c.value, unit: c.unit }]),
        ),
        indicators: p.kpis ? indicatorsOf({ kpis: p.kpis }) : null,
      })),
    };
  } finally {
    await solver.dispose();
  }
}
