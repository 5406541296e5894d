import { analyzeCooperation, defaultPlayers, type CooperationMetric } from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { districtNetwork, jobSolver } from "./district-network.js";
import { RunInputError, type ProgressCallback } from "./run-scenario.js";

/** Options of a cooperation analysis (the query of GET /versions/{versionId}/cooperation; a run's options). */
export interface CooperationRequest {
  /** Typical days the year is aggregated to (default 4: a few seconds for six partners). */
  readonly typicalDays: number;
  readonly metric: CooperationMetric;
  /** Stakeholder ids; default every owner of a load or an asset. */
  readonly players?: readonly string[];
}

interface Figures {
  readonly costEur: number;
  readonly co2Kg: number;
  readonly positivityRatio: number | null;
}

/** One partner's row: what it would do alone, its fair share and its line of the settlement. */
export interface CooperationPartnerRow {
  readonly stakeholder: string;
  readonly alone: Figures;
  readonly shapleyEur: number;
  /** 95 % interval when the Shapley value was sampled. */
  readonly shapleyIntervalEur: readonly [number, number] | null;
  readonly proportionalEur: number;
  readonly settlement: {
    readonly standaloneEur: number;
    readonly shareEur: number;
    readonly targetEur: number;
    readonly jointCostEur: number;
    readonly transferEur: number;
  } | null;
}

/** The result of a cooperation run (its stored summary; the viewer's lens is applied when it is served). */
export interface CooperationDto {
  readonly metric: CooperationMetric;
  readonly method: "exact" | "sampled";
  readonly typicalDays: number;
  readonly players: readonly string[];
  readonly totals: {
    readonly silos: Figures;
    readonly together: Figures;
    readonly gain: Figures;
    /** v(N): the value the grand coalition creates (EUR/a or kgCO2e/a). */
    readonly value: number;
  };
  readonly partners: readonly CooperationPartnerRow[];
  readonly payments: readonly { readonly from: string; readonly to: string; readonly amountEur: number }[];
  readonly exchanges: readonly {
    readonly seller: string;
    readonly buyer: string;
    readonly carrier: string;
    readonly energyKwh: number;
    readonly priceRangeEurPerKwh: readonly [number, number] | null;
    readonly mutuallyBeneficial: boolean;
  }[];
  readonly core: {
    readonly shapley: {
      readonly inCore: boolean;
      readonly mostViolated: { members: string[]; excess: number } | null;
    };
    readonly proportional: {
      readonly inCore: boolean;
      readonly mostViolated: { members: string[]; excess: number } | null;
    };
  } | null;
}

const figures = (f: { costEur: number; co2Kg: number; positivityRatio: number | null }): Figures => ({
  costEur: f.costEur,
  co2Kg: f.co2Kg,
  positivityRatio: f.positivityRatio,
});

/** Reads a cooperation request from a run's options (as stored by the cooperation endpoint). */
export function cooperationRequestOf(options: Readonly<Record<string, unknown>>): CooperationRequest {
  const typicalDays = options.typicalDays ?? 4;
  const metric = options.metric ?? "cost";
  const players = options.players;
  const issues: { path: string; message: string }[] = [];
  if (
    typeof typicalDays !== "number" ||
    !Number.isInteger(typicalDays) ||
    typicalDays < 1 ||
    typicalDays > 60
  )
    issues.push({ path: "options.typicalDays", message: "an integer 1..60" });
  if (metric !== "cost" && metric !== "co2") issues.push({ path: "options.metric", message: "cost or co2" });
  if (players !== undefined && !(Array.isArray(players) && players.every((p) => typeof p === "string")))
    issues.push({ path: "options.players", message: "a list of stakeholder ids" });
  if (issues.length > 0) throw new RunInputError("invalid options", issues);
  return {
    typicalDays: typicalDays as number,
    metric: metric as CooperationMetric,
    ...(players === undefined ? {} : { players: players as string[] }),
  };
}

/**
 * Validates a stored district document, builds its network and analyses cooperation between its partners
 * (value of cooperation, Shapley and proportional shares, core, settlement) — inside a job. Throws RunInputError
 * when the document or the players are not usable. Progress follows the coalitions solved (2^n - 1 when exact).
 */
export async function computeCooperation(
  model: unknown,
  request: CooperationRequest,
  onProgress: ProgressCallback = () => undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<CooperationDto> {
  onProgress(0.02, "building the energy network");
  const { network } = districtNetwork(model);
  const known = new Set(network.stakeholders.map((s) => s.id));
  const unknown = (request.players ?? []).filter((p) => !known.has(p));
  if (unknown.length > 0)
    throw new RunInputError(
      "unknown players",
      unknown.map((p) => ({ path: "options.players", message: `no stakeholder ${p}` })),
    );
  if (signal.aborted) throw signal.reason ?? new Error("aborted");
  const playerCount = request.players?.length ?? defaultPlayers(network).length;
  // Exact: every coalition once (plus a few re-solves); sampled: the progress saturates near the end.
  const expected = Math.max(1, 2 ** Math.min(playerCount, 12) - 1);
  let solved = 0;
  const solver = jobSolver(createHighsSolver(), signal, () => {
    solved += 1;
    onProgress(0.05 + 0.9 * Math.min(1, solved / expected), `coalitions solved: ${solved}`);
  });
  onProgress(0.05, "optimising the coalitions");
  try {
    const r = await analyzeCooperation(network, solver, {
      typicalDays: request.typicalDays,
      metric: request.metric,
      players: request.players,
    });
    const interval = "interval" in r.shapley ? r.shapley.interval : undefined;
    const core = (c: { inCore: boolean; mostViolated?: { members: readonly string[]; excess: number } }) => ({
      inCore: c.inCore,
      mostViolated: c.mostViolated
        ? { members: [...c.mostViolated.members], excess: c.mostViolated.excess }
        : null,
    });
    onProgress(1, "done");
    return {
      metric: r.metric,
      method: r.method,
      typicalDays: request.typicalDays,
      players: [...r.value.players],
      totals: {
        silos: figures(r.value.silos),
        together: figures(r.value.together),
        gain: figures(r.value.gain),
        value: r.shapley.grandValue,
      },
      partners: r.value.players.map((p) => {
        const alone = r.value.alone[p];
        const line = r.settlement?.lines[p];
        return {
          stakeholder: p,
          alone: alone ? figures(alone) : { costEur: Number.NaN, co2Kg: Number.NaN, positivityRatio: null },
          shapleyEur: r.shapley.shares[p] ?? 0,
          shapleyIntervalEur: interval?.[p] ? [interval[p][0], interval[p][1]] : null,
          proportionalEur: r.proportional[p] ?? 0,
          settlement: line ? { ...line } : null,
        };
      }),
      payments: (r.settlement?.payments ?? []).map((p) => ({ ...p })),
      exchanges: (r.settlement?.exchanges ?? []).map((e) => ({ ...e })),
      core: r.core ? { shapley: core(r.core.shapley), proportional: core(r.core.proportional) } : null,
    };
  } finally {
    await solver.dispose();
  }
}
