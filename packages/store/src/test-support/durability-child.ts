/**
 * Child process for the kill -9 test: opens a file-backed PGlite store, writes a district, a version and
 * a running run, prints READY <json>, then keeps writing audit entries until it is killed.
 */
import { createStore } from "../create-store.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: durability-child <dataDir>");
const store = await createStore({ kind: "pglite", dataDir });
const district = await store.districts.create({ slug: "kera", name: "Kera" });
const scenario = await store.scenarios.create({ districtId: district.id, name: "baseline" });
const version = await store.versions.create({
  scenarioId: scenario.id,
  parentVersionId: null,
  model: { id: "kera" },
});
const run = await store.runs.create({ versionId: version.id, kind: "simulate", inputHash: "h" });
await store.runs.markStarted(run.id, `pid-${process.pid}`, new Date());
process.stdout.write(
  `READY ${JSON.stringify({ districtId: district.id, versionId: version.id, runId: run.id })}\n`,
);
for (let i = 0; ; i++) {
  await store.audit.append({ actor: null, action: "tick", details: { i } });
  if (i === 20) process.stdout.write("TICKED\n");
}
