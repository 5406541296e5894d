/* global fetch */
// API throughput: read endpoints of a computed scenario, measured with autocannon against 127.0.0.1 only.
// Starts the BUILT server (bench/support.mjs: a free port, a fresh DATA_DIR with embedded PGlite, Kera seeded,
// baseline computed), signs in, then loads each endpoint for KERA_BENCH_SECONDS
// (default 10) with 20 connections. Target (issue 6): >= 1,000 req/s and p99 < 50 ms per read endpoint.
// Prints progress, then ONE JSON object as the last stdout line. Run: npm run build && node bench/api.bench.mjs
import autocannon from "autocannon";
import { startBuiltServer } from "./support.mjs";

const seconds = Number(process.env.KERA_BENCH_SECONDS ?? 10);
const connections = Number(process.env.KERA_BENCH_CONNECTIONS ?? 20);
const TARGET_RPS = 1000;
const TARGET_P99_MS = 50;
const log = (line) => process.stdout.write(`${line}\n`);

const password = "bench password long enough";
const { base, baseline, startS, stop } = await startBuiltServer({
  name: "api",
  user: { email: "bench@example.org", role: "platform_admin", organisation: "platform", password },
});
log(`server up and baseline computed in ${startS.toFixed(1)} s (run ${baseline.runId})`);

try {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.org", password }),
  });
  const { csrfToken } = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const tokenRes = await fetch(`${base}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = await tokenRes.json();
  // Browsers always send Accept-Encoding; large immutable bodies (series) are served pre-compressed.
  const browser = { "accept-encoding": "gzip, deflate, br" };
  const auth = { ...browser, authorization: `Bearer ${token}` };
  // One named series of the baseline (the first in alphabetical order), as a chart would load it.
  const all = await (await fetch(`${base}/api/v1/runs/${baseline.runId}/series`, { headers: auth })).json();
  const seriesName = Object.keys(all.series ?? {}).sort()[0];
  if (!seriesName) throw new Error("the baseline run has no series");

  const endpoints = [
    { name: "public-district", path: "/api/v1/public/districts/kera", headers: browser },
    { name: "run-summary", path: `/api/v1/runs/${baseline.runId}/summary`, headers: auth },
    {
      name: "run-series-json",
      path: `/api/v1/runs/${baseline.runId}/series?name=${encodeURIComponent(seriesName)}`,
      headers: auth,
    },
    { name: "run", path: `/api/v1/runs/${baseline.runId}`, headers: auth },
    { name: "version", path: `/api/v1/versions/${baseline.versionId}`, headers: auth },
    { name: "health", path: "/api/health", headers: {} },
  ];
  const results = {};
  for (const e of endpoints) {
    const check = await fetch(base + e.path, { headers: e.headers });
    if (check.status !== 200) throw new Error(`${e.name}: HTTP ${check.status} ${await check.text()}`);
    const bytes = (await check.arrayBuffer()).byteLength;
    const r = await autocannon({ url: base + e.path, headers: e.headers, connections, duration: seconds });
    const non2xx = r.non2xx + r.errors + r.timeouts;
    results[e.name] = {
      reqPerS: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
      responseBytes: bytes,
      failed: non2xx,
    };
    log(
      `${e.name.padEnd(16)} ${String(results[e.name].reqPerS).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${bytes} B, ${non2xx} failed)`,
    );
  }
  const reads = Object.entries(results).filter(([n]) => n !== "health");
  const minReqPerS = Math.min(...reads.map(([, r]) => r.reqPerS));
  const maxP99Ms = Math.max(...reads.map(([, r]) => r.p99Ms));
  const summary = {
    seconds,
    connections,
    targets: { reqPerS: TARGET_RPS, p99Ms: TARGET_P99_MS },
    minReadReqPerS: minReqPerS,
    maxReadP99Ms: maxP99Ms,
    meetsTarget:
      minReqPerS >= TARGET_RPS && maxP99Ms < TARGET_P99_MS && reads.every(([, r]) => r.failed === 0),
    endpoints: results,
  };
  await stop();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} catch (error) {
  await stop();
  throw error;
}
