/**
 * Participation (issue 8 items 1-3 and 7): proposals against a scenario version, their impact, supports, threaded
 * comments with moderation, acceptance into a new scenario version or a reasoned decline, partners' commitments,
 * and the tracker of committed versus needed per target year. Every mutating call appends to the audit log.
 *
 * Storage: `ParticipationStore` (a narrow port over `@kera/store`'s proposals, comments and commitments
 * repositories, see `adaptParticipationStore`), passed to createApp as `participation`.
 */
import { z } from "@hono/zod-openapi";
import type { Store } from "@kera/store";
import { PROPOSAL_STATUSES, StoreError, type ProposalStatus } from "@kera/store";
import { indicatorsOf, type Indicators } from "../compute/indicators.js";
import type { Variant, VariantsResult } from "../compute/variants.js";
import type { AppDeps, Auth, Scope } from "../context.js";
import { validateDistrictDocument } from "../model.js";
import type { ScenarioRecord, VersionRecord } from "../ports.js";
import { HttpProblem, invalid, notFound, forbidden, type ProblemIssue } from "../problem.js";
import { REDACTED, redactModel } from "../redact.js";
import { iso, isoOrNull, isRecord, organisationSlugs } from "../store-adapter.js";
import type { RouteKit } from "../route-kit.js";
import { ANALYSIS_PENDING_RESPONSE, analysisServer } from "./analysis.js";
import { audit, conflict, json, lensFor, versionMetaDto } from "./common.js";
import { IndicatorsSchema } from "./indicators-schema.js";
import { Id, listOf, Timestamp, VersionSchema } from "./schemas.js";
import { scopes } from "./scopes.js";

// ---------------------------------------------------------------------------------------------------------------
// Port
// ---------------------------------------------------------------------------------------------------------------

