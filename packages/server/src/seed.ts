import type { DistrictRecord, ScenarioRecord, ServerStore, VersionRecord } from "./ports.js";
import type { ProblemIssue } from "./problem.js";
import { parseDistrictYaml } from "@kera/schema";
import { validateDistrictDocument } from "./model.js";

export const BASELINE_SCENARIO_NAME = "Baseline";

export interface CreatedDistrict {
  readonly ok: true;
  readonly district: DistrictRecord;
  readonly scenario: ScenarioRecord | undefined;
  readonly version: VersionRecord | undefined;
}

/**
 * Creates a district; with a district document also its baseline scenario (version 1) and its stakeholders.
 * The document is validated first, so nothing is written for an invalid one.
 */
export async function createDistrictWithBaseline(
  deps: { readonly store: ServerStore },
  input: {
    slug: string;
    name: string;
    model: unknown;
    userId: string | null;
    organisation: string | null;
    /** Organisation (slug) that speaks for each stakeholder id of the document. */
    stakeholderOrganisations?: Readonly<Record<string, string>>;
  },
): Promise<CreatedDistrict | { ok: false; issues: ProblemIssue[] }> {
  const { store } = deps;
  let model: Record<string, unknown> | undefined;
  if (input.model !== undefined) {
    const valid = validateDistrictDocument(input.model);
    if (!valid.ok) return valid;
    model = valid.value;
  }
  const district = await store.districts.create({
    slug: input.slug,
    name: input.name,
    createdBy: input.userId,
  });
  if (!model) return { ok: true, district, scenario: undefined, version: undefined };
  const stakeholders = Array.isArray(model.stakeholders) ? model.stakeholders : [];
  for (const s of stakeholders) {
    if (typeof s !== "object" || s === null) continue;
    const { id, name, kind } = s as Record<string, unknown>;
    if (typeof id !== "string") continue;
    await store.stakeholders.create({
      districtId: district.id,
      id,
      name: typeof name === "string" ? name : id,
      kind: typeof kind === "string" ? kind : "other",
      organisation: input.stakeholderOrganisations?.[id] ?? null,
    });
  }
  const scenario = await store.scenarios.create({
    districtId: district.id,
    name: BASELINE_SCENARIO_NAME,
    parentScenarioId: null,
    createdBy: input.userId,
    organisation: input.organisation,
  });
  const created = await store.versions.create({
    scenarioId: scenario.id,
    parentVersionId: null,
    model,
    author: input.userId,
    message: "Initial baseline",
  });
  if (!created.ok) throw new Error("a new scenario cannot have a stale parent");
  return { ok: true, district, scenario, version: created.version };
}

/**
 * Seeds a district from a YAML document (e.g. examples/districts/kera/district.yaml). Each stakeholder is spoken for
 * by the organisation whose slug equals the stakeholder id (`fortum` → organisation `fortum`), so a partner account
 * created with `--org fortum` owns Fortum's assets.
 */
export async function seedDistrictFromYaml(
  store: ServerStore,
  input: { yaml: string; fileName: string; slug: string },
): Promise<CreatedDistrict | { ok: false; issues: ProblemIssue[] }> {
  const parsed = parseDistrictYaml(input.yaml, { fileName: input.fileName });
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.issues.map((i) => ({
        code: i.code,
        severity: i.severity,
        path: i.line === undefined ? i.path : `${i.path} (line ${i.line})`,
        message: i.message,
      })),
    };
  }
  const model = JSON.parse(JSON.stringify(parsed.value)) as Record<string, unknown>;
  const stakeholderOrganisations: Record<string, string> = {};
  for (const s of parsed.value.stakeholders) stakeholderOrganisations[s.id] = s.id;
  return createDistrictWithBaseline(
    { store },
    {
      slug: input.slug,
      name: parsed.value.name,
      model,
      userId: null,
      organisation: null,
      stakeholderOrganisations,
    },
  );
}
