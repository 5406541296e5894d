/* global fetch, performance */
// API throughput: read endpoints of a computed scenario, measured with autocannon against 127.0.0.1 only.
// Starts the BUILT server (packages/server/dist/main.js) as a child process on a free port with a fresh DATA_DIR
// (embedded PGlite, Kera seeded, baseline computed), signs in, then loads each endpoint for KERA_BENCH_SECONDS
// (default 10) with 20 connections. Target (issue 6): >= 1,000 req/s and p99 < 50 ms per read endpoint.
// Prints progress, then ONE JSON object as the last stdout line. Run: npm run build && node bench/api.bench.mjs
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { addUser, openServerStore } from "@kera/server";

const root = fileURLToPath(new URL("..", import.meta.url));
const seconds = Number(process.env.KERA_BENCH_SECONDS ?? 10);
const connections = Number(process.env.KERA_BENCH_CONNECTIONS ?? 20);
const TARGET_RPS = 1000;
const TARGET_P99_MS = 50;
const log = (line) => process.stdout.write(`${line}\n`);

const dataDir = await mkdtemp(join(tmpdir(), "kera-api-bench-"));
const password = "bench password long enough";
// The first admin, created before the server opens the database (PGlite allows one process at a time).
{
  const store = await openServerStore({ DATA_DIR: dataDir });
  const added = await addUser(store, {
    email: "bench@example.org",
    role: "platform_admin",
    organisation: "platform",
    password,
  });
  if (!added.ok) throw new Error(JSON.stringify(added.issues));
  await store.close();
}

const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [join(root, "packages/server/dist/main.js")], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    KERA_WORKERS: "1",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
child.stdout.on("data", (d) => process.stdout.write(`  [server] ${d}`));
const stopServer = async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
};

try {
  const t0 = performance.now();
  let baseline;
  for (let i = 0; i < 1200 && !baseline; i++) {
    await new Promise((r) => setTimeout(r, 250));
    try {
      const body = await (await fetch(`${base}/api/v1/public/districts/kera`)).json();
      baseline = body.baseline ?? undefined;
    } catch {
      // not listening yet
    }
  }
  if (!baseline) throw new Error("the Kera baseline was not computed within 5 minutes");
  log(
    `server up and baseline computed in ${((performance.now() - t0) / 1000).toFixed(1)} s (run ${baseline.runId})`,
  );

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
  await stopServer();
  await rm(dataDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} catch (error) {
  await stopServer();
  await rm(dataDir, { recursive: true, force: true });
  throw error;
}
