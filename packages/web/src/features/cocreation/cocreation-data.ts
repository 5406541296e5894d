import { api, type ApiIssue, type User } from "../../api/client.js";
import { fetchAnalysis, type FetchAnalysisOptions } from "../../api/fetch-analysis.js";

/** A proposal as GET /districts/{id}/proposals returns it (investmentEur may be redacted). */
export interface Proposal {
  readonly id: string;
  readonly baseVersionId: string;
  readonly title: string;
  readonly rationale: string;
  readonly change: Record<string, unknown>;
  readonly investmentEur: number | "[confidential]" | null;
  readonly payer: string | null;
  readonly operator: string | null;
  readonly status: "open" | "accepted" | "declined" | "withdrawn";
  readonly decisionReason: string | null;
  readonly acceptedVersionId: string | null;
  readonly organisation: string | null;
  readonly supportCount: number;
  readonly supportedByMe: boolean;
}

export interface Comment {
  readonly id: string;
  readonly proposalId: string | null;
  readonly parentCommentId: string | null;
  readonly author: string | null;
  readonly body: string | null;
  readonly hidden: boolean;
  readonly createdAt?: string;
}

interface Figures {
  readonly costEur: number;
  readonly co2Kg: number;
  /** Energy positivity under the district's definition; null without demand. */
  readonly positivityRatio: number | null;
}

/** Whether an allocation is in the core, and the coalition that would gain most by leaving (EUR/a or kgCO2e/a). */
interface CoreCheck {
  readonly inCore: boolean;
  readonly mostViolated: { readonly members: readonly string[]; readonly excess: number } | null;
}

/** The body of GET /versions/{versionId}/cooperation (already filtered to the viewer's rows). */
export interface Cooperation {
  readonly metric?: "cost" | "co2";
  readonly totals: { readonly silos: Figures; readonly together: Figures; readonly gain: Figures };
  readonly core?: { readonly shapley: CoreCheck; readonly proportional: CoreCheck } | null;
  readonly partners: readonly {
    readonly stakeholder: string;
    readonly shapleyEur: number;
    readonly proportionalEur: number;
    readonly settlement: { readonly transferEur: number } | null;
  }[];
  readonly payments: readonly { readonly from: string; readonly to: string; readonly amountEur: number }[];
  readonly exchanges: readonly {
    readonly seller: string;
    readonly buyer: string;
    readonly carrier: string;
    readonly energyKwh: number;
    readonly priceRangeEurPerKwh: readonly [number, number] | null;
  }[];
}

/** The form fields a 422 issue can be shown next to. */
export type ProposalField =
  | "title"
  | "rationale"
  | "capacity"
  | "assetId"
  | "kind"
  | "groupId"
  | "eValue"
  | "investmentEur"
  | "payer"
  | "operator"
  | "change";

/** The kinds of change the proposal form builds (`json`: any merge into the district document). */
export type ChangeMode = "resize" | "new" | "efficiency" | "json";

/** Maps an issue path of POST /districts/{id}/proposals (e.g. `body.change.assets[0].capacity`) to a form field. */
export function fieldOfIssue(path: string, mode: ChangeMode = "resize"): ProposalField {
  const p = path.replace(/^body\./, "");
  if (p === "title" || p === "rationale" || p === "investmentEur" || p === "payer" || p === "operator")
    return p;
  if (mode === "json") return "change";
  const asset = /^change\.assets\[\d+\]\.(\w+)/.exec(p);
  if (asset?.[1] === "capacity") return "capacity";
  if (asset?.[1] === "id") return "assetId";
  if (asset?.[1] === "kind") return "kind";
  const group = /^change\.buildingGroups\[\d+\]\.(\w+)/.exec(p);
  if (group?.[1] === "ePerformance") return "eValue";
  if (group?.[1] === "id") return "groupId";
  return "change";
}

/**
 * Groups issues by the form field they belong to. A JSON change gets every issue of the change next to its text
 * area, with the path inside the change (`assets[2].capacity: ...`) so the author finds the place.
 */
export function issuesByField(
  issues: readonly ApiIssue[],
  mode: ChangeMode = "resize",
): Partial<Record<ProposalField, string[]>> {
  const out: Partial<Record<ProposalField, string[]>> = {};
  for (const i of issues) {
    const f = fieldOfIssue(i.path, mode);
    const inChange = i.path.replace(/^body\.change\.?/, "");
    const message =
      mode === "json" && f === "change" && inChange !== "" ? `${inChange}: ${i.message}` : i.message;
    (out[f] ??= []).push(message);
  }
  return out;
}

/** The change of an efficiency measure: a building group's new E-value (kWh/m2a). */
export function efficiencyChange(input: {
  readonly groupId: string;
  readonly eValue: number;
}): Record<string, unknown> {
  return { buildingGroups: [{ id: input.groupId, ePerformance: { eValue: input.eValue } }] };
}

/** Parses the text of a JSON change: an object, or why not (the JSON parser's message). */
export function parseChangeJson(
  text: string,
):
  | { readonly ok: true; readonly change: Record<string, unknown> }
  | { readonly ok: false; readonly reason: "syntax" | "not-object"; readonly message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: "syntax", message: e instanceof Error ? e.message : String(e) };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, reason: "not-object", message: "not an object" };
  return { ok: true, change: value as Record<string, unknown> };
}

/** The change of a simple proposal: resize one asset (existing id) or add a new one (id + kind + capacity). */
export function simpleChange(input: {
  readonly assetId: string;
  readonly kind: string | undefined;
  readonly capacity: number;
}): Record<string, unknown> {
  const asset: Record<string, unknown> = { id: input.assetId, capacity: input.capacity };
  if (input.kind) asset.kind = input.kind;
  return { assets: [asset] };
}

export type CocreationRole = "admin" | "partner" | "resident" | "other";

/** The role that decides which actions the page offers. */
export function roleOf(user: User): CocreationRole {
  const roles = new Set(user.memberships.map((m) => m.role));
  if (roles.has("platform_admin") || roles.has("district_admin")) return "admin";
  if (roles.has("partner")) return "partner";
  if (roles.has("resident")) return "resident";
  return "other";
}

export const listProposals = async (districtId: string) =>
  (await api<{ items: Proposal[] }>("GET", `/districts/${districtId}/proposals`)).items;
export const listComments = async (districtId: string, proposalId: string) =>
  (
    await api<{ items: Comment[] }>(
      "GET",
      `/districts/${districtId}/comments?proposalId=${encodeURIComponent(proposalId)}`,
    )
  ).items;
/** The cooperation analysis (a job on the server: 200 with the result, or 202 and a run to follow). */
export const getCooperation = (versionId: string, options?: FetchAnalysisOptions) =>
  fetchAnalysis<Cooperation>(`/versions/${versionId}/cooperation?typicalDays=4`, options);
