/* global fetch, performance */
// Analyses as jobs (issue 8): the Kera cooperation analysis (the six partners of issue 8, 4 typical days) and the
// Kera alternatives (count 4, slack 5 %, 4 typical days), each asked for over HTTP like the web app does: the GET
// answers 202 with the run (its latency is what a user waits for before seeing progress), the run computes in a
// worker thread, and the GET then answers 200 from the stored result.
// Starts the BUILT server (bench/support.mjs: a free port, a fresh DATA_DIR with embedded PGlite, Kera seeded,
// baseline computed, KERA_WORKERS=1). Prints progress, then ONE JSON object as the last stdout line.
// Run: npx tsc -b tsconfig.build.json && node bench/analysis-jobs.bench.mjs
import { startBuiltServer } from "./support.mjs";

const log = (line) => process.stdout.write(`${line}\n`);
const PARTNERS = ["espoo", "fortum", "sok", "housing-tiili", "housing-keramiikka", "kera-offices"];

const password = "bench password long enough";
const { base, district, baseline, stop } = await startBuiltServer({
  name: "analysis",
  user: { email: "bench@example.org", role: "platform_admin", organisation: "platform", password },
});

try {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.org", password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const get = async (path) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.json();
    return { status: res.status, body, ms: performance.now() - t0 };
  };

  /** GET → 202 (timed) → poll the run → GET → 200 (timed). */
  const analyse = async (name, path) => {
    const first = await get(path);
    if (first.status !== 202)
      throw new Error(`${name}: expected 202, got ${first.status} ${JSON.stringify(first.body)}`);
    const again = await get(path); // the same run, no duplicate
    if (again.body.runId !== first.body.runId) throw new Error(`${name}: a second run was started`);
    const t0 = performance.now();
    let run;
    for (;;) {
      run = (await get(`/api/v1/runs/${first.body.runId}`)).body;
      if (!["queued", "running"].includes(run.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const wallS = (performance.now() - t0) / 1000;
    if (run.status !== "succeeded") throw new Error(`${name}: run ${run.status}: ${run.error}`);
    const done = await get(path);
    if (done.status !== 200) throw new Error(`${name}: expected 200, got ${done.status}`);
    const runS = (Date.parse(run.finishedAt) - Date.parse(run.startedAt ?? run.createdAt)) / 1000;
    const out = {
      accepted202Ms: Number(first.ms.toFixed(1)),
      repeated202Ms: Number(again.ms.toFixed(1)),
      runS: Number(runS.toFixed(2)),
      untilSucceededS: Number(wallS.toFixed(2)),
      result200Ms: Number(done.ms.toFixed(1)),
    };
    log(`${name}: ${JSON.stringify(out)}`);
    return { ...out, body: done.body };
  };

  const coop = await analyse(
    "cooperation (6 partners, 4 typical days)",
    `/api/v1/versions/${baseline.versionId}/cooperation?typicalDays=4&players=${PARTNERS.join(",")}`,
  );
  log(`  value of cooperation ${coop.body.totals.value.toFixed(0)} EUR/a, method ${coop.body.method}`);
  const alt = await analyse(
    "alternatives (count 4, slack 5 %, 4 typical days)",
    `/api/v1/versions/${baseline.versionId}/alternatives?count=4&slack=0.05&typicalDays=4`,
  );
  log(
    `  plans: ${alt.body.plans.map((p) => `${p.name} +${((p.costIncrease ?? 0) * 100).toFixed(2)} %`).join(", ")}`,
  );
  // A proposal's impact: three Kera documents (baseline, alone, combined) validated in the request, simulated in a run.
  const csrf = (await login.clone().json()).csrfToken;
  const proposed = await fetch(`${base}/api/v1/districts/${district.id}/proposals`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
    body: JSON.stringify({
      baseVersionId: baseline.versionId,
      title: "More PV on the parking roofs",
      change: {
        assets: [{ kind: "pv", id: "pv-bench", owner: "sok", location: "parking-south", capacity: 300 }],
      },
    }),
  });
  if (proposed.status !== 201) throw new Error(`proposal: ${proposed.status} ${await proposed.text()}`);
  const proposal = await proposed.json();
  const impact = await analyse("impact (3 full-year simulations)", `/api/v1/proposals/${proposal.id}/impact`);
  const { body: _c, ...cooperation } = coop;
  const { body: _a, ...alternatives } = alt;
  const { body: _i, ...proposalImpact } = impact;
  await stop();
  log(JSON.stringify({ bench: "analysis-jobs", cooperation, alternatives, impact: proposalImpact }));
} catch (error) {
  await stop();
  throw error;
}
