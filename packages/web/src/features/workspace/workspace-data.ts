import {
  api,
  type District,
  type Run,
  type Scenario,
  type Version,
  type VersionMeta,
} from "../../api/client.js";

export async function districtBySlug(slug: string): Promise<District> {
  const { items } = await api<{ items: District[] }>("GET", "/districts");
  const d = items.find((x) => x.slug === slug) ?? items[0];
  if (!d) throw new Error(`no district ${slug}`);
  return d;
}

export const listScenarios = async (districtId: string) =>
  (await api<{ items: Scenario[] }>("GET", `/districts/${districtId}/scenarios`)).items;
export const listVersions = async (scenarioId: string) =>
  (await api<{ items: VersionMeta[] }>("GET", `/scenarios/${scenarioId}/versions`)).items;
export const getVersion = (versionId: string) => api<Version>("GET", `/versions/${versionId}`);
/** Simulations and optimisations of a version (analysis runs — cooperation, variants, alternatives — are left out). */
export const listRuns = async (versionId: string) =>
  (await api<{ items: Run[] }>("GET", `/versions/${versionId}/runs`)).items.filter(
    (r) => r.kind === "simulate" || r.kind === "optimize",
  );

/** The newest succeeded simulation of a version, if any. */
export async function latestSucceededRun(versionId: string): Promise<Run | undefined> {
  const runs = await listRuns(versionId);
  return [...runs].reverse().find((r) => r.status === "succeeded");
}

const ACTIVE = new Set(["queued", "running"]);

/**
 * The run whose results to show for a version: its newest succeeded simulation; when a run is still queued
 * or running (e.g. the baseline right after start-up), waits for it (polling every 2 s, up to 10 minutes).
 */
export async function settledRunId(versionId: string): Promise<string | undefined> {
  for (let i = 0; i < 300; i++) {
    const runs = await listRuns(versionId);
    const active = runs.some((r) => ACTIVE.has(r.status));
    const done = [...runs].reverse().find((r) => r.status === "succeeded");
    if (done && !active) return done.id;
    if (!active) return done?.id;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return undefined;
}