export interface ProposalRecord {
  readonly id: string;
  readonly districtId: string;
  readonly baseVersionId: string;
  readonly title: string;
  readonly rationale: string;
  readonly change: Record<string, unknown>;
  readonly investmentEur: number | null;
  readonly payer: string | null;
  readonly operator: string | null;
  readonly status: ProposalStatus;
  readonly decisionReason: string | null;
  readonly acceptedVersionId: string | null;
  readonly author: string | null;
  /** Organisation (slug) of the author: owner of the confidential figures. */
  readonly organisation: string | null;
  readonly supportCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CommentRecord {
  readonly id: string;
  readonly districtId: string;
  readonly proposalId: string | null;
  readonly assetId: string | null;
  readonly parentCommentId: string | null;
  readonly author: string | null;
  readonly body: string;
  readonly hiddenAt: string | null;
  readonly hiddenBy: string | null;
  readonly hiddenReason: string | null;
  readonly createdAt: string;
}

export interface CommitmentRecord {
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

/** What the participation routes need from storage. */
export interface ParticipationStore {
  readonly proposals: {
    create(p: {
      districtId: string;
      baseVersionId: string;
      title: string;
      rationale: string;
      change: Record<string, unknown>;
      investmentEur: number | null;
      payer: string | null;
      operator: string | null;
      author: string | null;
      organisation: string | null;
    }): Promise<ProposalRecord>;
    get(id: string): Promise<ProposalRecord | undefined>;
    /** Oldest first. */
    listByDistrict(districtId: string, status?: ProposalStatus): Promise<readonly ProposalRecord[]>;
    /** Closes an open proposal; `undefined` when it is no longer open. */
    decide(
      id: string,
      d: { status: Exclude<ProposalStatus, "open">; reason: string | null; acceptedVersionId: string | null },
    ): Promise<ProposalRecord | undefined>;
    /**
     * Accepts an open proposal in ONE transaction: appends a version to the scenario (its parent must still be the
     * scenario's latest version) and records the decision with that version. Nothing is written when either fails.
     */
    accept(
      id: string,
      v: {
        scenarioId: string;
        parentVersionId: string;
        model: unknown;
        author: string | null;
        message: string;
      },
    ): Promise<
      | { ok: true; proposal: ProposalRecord; version: VersionRecord }
      | { ok: false; reason: "stale-parent" | "closed" }
    >;
    support(proposalId: string, userId: string): Promise<{ added: boolean; supportCount: number }>;
    supporters(proposalId: string): Promise<readonly string[]>;
  };
  readonly comments: {
    create(c: {
      districtId: string;
      proposalId: string | null;
      assetId: string | null;
      parentCommentId: string | null;
      author: string | null;
      body: string;
    }): Promise<CommentRecord>;
    get(id: string): Promise<CommentRecord | undefined>;
    list(f: { districtId: string; proposalId?: string; assetId?: string }): Promise<readonly CommentRecord[]>;
    hide(id: string, h: { by: string | null; reason: string }): Promise<CommentRecord>;
  };
  readonly commitments: {
    create(c: {
      districtId: string;
      stakeholderId: string;
      proposalId: string | null;
      buildingGroupId: string | null;
      year: number;
      description: string;
      createdBy: string | null;
    }): Promise<CommitmentRecord>;
    listByDistrict(districtId: string): Promise<readonly CommitmentRecord[]>;
  };
}

/** Adapts `@kera/store` to the ParticipationStore port (organisations by slug, timestamps as ISO strings). */
export function adaptParticipationStore(store: Store): ParticipationStore {
  const orgSlug = organisationSlugs(store);
  const proposal = async (p: Awaited<ReturnType<Store["proposals"]["create"]>>): Promise<ProposalRecord> => ({
    id: p.id,
    districtId: p.districtId,
    baseVersionId: p.baseVersionId,
    title: p.title,
    rationale: p.rationale,
    change: isRecord(p.change) ? p.change : {},
    investmentEur: p.investmentEur,
    payer: p.payer,
    operator: p.operator,
    status: p.status,
    decisionReason: p.decisionReason,
    acceptedVersionId: p.acceptedVersionId,
    author: p.author,
    organisation: await orgSlug(p.organisationId),
    supportCount: p.supportCount,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  });
  const comment = (c: Awaited<ReturnType<Store["comments"]["create"]>>): CommentRecord => ({
    ...c,
    hiddenAt: isoOrNull(c.hiddenAt),
    createdAt: iso(c.createdAt),
  });
  const commitment = (c: Awaited<ReturnType<Store["commitments"]["create"]>>): CommitmentRecord => ({
    ...c,
    createdAt: iso(c.createdAt),
  });
  return {
    proposals: {
      async create(p) {
        const org = p.organisation === null ? undefined : await store.organisations.getBySlug(p.organisation);
        const { organisation: _organisation, ...rest } = p;
        return proposal(await store.proposals.create({ ...rest, organisationId: org?.id ?? null }));
      },
      async get(id) {
        const p = await store.proposals.get(id);
        return p ? proposal(p) : undefined;
      },
      async listByDistrict(districtId, status) {
        const list = await store.proposals.listByDistrict(districtId, status === undefined ? {} : { status });
        return Promise.all(list.map(proposal));
      },
      async decide(id, d) {
        try {
          return await proposal(await store.proposals.decide(id, d));
        } catch (error) {
          if (error instanceof StoreError && error.code === "invalid-state") return undefined;
          throw error;
        }
      },
      async accept(id, v) {
        try {
          const done = await store.transaction(async (tx) => {
            const version = await tx.versions.create({
              scenarioId: v.scenarioId,
              parentVersionId: v.parentVersionId,
              model: v.model as object,
              author: v.author,
              message: v.message,
            });
            const decided = await tx.proposals.decide(id, {
              status: "accepted",
              reason: null,
              acceptedVersionId: version.id,
            });
            return { version, decided };
          });
          const { version } = done;
          return {
            ok: true,
            proposal: await proposal(done.decided),
            version: {
              id: version.id,
              scenarioId: version.scenarioId,
              parentVersionId: version.parentVersionId,
              contentHash: version.contentHash,
              author: version.author,
              message: version.message,
              createdAt: iso(version.createdAt),
              model: version.model,
            },
          };
        } catch (error) {
          if (error instanceof StoreError && error.code === "stale-parent")
            return { ok: false, reason: "stale-parent" };
          if (error instanceof StoreError && error.code === "invalid-state")
            return { ok: false, reason: "closed" };
          throw error;
        }
      },
      support: (proposalId, userId) => store.proposals.support(proposalId, userId),
      supporters: (proposalId) => store.proposals.supporters(proposalId),
    },
    comments: {
      create: async (c) => comment(await store.comments.create(c)),
      async get(id) {
        const c = await store.comments.get(id);
        return c ? comment(c) : undefined;
      },
      list: async (f) => (await store.comments.list(f)).map(comment),
      hide: async (id, h) => comment(await store.comments.hide(id, h)),
    },
    commitments: {
      create: async (c) => commitment(await store.commitments.create(c)),
      listByDistrict: async (districtId) =>
        (await store.commitments.listByDistrict(districtId)).map(commitment),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Applying a change to a district document
// ---------------------------------------------------------------------------------------------------------------

export interface AppliedChange {
  readonly model: Record<string, unknown>;
  /** Maps a path in the merged document (`assets[3].capacity`) to the same place in the change, if it came from it. */
  readonly changePath: (mergedPath: string) => string | undefined;
}

const hasId = (v: unknown): v is Record<string, unknown> & { id: string } =>
  isRecord(v) && typeof v.id === "string";

/**
 * Applies a change to a district document (a copy; the inputs are never modified): objects merge key by key
 * (`null` removes a key, as in RFC 7386); arrays of objects with an `id` merge by id (an item with a known id is
 * merged into it, e.g. a resized asset; a new id is appended); other arrays and values replace.
 */
export function applyChange(base: unknown, change: Record<string, unknown>): AppliedChange {
  // merged array path → (merged index → change index)
  const indexMaps = new Map<string, Map<number, number>>();
  const merge = (b: unknown, c: unknown, path: string): unknown => {
    if (isRecord(c)) {
      const out: Record<string, unknown> = isRecord(b) ? { ...b } : {};
      for (const [k, v] of Object.entries(c)) {
        if (v === null) delete out[k];
        else out[k] = merge(out[k], v, path === "" ? k : `${path}.${k}`);
      }
      return out;
    }
    if (Array.isArray(c)) {
      const map = new Map<number, number>();
      indexMaps.set(path, map);
      if (Array.isArray(b) && c.every(hasId) && b.every(hasId)) {
        const out: unknown[] = [...b];
        c.forEach((item, ci) => {
          const at = out.findIndex((x) => hasId(x) && x.id === item.id);
          const index = at >= 0 ? at : out.length;
          out[index] = merge(at >= 0 ? out[at] : undefined, item, `${path}[${index}]`);
          map.set(index, ci);
        });
        return out;
      }
      return c.map((item, ci) => {
        map.set(ci, ci);
        return merge(undefined, item, `${path}[${ci}]`);
      });
    }
    return c;
  };
  const model = merge(base, change, "") as Record<string, unknown>;
  const changePath = (mergedPath: string): string | undefined => {
    const tokens = mergedPath.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    let merged = "";
    let inChange = "";
    let node: unknown = change;
    for (const token of tokens) {
      if (token.startsWith("[")) {
        const index = Number(token.slice(1, -1));
        const ci = indexMaps.get(merged)?.get(index);
        if (ci === undefined || !Array.isArray(node)) return undefined;
        node = node[ci];
        merged = `${merged}[${index}]`;
        inChange = `${inChange}[${ci}]`;
      } else {
        if (!isRecord(node) || !(token in node)) return undefined;
        node = node[token];
        merged = merged === "" ? token : `${merged}.${token}`;
        inChange = inChange === "" ? token : `${inChange}.${token}`;
      }
    }
    return inChange;
  };
  return { model, changePath };
}

/** Applies a change and validates the result; issues point into the change (`body.change.assets[0].capacity`). */
function validatedChange(
  base: unknown,
  change: Record<string, unknown>,
  pathPrefix: string,
): { ok: true; model: Record<string, unknown> } | { ok: false; issues: ProblemIssue[] } {
  const applied = applyChange(base, change);
  const valid = validateDistrictDocument(applied.model, "");
  if (valid.ok) return { ok: true, model: valid.value };
  return {
    ok: false,
    issues: valid.issues.map((i) => {
      const inChange = applied.changePath(i.path);
      if (inChange === undefined) {
        return {
          ...i,
          path: pathPrefix,
          message: `${i.message} (at ${i.path || "the document"} of the base version with the change applied)`,
        };
      }
      return { ...i, path: inChange === "" ? pathPrefix : `${pathPrefix}.${inChange}`.replace(".[", "[") };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------------------------

export { indicatorsOf, type Indicators };

const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

function deltaOf(after: Indicators, before: Indicators): Record<keyof Indicators, number | null> {
  const out = {} as Record<keyof Indicators, number | null>;
  for (const key of Object.keys(after) as (keyof Indicators)[]) {
    const a = after[key];
    const b = before[key];
    out[key] = a === null || b === null ? null : a - b;
  }
  return out;
}

/** The indicators of one document of a succeeded `variants` run (compute/variants.ts). */
function variantIndicators(summary: Record<string, unknown>, key: string): Indicators {
  const found = (summary as unknown as VariantsResult).variants?.[key];
  if (!found) throw new Error(`the variants run has no result for ${key}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas and views
// ---------------------------------------------------------------------------------------------------------------

const StatusSchema = z.enum(PROPOSAL_STATUSES);
const ChangeSchema = z.record(z.string(), z.unknown()).openapi("DistrictChange", {
  description:
    "A merge into the district document: objects merge by key (null removes), arrays of objects merge by id",
});

const ProposalSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    baseVersionId: z.string(),
    title: z.string(),
    rationale: z.string(),
    change: ChangeSchema,
    investmentEur: z
      .union([z.number(), z.literal(REDACTED)])
      .nullable()
      .openapi({ description: "EUR; `[confidential]` for viewers outside the proposing organisation" }),
    payer: z.string().nullable(),
    operator: z.string().nullable(),
    status: StatusSchema,
    decisionReason: z.string().nullable(),
    acceptedVersionId: z.string().nullable(),
    author: z.string().nullable(),
    organisation: z.string().nullable(),
    supportCount: z.number().int(),
    supportedByMe: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Proposal");

const CommentSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    proposalId: z.string().nullable(),
    assetId: z.string().nullable(),
    parentCommentId: z.string().nullable(),
    author: z.string().nullable(),
    body: z.string().nullable().openapi({ description: "null when hidden (admins still see it)" }),
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    hiddenAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi("Comment");

const CommitmentSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    stakeholderId: z.string(),
    proposalId: z.string().nullable(),
    buildingGroupId: z.string().nullable(),
    year: z.number().int(),
    description: z.string(),
    createdBy: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("Commitment");

const DeltaSchema = z.record(z.string(), z.number().nullable());

const ImpactSchema = z
  .object({
    proposalId: z.string(),
    baseVersionId: z.string(),
    baseline: IndicatorsSchema,
    alone: z.object({ indicators: IndicatorsSchema, delta: DeltaSchema }),
    combined: z.object({ proposals: z.array(z.string()), indicators: IndicatorsSchema, delta: DeltaSchema }),
  })
  .openapi("ProposalImpact");

const TrackerSchema = z
  .object({
    scenarioId: z.string(),
    versionId: z.string(),
    current: IndicatorsSchema,
    targets: z.array(
      z.object({
        year: z.number().int(),
        needed: z.object({ energyPositivityRatio: z.number().nullable(), co2MaxKg: z.number().nullable() }),
        withCommitments: IndicatorsSchema,
        committedProposals: z.array(z.string()),
        commitments: z.array(z.string()),
        met: z.object({ current: z.boolean(), withCommitments: z.boolean() }),
        missing: z.object({
          energyPositivityRatio: z.number().nullable(),
          co2Kg: z.number().nullable(),
        }),
      }),
    ),
  })
  .openapi("Tracker");

const FULL_ACCESS = new Set(["platform_admin", "district_admin"]);

async function proposalView(deps: AppDeps, auth: Auth, p: ProposalRecord, supportedByMe: boolean) {
  const ownOrganisation = p.organisation !== null && auth.organisations.has(p.organisation);
  const seesFigures = FULL_ACCESS.has(auth.role) || ownOrganisation;
  const change = seesFigures ? p.change : redactModel(p.change, await lensFor(deps, auth, p.districtId));
  return {
    ...p,
    change: change as Record<string, unknown>,
    investmentEur: seesFigures || p.investmentEur === null ? p.investmentEur : REDACTED,
    supportedByMe,
  };
}

function commentView(auth: Auth, c: CommentRecord) {
  const hidden = c.hiddenAt !== null;
  return {
    id: c.id,
    districtId: c.districtId,
    proposalId: c.proposalId,
    assetId: c.assetId,
    parentCommentId: c.parentCommentId,
    author: c.author,
    body: hidden && !FULL_ACCESS.has(auth.role) ? null : c.body,
    hidden,
    hiddenReason: c.hiddenReason,
    hiddenAt: c.hiddenAt,
    createdAt: c.createdAt,
  };
}

const issue = (path: string, code: string, message: string): ProblemIssue => ({
  code,
  severity: "error",
  path,
  message,
});

const ids = (list: unknown): Set<string> =>
  new Set(Array.isArray(list) ? list.filter(hasId).map((x) => x.id) : []);

// ---------------------------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------------------------

export function registerParticipationRoutes(kit: RouteKit, participation: ParticipationStore): void {
  const { deps } = kit;
  const scope = scopes(deps);
  const { store } = deps;
  /** Impact and tracker simulate their documents in one `variants` run per request (routes/analysis.ts). */
  const serve = analysisServer(deps);

  const proposal = async (id: string | undefined): Promise<ProposalRecord> => {
    const p = id ? await participation.proposals.get(id) : undefined;
    if (!p) throw notFound(`proposal ${id ?? ""}`);
    return p;
  };
  const byProposal = async (p: Record<string, string>): Promise<Scope> => {
    const found = await proposal(p.proposalId);
    return { districtId: found.districtId, ownerOrganisation: found.organisation };
  };
  const byComment = async (p: Record<string, string>): Promise<Scope> => {
    const c = p.commentId ? await participation.comments.get(p.commentId) : undefined;
    if (!c) throw notFound(`comment ${p.commentId ?? ""}`);
    return { districtId: c.districtId };
  };
  const supportedBy = async (auth: Auth, p: ProposalRecord): Promise<boolean> => {
    const user = auth.viewer.user?.id;
    return user !== undefined && (await participation.proposals.supporters(p.id)).includes(user);
  };
  const versionOf = async (id: string): Promise<{ version: VersionRecord; scenario: ScenarioRecord }> => {
    const v = await store.versions.get(id);
    if (!v) throw notFound(`version ${id}`);
    const s = await store.scenarios.get(v.scenarioId);
    if (!s) throw notFound(`scenario ${v.scenarioId}`);
    return { version: v, scenario: s };
  };
  /** Applies changes in order to a document; a change that no longer applies is a 409 naming the proposal. */
  const combine = (model: unknown, proposals: readonly ProposalRecord[]): Record<string, unknown> => {
    let current = model as Record<string, unknown>;
    for (const p of proposals) {
      const applied = validatedChange(current, p.change, `proposals.${p.id}.change`);
      if (!applied.ok) {
        throw new HttpProblem(409, "change-conflict", `proposal ${p.id} no longer applies`, {
          issues: applied.issues,
        });
      }
      current = applied.model;
    }
    return current;
  };

  kit.define({
    operationId: "listProposals",
    method: "get",
    path: "/api/v1/districts/{districtId}/proposals",
    tags: ["participation"],
    summary: "List a district's proposals, oldest first (others' investment figures redacted)",
    params: z.object({ districtId: Id }),
    query: z.object({ status: StatusSchema.optional() }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Proposals", schema: listOf(ProposalSchema) } },
    handler: async (c, { params, query }, auth) => {
      const list = await participation.proposals.listByDistrict(params.districtId, query.status);
      const items = await Promise.all(
        list.map(async (p) => proposalView(deps, auth, p, await supportedBy(auth, p))),
      );
      return json(c, { items });
    },
  });

  kit.define({
    operationId: "createProposal",
    method: "post",
    path: "/api/v1/districts/{districtId}/proposals",
    tags: ["participation"],
    summary: "Propose a change to a scenario version (validated against the district schema once applied)",
    params: z.object({ districtId: Id }),
    body: z.object({
      baseVersionId: Id,
      title: z.string().min(1).max(200),
      rationale: z.string().max(10_000).default(""),
      change: ChangeSchema,
      investmentEur: z.number().nonnegative().nullable().default(null),
      payer: Id.nullable().default(null),
      operator: Id.nullable().default(null),
    }),
    scope: scope.byDistrict,
    responses: { 201: { description: "The proposal", schema: ProposalSchema } },
    handler: async (c, { params, body }, auth) => {
      const base = await store.versions.get(body.baseVersionId);
      const baseScenario = base ? await store.scenarios.get(base.scenarioId) : undefined;
      if (!base || baseScenario?.districtId !== params.districtId) {
        throw invalid([issue("body.baseVersionId", "unknown-version", "no such version in this district")]);
      }
      const applied = validatedChange(base.model, body.change, "body.change");
      if (!applied.ok) throw invalid(applied.issues);
      const stakeholders = ids(applied.model.stakeholders);
      const issues: ProblemIssue[] = [];
      for (const key of ["payer", "operator"] as const) {
        const v = body[key];
        if (v !== null && !stakeholders.has(v)) {
          issues.push(
            issue(`body.${key}`, "unknown-stakeholder", `${v} is not a stakeholder of the district`),
          );
        }
      }
      if (issues.length > 0) throw invalid(issues);
      const created = await participation.proposals.create({
        districtId: params.districtId,
        baseVersionId: base.id,
        title: body.title,
        rationale: body.rationale,
        change: body.change,
        investmentEur: body.investmentEur,
        payer: body.payer,
        operator: body.operator,
        author: auth.viewer.user?.id ?? null,
        organisation: [...auth.organisations][0] ?? null,
      });
      await audit(deps, auth, "proposal.create", `proposal:${created.id}`, {
        district: params.districtId,
        baseVersion: base.id,
        title: body.title,
      });
      return json(c, await proposalView(deps, auth, created, false), 201);
    },
  });

  kit.define({
    operationId: "getProposal",
    method: "get",
    path: "/api/v1/proposals/{proposalId}",
    tags: ["participation"],
    summary: "Get a proposal",
    params: z.object({ proposalId: Id }),
    scope: byProposal,
    responses: { 200: { description: "The proposal", schema: ProposalSchema } },
    handler: async (c, { params }, auth) => {
      const p = await proposal(params.proposalId);
      return json(c, await proposalView(deps, auth, p, await supportedBy(auth, p)));
    },
  });

  kit.define({
    operationId: "supportProposal",
    method: "post",
    path: "/api/v1/proposals/{proposalId}/support",
    tags: ["participation"],
    summary: "Support an open proposal (one support per user; repeating it changes nothing)",
    params: z.object({ proposalId: Id }),
    scope: byProposal,
    responses: {
      200: {
        description: "Already supported",
        schema: z.object({ added: z.boolean(), supportCount: z.number() }),
      },
      201: {
        description: "Support recorded",
        schema: z.object({ added: z.boolean(), supportCount: z.number() }),
      },
      409: { description: "The proposal is not open" },
    },
    handler: async (c, { params }, auth) => {
      const p = await proposal(params.proposalId);
      if (p.status !== "open") throw conflict("proposal-closed", `proposal is ${p.status}`);
      const userId = auth.viewer.user?.id;
      if (userId === undefined) throw forbidden();
      const result = await participation.proposals.support(p.id, userId);
      if (result.added) {
        await audit(deps, auth, "proposal.support", `proposal:${p.id}`, {
          supportCount: result.supportCount,
        });
      }
      return json(c, result, result.added ? 201 : 200);
    },
  });

  kit.define({
    operationId: "listComments",
    method: "get",
    path: "/api/v1/districts/{districtId}/comments",
    tags: ["participation"],
    summary: "Comments of a district, oldest first (threads via parentCommentId); hidden ones without text",
    params: z.object({ districtId: Id }),
    query: z.object({ proposalId: Id.optional(), assetId: Id.optional() }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Comments", schema: listOf(CommentSchema) } },
    handler: async (c, { params, query }, auth) => {
      const list = await participation.comments.list({
        districtId: params.districtId,
        ...(query.proposalId === undefined ? {} : { proposalId: query.proposalId }),
        ...(query.assetId === undefined ? {} : { assetId: query.assetId }),
      });
      return json(c, { items: list.map((x) => commentView(auth, x)) });
    },
  });

  kit.define({
    operationId: "createComment",
    method: "post",
    path: "/api/v1/districts/{districtId}/comments",
    tags: ["participation"],
    summary: "Comment on a proposal or a map asset, or reply to a comment",
    params: z.object({ districtId: Id }),
    body: z
      .object({
        proposalId: Id.optional(),
        assetId: Id.optional(),
        parentCommentId: Id.optional(),
        body: z.string().trim().min(1).max(5000),
      })
      .refine((b) => b.proposalId !== undefined || b.assetId !== undefined, {
        message: "give a proposalId or an assetId",
        path: ["proposalId"],
      }),
    scope: scope.byDistrict,
    responses: { 201: { description: "The comment", schema: CommentSchema } },
    handler: async (c, { params, body }, auth) => {
      const issues: ProblemIssue[] = [];
      let target: ProposalRecord | undefined;
      if (body.proposalId !== undefined) {
        target = await participation.proposals.get(body.proposalId);
        if (target?.districtId !== params.districtId) {
          issues.push(issue("body.proposalId", "unknown-proposal", "no such proposal in this district"));
        }
      }
      if (body.assetId !== undefined && issues.length === 0) {
        const models: unknown[] = [];
        if (target)
          models.push(
            applyChange((await versionOf(target.baseVersionId)).version.model, target.change).model,
          );
        else {
          for (const s of await store.scenarios.listByDistrict(params.districtId)) {
            models.push((await store.versions.latest(s.id))?.model);
          }
        }
        // Map comments: an asset or a building group of the plan.
        const known = (m: unknown) =>
          isRecord(m) &&
          (ids(m.assets).has(body.assetId ?? "") || ids(m.buildingGroups).has(body.assetId ?? ""));
        if (!models.some(known)) {
          issues.push(
            issue(
              "body.assetId",
              "unknown-asset",
              "no such asset or building group in the district's scenarios",
            ),
          );
        }
      }
      if (body.parentCommentId !== undefined) {
        const parent = await participation.comments.get(body.parentCommentId);
        if (
          !parent ||
          parent.districtId !== params.districtId ||
          parent.proposalId !== (body.proposalId ?? null) ||
          parent.assetId !== (body.assetId ?? null)
        ) {
          issues.push(
            issue(
              "body.parentCommentId",
              "unknown-comment",
              "no such comment with the same target in this district",
            ),
          );
        }
      }
      if (issues.length > 0) throw invalid(issues);
      const created = await participation.comments.create({
        districtId: params.districtId,
        proposalId: body.proposalId ?? null,
        assetId: body.assetId ?? null,
        parentCommentId: body.parentCommentId ?? null,
        author: auth.viewer.user?.id ?? null,
        body: body.body,
      });
      await audit(deps, auth, "comment.create", `comment:${created.id}`, {
        proposal: created.proposalId,
        asset: created.assetId,
        parent: created.parentCommentId,
      });
      return json(c, commentView(auth, created), 201);
    },
  });

  kit.define({
    operationId: "hideComment",
    method: "post",
    path: "/api/v1/comments/{commentId}/hide",
    tags: ["participation"],
    summary: "Moderate: hide a comment with a reason (its text is kept for the audit)",
    params: z.object({ commentId: Id }),
    body: z.object({ reason: z.string().trim().min(1).max(2000) }),
    scope: byComment,
    responses: { 200: { description: "The hidden comment", schema: CommentSchema } },
    handler: async (c, { params, body }, auth) => {
      const hidden = await participation.comments.hide(params.commentId, {
        by: auth.viewer.user?.id ?? null,
        reason: body.reason,
      });
      await audit(deps, auth, "comment.hide", `comment:${hidden.id}`, { reason: body.reason });
      return json(c, commentView(auth, hidden));
    },
  });

  kit.define({
    operationId: "acceptProposal",
    method: "post",
    path: "/api/v1/proposals/{proposalId}/accept",
    tags: ["participation"],
    summary:
      "Accept an open proposal: a new version of the base version's scenario = its latest model + the change",
    params: z.object({ proposalId: Id }),
    body: z.object({ message: z.string().max(2000).optional() }),
    scope: byProposal,
    responses: {
      201: {
        description: "The proposal and the new version",
        schema: z.object({ proposal: ProposalSchema, version: VersionSchema }),
      },
      409: { description: "Not open, or the change no longer applies to the scenario's latest version" },
    },
    handler: async (c, { params, body }, auth) => {
      const p = await proposal(params.proposalId);
      if (p.status !== "open") throw conflict("proposal-closed", `proposal is ${p.status}`);
      const { scenario } = await versionOf(p.baseVersionId);
      const latest = await store.versions.latest(scenario.id);
      if (!latest) throw notFound(`latest version of scenario ${scenario.id}`);
      const model = combine(latest.model, [p]);
      // One transaction: the new version exists if and only if the proposal is recorded as accepted with it.
      const accepted = await participation.proposals.accept(p.id, {
        scenarioId: scenario.id,
        parentVersionId: latest.id,
        model,
        author: auth.viewer.user?.id ?? null,
        message: body.message ?? `Accepted proposal ${p.id}: ${p.title}`,
      });
      if (!accepted.ok) {
        if (accepted.reason === "stale-parent")
          throw conflict("stale-parent", "the scenario changed meanwhile; try again");
        throw conflict("proposal-closed", "the proposal was decided meanwhile");
      }
      store.versions.forget?.(scenario.id);
      const { proposal: decided, version } = accepted;
      await audit(deps, auth, "proposal.accept", `proposal:${p.id}`, {
        version: version.id,
        scenario: scenario.id,
      });
      const lens = await lensFor(deps, auth, p.districtId);
      return json(
        c,
        {
          proposal: await proposalView(deps, auth, decided, await supportedBy(auth, decided)),
          version: { ...versionMetaDto(version), model: redactModel(version.model, lens) },
        },
        201,
      );
    },
  });

  kit.define({
    operationId: "declineProposal",
    method: "post",
    path: "/api/v1/proposals/{proposalId}/decline",
    tags: ["participation"],
    summary: "Decline an open proposal with a reason",
    params: z.object({ proposalId: Id }),
    body: z.object({ reason: z.string().trim().min(1).max(5000) }),
    scope: byProposal,
    responses: {
      200: { description: "The declined proposal", schema: ProposalSchema },
      409: { description: "The proposal is not open" },
    },
    handler: async (c, { params, body }, auth) => {
      const p = await proposal(params.proposalId);
      const decided = await participation.proposals.decide(p.id, {
        status: "declined",
        reason: body.reason,
        acceptedVersionId: null,
      });
      if (!decided) throw conflict("proposal-closed", `proposal is ${p.status}`);
      await audit(deps, auth, "proposal.decline", `proposal:${p.id}`, { reason: body.reason });
      return json(c, await proposalView(deps, auth, decided, await supportedBy(auth, decided)));
    },
  });

  kit.define({
    operationId: "withdrawProposal",
    method: "post",
    path: "/api/v1/proposals/{proposalId}/withdraw",
    tags: ["participation"],
    summary: "Withdraw an open proposal (partners: their own organisation's proposals only)",
    params: z.object({ proposalId: Id }),
    body: z.object({ reason: z.string().trim().max(5000).optional() }),
    scope: byProposal,
    responses: {
      200: { description: "The withdrawn proposal", schema: ProposalSchema },
      409: { description: "The proposal is not open" },
    },
    handler: async (c, { params, body }, auth) => {
      const p = await proposal(params.proposalId);
      const decided = await participation.proposals.decide(p.id, {
        status: "withdrawn",
        reason: body.reason || null,
        acceptedVersionId: null,
      });
      if (!decided) throw conflict("proposal-closed", `proposal is ${p.status}`);
      await audit(deps, auth, "proposal.withdraw", `proposal:${p.id}`, { reason: body.reason ?? null });
      return json(c, await proposalView(deps, auth, decided, await supportedBy(auth, decided)));
    },
  });

  kit.define({
    operationId: "getProposalImpact",
    method: "get",
    path: "/api/v1/proposals/{proposalId}/impact",
    tags: ["participation"],
    summary:
      "Simulate the base version, base + this change, and base + all open proposals' changes (creation order)",
    params: z.object({ proposalId: Id }),
    scope: byProposal,
    responses: {
      200: { description: "Indicators and deltas against the base version", schema: ImpactSchema },
      202: ANALYSIS_PENDING_RESPONSE,
      409: { description: "A change no longer applies" },
    },
    handler: async (c, { params }, auth) => {
      const p = await proposal(params.proposalId);
      const { version } = await versionOf(p.baseVersionId);
      const open = await participation.proposals.listByDistrict(p.districtId, "open");
      const together = open.some((x) => x.id === p.id) ? open : [...open, p];
      // Changes are applied here (a conflict is a synchronous 409); the documents are simulated in one run.
      const variants: Variant[] = [
        { key: "baseline", model: version.model },
        { key: "alone", model: combine(version.model, [p]) },
        { key: "combined", model: combine(version.model, together) },
      ];
      return serve(
        c,
        {
          version,
          kind: "variants",
          options: { purpose: "impact", proposalId: p.id, keys: variants.map((v) => v.key) },
          model: { variants },
          createdBy: auth.viewer.user?.id ?? null,
        },
        (summary) => {
          const baseline = variantIndicators(summary, "baseline");
          const alone = variantIndicators(summary, "alone");
          const combined = variantIndicators(summary, "combined");
          return {
            proposalId: p.id,
            baseVersionId: version.id,
            baseline,
            alone: { indicators: alone, delta: deltaOf(alone, baseline) },
            combined: {
              proposals: together.map((x) => x.id),
              indicators: combined,
              delta: deltaOf(combined, baseline),
            },
          };
        },
      );
    },
  });

  kit.define({
    operationId: "listCommitments",
    method: "get",
    path: "/api/v1/districts/{districtId}/commitments",
    tags: ["participation"],
    summary: "Partners' commitments in a district, by year",
    params: z.object({ districtId: Id }),
    scope: scope.byDistrict,
    responses: { 200: { description: "Commitments", schema: listOf(CommitmentSchema) } },
    handler: async (c, { params }) =>
      json(c, { items: await participation.commitments.listByDistrict(params.districtId) }),
  });

  kit.define({
    operationId: "createCommitment",
    method: "post",
    path: "/api/v1/districts/{districtId}/commitments",
    tags: ["participation"],
    summary: "Record a stakeholder's commitment to a proposal or to its own building project, by a year",
    params: z.object({ districtId: Id }),
    body: z
      .object({
        stakeholderId: Id,
        proposalId: Id.optional(),
        buildingGroupId: Id.optional(),
        year: z.number().int().min(1900).max(2200),
        description: z.string().max(5000).default(""),
      })
      .refine((b) => (b.proposalId === undefined) !== (b.buildingGroupId === undefined), {
        message: "give exactly one of proposalId and buildingGroupId",
        path: ["proposalId"],
      }),
    scope: scope.byDistrict,
    responses: { 201: { description: "The commitment", schema: CommitmentSchema } },
    handler: async (c, { params, body }, auth) => {
      const issues: ProblemIssue[] = [];
      const stakeholder = (await store.stakeholders.listByDistrict(params.districtId)).find(
        (s) => s.id === body.stakeholderId,
      );
      if (!stakeholder) {
        issues.push(
          issue("body.stakeholderId", "unknown-stakeholder", "no such stakeholder in this district"),
        );
      }
      if (body.proposalId !== undefined) {
        const p = await participation.proposals.get(body.proposalId);
        if (p?.districtId !== params.districtId) {
          issues.push(issue("body.proposalId", "unknown-proposal", "no such proposal in this district"));
        } else if (p.status === "declined" || p.status === "withdrawn") {
          issues.push(issue("body.proposalId", "proposal-closed", `proposal is ${p.status}`));
        }
      }
      if (body.buildingGroupId !== undefined) {
        let known = false;
        for (const s of await store.scenarios.listByDistrict(params.districtId)) {
          const m = (await store.versions.latest(s.id))?.model;
          if (isRecord(m) && ids(m.buildingGroups).has(body.buildingGroupId)) known = true;
        }
        if (!known) {
          issues.push(issue("body.buildingGroupId", "unknown-building-group", "no such building group"));
        }
      }
      if (issues.length > 0) throw invalid(issues);
      if (
        auth.role === "partner" &&
        (!stakeholder?.organisation || !auth.organisations.has(stakeholder.organisation))
      ) {
        throw forbidden("partners may commit only for their own organisation's stakeholders");
      }
      const created = await participation.commitments.create({
        districtId: params.districtId,
        stakeholderId: body.stakeholderId,
        proposalId: body.proposalId ?? null,
        buildingGroupId: body.buildingGroupId ?? null,
        year: body.year,
        description: body.description,
        createdBy: auth.viewer.user?.id ?? null,
      });
      await audit(deps, auth, "commitment.create", `commitment:${created.id}`, {
        stakeholder: created.stakeholderId,
        proposal: created.proposalId,
        buildingGroup: created.buildingGroupId,
        year: created.year,
      });
      return json(c, created, 201);
    },
  });

  kit.define({
    operationId: "getTracker",
    method: "get",
    path: "/api/v1/districts/{districtId}/tracker",
    tags: ["participation"],
    summary:
      "Per target year of the model: needed versus the latest version without and with the committed open proposals",
    params: z.object({ districtId: Id }),
    query: z.object({ scenarioId: Id.optional() }),
    scope: scope.byDistrict,
    responses: {
      200: { description: "The tracker", schema: TrackerSchema },
      202: ANALYSIS_PENDING_RESPONSE,
      409: { description: "A committed change no longer applies" },
    },
    handler: async (c, { params, query }, auth) => {
      const scenarios = await store.scenarios.listByDistrict(params.districtId);
      const scenario =
        query.scenarioId === undefined ? scenarios[0] : scenarios.find((s) => s.id === query.scenarioId);
      if (!scenario) {
        if (query.scenarioId !== undefined) {
          throw invalid([issue("query.scenarioId", "unknown-scenario", "no such scenario in this district")]);
        }
        throw notFound(`scenarios of district ${params.districtId}`);
      }
      const latest = await store.versions.latest(scenario.id);
      if (!latest) throw notFound(`latest version of scenario ${scenario.id}`);
      const model = isRecord(latest.model) ? latest.model : {};
      const targets = (Array.isArray(model.targets) ? model.targets : []).filter(isRecord);
      const commitments = await participation.commitments.listByDistrict(params.districtId);
      const open = new Map(
        (await participation.proposals.listByDistrict(params.districtId, "open")).map((p) => [p.id, p]),
      );
      // Per target year: the open proposals committed by then. Each distinct set's document is built here (a
      // conflict is a synchronous 409); the current plan and these documents are simulated in one run.
      const years = [...targets]
        .sort((a, b) => num(a.year) - num(b.year))
        .map((t) => {
          const year = num(t.year);
          const due = commitments.filter((x) => x.year <= year);
          const proposalIds = [
            ...new Set(due.map((x) => x.proposalId).filter((x): x is string => x !== null)),
          ];
          const committed = [...open.values()].filter((p) => proposalIds.includes(p.id));
          const key =
            committed.length === 0 ? "current" : `committed:${committed.map((p) => p.id).join(",")}`;
          return { target: t, year, due, committed, key };
        });
      const variants: Variant[] = [{ key: "current", model: latest.model }];
      for (const y of years) {
        if (!variants.some((v) => v.key === y.key))
          variants.push({ key: y.key, model: combine(latest.model, y.committed) });
      }
      return serve(
        c,
        {
          version: latest,
          kind: "variants",
          options: { purpose: "tracker", scenarioId: scenario.id, keys: variants.map((v) => v.key) },
          model: { variants },
          createdBy: auth.viewer.user?.id ?? null,
        },
        (summary) => {
          const current = variantIndicators(summary, "current");
          const rows = years.map(({ target: t, year, due, committed, key }) => {
            const withCommitments = variantIndicators(summary, key);
            const ratioNeeded = numOrNull(t.energyPositivityRatio);
            const co2Max = numOrNull(t.co2Max);
            const meets = (x: Indicators) =>
              (ratioNeeded === null ||
                (x.energyPositivityRatio !== null && x.energyPositivityRatio >= ratioNeeded)) &&
              (co2Max === null || x.co2NetKg <= co2Max);
            return {
              year,
              needed: { energyPositivityRatio: ratioNeeded, co2MaxKg: co2Max },
              withCommitments,
              committedProposals: committed.map((p) => p.id),
              commitments: due.map((x) => x.id),
              met: { current: meets(current), withCommitments: meets(withCommitments) },
              missing: {
                energyPositivityRatio:
                  ratioNeeded === null
                    ? null
                    : Math.max(0, ratioNeeded - (withCommitments.energyPositivityRatio ?? 0)),
                co2Kg: co2Max === null ? null : Math.max(0, withCommitments.co2NetKg - co2Max),
              },
            };
          });
          return { scenarioId: scenario.id, versionId: latest.id, current, targets: rows };
        },
      );
    },
  });
}
