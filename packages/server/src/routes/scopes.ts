import type { AppDeps, Scope } from "../context.js";
import type { DistrictRecord, RunRecord, ScenarioRecord, VersionRecord } from "../ports.js";
import { notFound } from "../problem.js";

/** Scope resolvers: find the target from raw path params (404 when missing) and say which district it is in. */
export function scopes(deps: AppDeps) {
  const { store } = deps;
  const district = async (id: string | undefined): Promise<DistrictRecord> => {
    const d = id ? await store.districts.get(id) : undefined;
    if (!d) throw notFound(`district ${id ?? ""}`);
    return d;
  };
  const scenario = async (id: string | undefined): Promise<ScenarioRecord> => {
    const s = id ? await store.scenarios.get(id) : undefined;
    if (!s) throw notFound(`scenario ${id ?? ""}`);
    return s;
  };
  const version = async (
    id: string | undefined,
  ): Promise<{ version: VersionRecord; scenario: ScenarioRecord }> => {
    const v = id ? await store.versions.get(id) : undefined;
    if (!v) throw notFound(`version ${id ?? ""}`);
    return { version: v, scenario: await scenario(v.scenarioId) };
  };
  const run = async (
    id: string | undefined,
  ): Promise<{ run: RunRecord; version: VersionRecord; scenario: ScenarioRecord }> => {
    const r = id ? await store.runs.get(id) : undefined;
    if (!r) throw notFound(`run ${id ?? ""}`);
    return { run: r, ...(await version(r.versionId)) };
  };
  const ofScenario = (s: ScenarioRecord): Scope => ({
    districtId: s.districtId,
    ownerOrganisation: s.organisation,
  });
  return {
    district,
    scenario,
    version,
    run,
    byDistrict: async (p: Record<string, string>): Promise<Scope> => ({
      districtId: (await district(p.districtId)).id,
    }),
    byScenario: async (p: Record<string, string>): Promise<Scope> => ofScenario(await scenario(p.scenarioId)),
    byVersion: async (p: Record<string, string>): Promise<Scope> =>
      ofScenario((await version(p.versionId)).scenario),
    byRun: async (p: Record<string, string>): Promise<Scope> => ofScenario((await run(p.runId)).scenario),
  };
}
