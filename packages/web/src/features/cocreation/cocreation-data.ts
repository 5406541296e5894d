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
}

/** The body of GET /versions/{versionId}/cooperation (already filtered to the viewer's rows). */
export interface Cooperation {
  readonly totals: { readonly silos: Figures; readonly together: Figures; readonly gain: Figures };
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
  "title" | "rationale" | "capacity" | "assetId" | "kind" | "investmentEur" | "payer" | "operator" | "change";

/** Maps an issue path of POST /districts/{id}/proposals (e.g. `body.change.assets[0].capacity`) to a form field. */
export function fieldOfIssue(path: string): ProposalField {
  const p = path.replace(/^body\./, "");
  if (p === "title" || p === "rationale" || p === "investmentEur" || p === "payer" || p === "operator")
    return p;
  const m = /^change\.assets\[\d+\]\.(\w+)/.exec(p);
  if (m?.[1] === "capacity") return "capacity";
  if (m?.[1] === "id") return "assetId";
  if (m?.[1] === "kind") return "kind";
  return "change";
}

/** Groups issues by the form field they belong to. */
export function issuesByField(issues: readonly ApiIssue[]): Partial<Record<ProposalField, string[]>> {
  const out: Partial<Record<ProposalField, string[]>> = {};
  for (const i of issues) {
    const f = fieldOfIssue(i.path);
    (out[f] ??= []).push(i.message);
  }
  return out;
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
