import { api, type ApiIssue } from "../../api/client.js";
import { fetchAnalysis, type FetchAnalysisOptions } from "../../api/fetch-analysis.js";

/** The participation `Indicators` of a full-year simulation (docs/api.md, participation). */
export interface Indicators {
  readonly energyPositivityRatio: number | null;
  readonly producedKWh: number;
  readonly consumedKWh: number;
  readonly co2NetKg: number;
  readonly co2EmissionsKg: number;
  readonly generationKWh: number;
  readonly electricityImportKWh: number;
  readonly selfSufficiency: number | null;
}
export type IndicatorDelta = Readonly<Partial<Record<keyof Indicators, number | null>>>;

/** GET /proposals/{id}/impact */
export interface ProposalImpact {
  readonly proposalId: string;
  readonly baseVersionId: string;
  readonly baseline: Indicators;
  readonly alone: { readonly indicators: Indicators; readonly delta: IndicatorDelta };
  readonly combined: {
    readonly proposals: readonly string[];
    readonly indicators: Indicators;
    readonly delta: IndicatorDelta;
  };
}

export interface Commitment {
  readonly id: string;
  readonly districtId: string;
  readonly stakeholderId: string;
  readonly proposalId: string | null;
  readonly buildingGroupId: string | null;
  readonly year: number;
  readonly description: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface TrackerRow {
  readonly year: number;
  readonly needed: { readonly energyPositivityRatio: number | null; readonly co2MaxKg: number | null };
  readonly withCommitments: Indicators;
  readonly committedProposals: readonly string[];
  readonly commitments: readonly string[];
  readonly met: { readonly current: boolean; readonly withCommitments: boolean };
  readonly missing: { readonly energyPositivityRatio: number | null; readonly co2Kg: number | null };
}
/** GET /districts/{id}/tracker */
export interface Tracker {
  readonly scenarioId: string;
  readonly versionId: string;
  readonly current: Indicators;
  readonly targets: readonly TrackerRow[];
}

export type AssetGroup = "pv" | "heatPump" | "storage" | "offsite";
export interface AlternativePlan {
  readonly name: string;
  readonly direction: { readonly group: AssetGroup; readonly sense: "min" | "max" } | null;
  readonly status: string;
  readonly costEur: number | null;
  /** Fraction over the optimum's cost. */
  readonly costIncrease: number | null;
  /** kWp, kW, kWh, kW */
  readonly totals: Readonly<Record<AssetGroup, number>>;
  readonly capacities: Readonly<Record<string, { readonly value: number; readonly unit: string }>>;
  readonly indicators: Indicators | null;
}
/** GET /versions/{id}/alternatives */
export interface Alternatives {
  readonly status: string;
  readonly slack: number;
  readonly typicalDays: number;
  readonly optimumEur: number | null;
  readonly plans: readonly AlternativePlan[];
}

// ---------------------------------------------------------------------------------------------------------------
// Figures: what the tables show, in display units
// ---------------------------------------------------------------------------------------------------------------

/** How a raw indicator is shown: a ratio as %, kg as t/a, kWh as MWh/a. */
export type FigureKind = "ratio" | "kg" | "kWh";
export interface Figure {
  readonly key:
    "energyPositivityRatio" | "co2NetKg" | "generationKWh" | "electricityImportKWh" | "selfSufficiency";
  readonly kind: FigureKind;
}
/** The figures of a proposal's impact, in table order. */
export const IMPACT_FIGURES: readonly Figure[] = [
  { key: "energyPositivityRatio", kind: "ratio" },
  { key: "co2NetKg", kind: "kg" },
  { key: "generationKWh", kind: "kWh" },
  { key: "electricityImportKWh", kind: "kWh" },
  { key: "selfSufficiency", kind: "ratio" },
];
/** Display units; a ratio's change is in percentage points (the `unitPp` string). */
export const FIGURE_UNIT: Readonly<Record<FigureKind, string>> = { ratio: "%", kg: "t/a", kWh: "MWh/a" };
export const FIGURE_DIGITS: Readonly<Record<FigureKind, number>> = { ratio: 1, kg: 1, kWh: 0 };

/** A raw value in display units: ratio → %, kg → t, kWh → MWh. */
export function displayValue(kind: FigureKind, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return kind === "ratio" ? value * 100 : value / 1000;
}

export interface ImpactRow {
  readonly figure: Figure;
  readonly baseline: number | null;
  readonly alone: number | null;
  readonly aloneDelta: number | null;
  readonly combined: number | null;
  readonly combinedDelta: number | null;
}

/** The impact table's rows in display units (the deltas are the server's, after − base). */
export function impactRows(impact: ProposalImpact): ImpactRow[] {
  return IMPACT_FIGURES.map((figure) => ({
    figure,
    baseline: displayValue(figure.kind, impact.baseline[figure.key]),
    alone: displayValue(figure.kind, impact.alone.indicators[figure.key]),
    aloneDelta: displayValue(figure.kind, impact.alone.delta[figure.key]),
    combined: displayValue(figure.kind, impact.combined.indicators[figure.key]),
    combinedDelta: displayValue(figure.kind, impact.combined.delta[figure.key]),
  }));
}

/** The other proposals of the combined case (ids in the server's order, this proposal left out). */
export function otherProposals(impact: ProposalImpact): string[] {
  return impact.combined.proposals.filter((id) => id !== impact.proposalId);
}

/** The rows of the alternatives table: one per figure, one value per plan (display units). */
export type AlternativeRowKey =
  | "cost"
  | "costIncrease"
  | "pv"
  | "heatPump"
  | "storage"
  | "offsite"
  | "positivity"
  | "co2"
  | "selfSufficiency";
export interface AlternativeRow {
  readonly key: AlternativeRowKey;
  /** "%" rows are shown as percentages (values already ×100), the others as plain numbers. */
  readonly percent: boolean;
  readonly digits: number;
  readonly values: readonly (number | null)[];
}

export function alternativeRows(a: Alternatives): AlternativeRow[] {
  const row = (
    key: AlternativeRowKey,
    percent: boolean,
    digits: number,
    value: (p: AlternativePlan) => number | null | undefined,
  ): AlternativeRow => ({
    key,
    percent,
    digits,
    values: a.plans.map((p) => {
      const v = value(p);
      return v === null || v === undefined || !Number.isFinite(v) ? null : v;
    }),
  });
  const feasible = (p: AlternativePlan) => p.status === "optimal";
  return [
    row("cost", false, 0, (p) => p.costEur),
    row("costIncrease", true, 1, (p) => (p.costIncrease === null ? null : p.costIncrease * 100)),
    row("pv", false, 0, (p) => (feasible(p) ? p.totals.pv : null)),
    row("heatPump", false, 0, (p) => (feasible(p) ? p.totals.heatPump : null)),
    row("storage", false, 0, (p) => (feasible(p) ? p.totals.storage : null)),
    row("offsite", false, 0, (p) => (feasible(p) ? p.totals.offsite : null)),
    row("positivity", true, 1, (p) => displayValue("ratio", p.indicators?.energyPositivityRatio)),
    row("co2", false, 1, (p) => displayValue("kg", p.indicators?.co2NetKg)),
    row("selfSufficiency", true, 1, (p) => displayValue("ratio", p.indicators?.selfSufficiency)),
  ];
}

/** The message key naming a plan, or undefined when the plan is neither the optimum nor a known direction. */
export function planKey(
  p: AlternativePlan,
): "altPlan_optimum" | `altPlan_${"min" | "max"}_${AssetGroup}` | undefined {
  if (p.direction === null) return p.name === "optimum" ? "altPlan_optimum" : undefined;
  const { sense, group } = p.direction;
  if ((sense === "min" || sense === "max") && ["pv", "heatPump", "storage", "offsite"].includes(group))
    return `altPlan_${sense}_${group}`;
  return undefined;
}

/** The query of GET /versions/{id}/alternatives from the form (slack in %). */
export function alternativesQuery(input: { slackPct: number; count: number; typicalDays: number }): string {
  const q = new URLSearchParams({
    slack: String(Math.round(input.slackPct * 10) / 1000),
    count: String(input.count),
    typicalDays: String(input.typicalDays),
  });
  return q.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------------------------------------------

/** The commitment form's fields a 422 issue is shown next to; `form` for anything else. */
export type CommitmentField = "stakeholderId" | "target" | "year" | "description" | "form";

/** Maps an issue path of POST /districts/{id}/commitments (`body.year`, `body.proposalId`, …) to a form field. */
export function commitmentFieldOfIssue(path: string): CommitmentField {
  const p = path.replace(/^body\.?/, "");
  if (p === "stakeholderId" || p === "year" || p === "description") return p;
  if (p === "proposalId" || p === "buildingGroupId") return "target";
  return "form";
}

export function commitmentIssues(issues: readonly ApiIssue[]): Partial<Record<CommitmentField, string[]>> {
  const out: Partial<Record<CommitmentField, string[]>> = {};
  for (const i of issues) (out[commitmentFieldOfIssue(i.path)] ??= []).push(i.message);
  return out;
}

/**
 * The body of POST /districts/{id}/commitments. `target` is `proposal:<id>` or `group:<id>` (the select's value);
 * an empty target or year is sent as such, so that the server's 422 names the field.
 */
export function commitmentBody(input: {
  readonly stakeholderId: string;
  readonly target: string;
  readonly year: string;
  readonly description: string;
}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    stakeholderId: input.stakeholderId,
    year: input.year.trim() === "" ? null : Number(input.year),
    description: input.description,
  };
  if (input.target.startsWith("proposal:")) body.proposalId = input.target.slice("proposal:".length);
  else if (input.target.startsWith("group:")) body.buildingGroupId = input.target.slice("group:".length);
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------------------------

export const getImpact = (proposalId: string, options?: FetchAnalysisOptions) =>
  fetchAnalysis<ProposalImpact>(`/proposals/${encodeURIComponent(proposalId)}/impact`, options);
export const getTracker = (
  districtId: string,
  scenarioId: string | undefined,
  options?: FetchAnalysisOptions,
) =>
  fetchAnalysis<Tracker>(
    `/districts/${encodeURIComponent(districtId)}/tracker${
      scenarioId ? `?scenarioId=${encodeURIComponent(scenarioId)}` : ""
    }`,
    options,
  );
export const getAlternatives = (versionId: string, query: string, options?: FetchAnalysisOptions) =>
  fetchAnalysis<Alternatives>(`/versions/${encodeURIComponent(versionId)}/alternatives?${query}`, options);
export const listCommitments = async (districtId: string) =>
  (await api<{ items: Commitment[] }>("GET", `/districts/${districtId}/commitments`)).items;
export const createCommitment = (districtId: string, body: Record<string, unknown>) =>
  api<Commitment>("POST", `/districts/${districtId}/commitments`, body);
export interface Stakeholder {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly organisation: string | null;
}
export const listStakeholders = async (districtId: string) =>
  (await api<{ items: Stakeholder[] }>("GET", `/districts/${districtId}/stakeholders`)).items;
