// Solver benchmark: a synthetic hourly-year LP of district size (8760 h, 11 assets with storage, extendable
// capacities, a CO2 cap), timing build, LP/MPS export, HiGHS solve (in-thread via CSC arrays, and in a worker
// thread), solution extraction, LP-text and MPS parsing by HiGHS, and the same MPS solved by native COIN-OR CLP
// (dual simplex) when `clp` is on PATH. Usage: npm run build && node bench/solver.bench.mjs [hours]
// Prints progress, then ONE JSON object as the last stdout line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createLpBuilder, lpName, readLpSolution, toLpFormat, toMps } from "@kera/engine";
import { createHighsSolver, createHighsWorkerSolver, defaultHighsLoader } from "@kera/solver-highs";

const hours = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 8760);
/**
 * `--quick`: skip the repeated solves (memory check); `--build-only`: stop after build and export;
 * `--ipm`: also time HiGHS' interior-point method (142 s vs 40–80 s for the default on the year model).
 */
const quick = process.argv.includes("--quick");
const withIpm = process.argv.includes("--ipm");
const buildOnly = process.argv.includes("--build-only");
const log = (message) => console.log(`[solver.bench] ${message}`);
const ms = (from) => Math.round((performance.now() - from) * 10) / 10;
/** CPU milliseconds of this process since `from` (process.cpuUsage()): less sensitive to a busy machine. */
const cpuMs = (from) => {
  const d = process.cpuUsage(from);
  return Math.round((d.user + d.system) / 100) / 10;
};

/** mulberry32 (public domain): deterministic synthetic data. */
function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic hourly series (illustrative shapes, not data: the bench times the solver, not the district). */
function syntheticSeries(n) {
  const random = seeded(2026);
  const s = { price: [], elDemand: [], heatDemand: [], pvAvail: [], wasteAvail: [], cop: [] };
  for (let t = 0; t < n; t++) {
    const day = (2 * Math.PI * (t % 24)) / 24;
    const year = (2 * Math.PI * t) / 8760;
    const winter = 0.5 + 0.5 * Math.cos(year); // 1 in January, 0 in July
    const sun = Math.max(0, -Math.cos(day)) * (0.3 + 0.7 * (1 - winter));
    s.price.push(0.04 + 0.06 * winter + 0.05 * Math.max(0, Math.sin(day - 1)) + 0.03 * random()); // EUR/kWh
    s.elDemand.push(300 + 150 * Math.max(0, Math.sin(day)) + 50 * random()); // kW
    s.heatDemand.push(200 + 900 * winter + 100 * Math.max(0, Math.sin(day)) + 50 * random()); // kW
    s.pvAvail.push(sun * (0.8 + 0.2 * random())); // per unit of capacity
    s.wasteAvail.push(0.6 + 0.4 * random());
    s.cop.push(2.2 + 1.5 * (1 - winter) + 0.2 * random());
  }
  return s;
}

/** The district LP written with the builder. Returns the model and the asset/attribute list to extract. */
function buildDistrict(n, series) {
  const lp = createLpBuilder({ expectedCols: n * 16, expectedRows: n * 10, expectedNonZeros: n * 40 });
  const v = (asset, attribute, spec) => lp.addVariables(asset, attribute, n, spec);
  const years = n / 8760;
  // Extendable capacities (annualised invest cost scaled to the horizon).
  const pvCap = lp.addVariable({ name: "pv-roofs:capacityOpt", ub: 5000, cost: 60 * years }); // kWp
  const batCap = lp.addVariable({ name: "battery:capacityOpt", ub: 20000, cost: 40 * years }); // kWh
  const tankCap = lp.addVariable({ name: "tank:capacityOpt", ub: 100000, cost: 3 * years }); // kWh
  const pv = v("pv-roofs", "flowOut");
  const imp = v("grid", "flowIn", { ub: 4000, cost: series.price });
  const exp = v("grid", "flowOut", { ub: 4000, cost: series.price.map((p) => -0.7 * p) });
  const bIn = v("battery", "flowIn", { ub: 1000 });
  const bOut = v("battery", "flowOut", { ub: 1000 });
  const bSoc = v("battery", "stateOfCharge");
  const hpEl = v("heat-pump", "flowIn", { ub: 600 });
  const hpHeat = v("heat-pump", "flowOut");
  const tIn = v("tank", "flowIn", { ub: 3000 });
  const tOut = v("tank", "flowOut", { ub: 3000 });
  const tSoc = v("tank", "stateOfCharge");
  const dh = v("district-heating", "flowIn", { cost: 0.06 });
  const dhPeak = lp.addVariable({ name: "district-heating:peak", cost: 40 * years });
  const boiler = v("e-boiler", "flowIn", { ub: 1500, cost: series.price.map((p) => p + 0.01) });
  const waste = v("waste-heat", "flowOut", { ub: series.wasteAvail.map((a) => 400 * a), cost: 0.02 });
  const ev = v("ev-charging", "flowIn", { ub: 250 });
  for (let t = 0; t < n; t++) {
    const prev = (t + n - 1) % n; // cyclic storage
    lp.addConstraint({
      name: lpName("bus-el", "balance", t),
      terms: [
        [pv + t, 1],
        [imp + t, 1],
        [exp + t, -1],
        [bIn + t, -1],
        [bOut + t, 1],
        [hpEl + t, -1],
        [boiler + t, -1],
        [ev + t, -1],
      ],
      lb: series.elDemand[t],
      ub: series.elDemand[t],
    });
    lp.addConstraint({
      name: lpName("bus-heat", "balance", t),
      terms: [
        [hpHeat + t, 1],
        [tIn + t, -1],
        [tOut + t, 1],
        [dh + t, 1],
        [boiler + t, 0.99],
        [waste + t, 1],
      ],
      lb: series.heatDemand[t],
      ub: series.heatDemand[t],
    });
    lp.addConstraint({ name: lpName("pv-roofs", "availability", t), terms: [[pv + t, 1], [pvCap, -series.pvAvail[t]]], ub: 0 }); // prettier-ignore
    lp.addConstraint({ name: lpName("heat-pump", "conversion", t), terms: [[hpHeat + t, 1], [hpEl + t, -series.cop[t]]], lb: 0, ub: 0 }); // prettier-ignore
    lp.addConstraint({
      name: lpName("battery", "socBalance", t),
      terms: [[bSoc + t, 1], [bSoc + prev, -0.9999], [bIn + t, -0.95], [bOut + t, 1 / 0.95]],
      lb: 0,
      ub: 0,
    }); // prettier-ignore
    lp.addConstraint({ name: lpName("battery", "capacity", t), terms: [[bSoc + t, 1], [batCap, -1]], ub: 0 }); // prettier-ignore
    lp.addConstraint({
      name: lpName("tank", "socBalance", t),
      terms: [[tSoc + t, 1], [tSoc + prev, -0.995], [tIn + t, -0.98], [tOut + t, 1]],
      lb: 0,
      ub: 0,
    }); // prettier-ignore
    lp.addConstraint({ name: lpName("tank", "capacity", t), terms: [[tSoc + t, 1], [tankCap, -1]], ub: 0 }); // prettier-ignore
    lp.addConstraint({ name: lpName("district-heating", "peakLimit", t), terms: [[dhPeak, 1], [dh + t, -1]], lb: 0 }); // prettier-ignore
  }
  // EV fleet: 2000 kWh per day, any hour.
  for (let d = 0; d * 24 < n; d++) {
    const terms = [];
    for (let t = d * 24; t < Math.min(n, d * 24 + 24); t++) terms.push([ev + t, 1]);
    lp.addConstraint({
      name: lpName("ev-charging", "dailyEnergy", d),
      terms,
      lb: (2000 * terms.length) / 24,
    });
  }
  // CO2 cap: grid 0.08 and DH 0.15 kgCO2e/kWh (illustrative), cap at 60 % of an all-import reference.
  const reference =
    series.elDemand.reduce((a, b) => a + b, 0) * 0.08 + series.heatDemand.reduce((a, b) => a + b, 0) * 0.15;
  const co2 = [];
  for (let t = 0; t < n; t++) co2.push([imp + t, 0.08], [dh + t, 0.15], [exp + t, -0.08]);
  lp.addConstraint({ name: "district:co2Cap", terms: co2, ub: 0.6 * reference });
  const model = lp.build();
  const extract = [
    ["pv-roofs", "flowOut"],
    ["grid", "flowIn"],
    ["grid", "flowOut"],
    ["battery", "stateOfCharge"],
    ["heat-pump", "flowOut"],
    ["tank", "stateOfCharge"],
    ["district-heating", "flowIn"],
    ["e-boiler", "flowIn"],
    ["waste-heat", "flowOut"],
    ["ev-charging", "flowIn"],
  ];
  return { model, extract };
}

function solveWithClp(model) {
  try {
    execFileSync("clp", ["-quit"], { stdio: "ignore" });
  } catch {
    return { skipped: "clp not on PATH (apt-get install -y coinor-clp)" };
  }
  const dir = mkdtempSync(join(tmpdir(), "kera-bench-clp-"));
  try {
    const mps = join(dir, "model.mps");
    const sol = join(dir, "model.sol");
    writeFileSync(mps, toMps(model));
    const t0 = performance.now();
    execFileSync("clp", [mps, "-dualsimplex", "-solution", sol], { stdio: "ignore", maxBuffer: 1 << 26 });
    const wallMs = ms(t0);
    const first = readFileSync(sol, "utf8").split("\n")[0] ?? "";
    const match = /^(.*?)\s*-\s*objective value\s+(\S+)/.exec(first);
    return { wallMs, status: match?.[1]?.trim(), objective: match ? Number(match[2]) : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const out = { hours, loadAverage1m: (await import("node:os")).loadavg()[0] };
const series = syntheticSeries(hours);

log(`building a ${hours} h district LP`);
let t0 = performance.now();
let c0 = process.cpuUsage();
const { model, extract } = buildDistrict(hours, series);
out.buildMs = ms(t0);
out.buildCpuMs = cpuMs(c0);
out.cols = model.numCols;
out.rows = model.numRows;
out.nonZeros = model.matrix.value.length;
log(
  `built ${out.cols} columns, ${out.rows} rows, ${out.nonZeros} non-zeros in ${out.buildMs} ms (CPU ${out.buildCpuMs} ms)`,
);

t0 = performance.now();
c0 = process.cpuUsage();
const lpText = toLpFormat(model).text;
out.lpTextMs = ms(t0);
out.lpTextCpuMs = cpuMs(c0);
out.lpTextMiB = Math.round((lpText.length / 2 ** 20) * 10) / 10;
t0 = performance.now();
c0 = process.cpuUsage();
const mpsText = toMps(model);
out.mpsTextMs = ms(t0);
out.mpsTextCpuMs = cpuMs(c0);
out.mpsTextMiB = Math.round((mpsText.length / 2 ** 20) * 10) / 10;
log(`LP text ${out.lpTextMiB} MiB in ${out.lpTextMs} ms; MPS ${out.mpsTextMiB} MiB in ${out.mpsTextMs} ms`);

if (buildOnly) {
  console.log(JSON.stringify(out));
  process.exit(0);
}

t0 = performance.now();
const highs = await defaultHighsLoader()();
out.highsLoadMs = ms(t0);
for (const [format, data] of [
  ["lp", lpText],
  ["mps", mpsText],
]) {
  t0 = performance.now();
  highs.withModel({ format, data }, () => undefined);
  out[`highsParse${format === "lp" ? "Lp" : "Mps"}Ms`] = ms(t0);
}
log(`HiGHS parses LP text in ${out.highsParseLpMs} ms, MPS in ${out.highsParseMpsMs} ms`);

log("solving with HiGHS in-thread (structured CSC arrays, no text)");
const solver = createHighsSolver();
t0 = performance.now();
const result = await solver.solve(model);
out.highs = {
  wallMs: ms(t0),
  solverSeconds: Math.round(result.seconds * 1000) / 1000,
  status: result.status,
  objective: result.objective,
  iterations: result.iterations,
  memoryMiB: Math.round(solver.memoryBytes / 2 ** 20),
};
log(`HiGHS: ${result.status} objective ${result.objective} in ${out.highs.wallMs} ms`);

t0 = performance.now();
c0 = process.cpuUsage();
const solution = readLpSolution(model, result);
let checksum = 0;
for (const [asset, attribute] of extract) {
  const values = solution.series(asset, attribute, hours);
  for (const x of values) checksum += x;
}
out.extractMs = ms(t0);
out.extractCpuMs = cpuMs(c0);
out.extractSeries = extract.length;
log(`extracted ${extract.length} hourly series in ${out.extractMs} ms (checksum ${Math.round(checksum)})`);

log("solving again twice to check memory stays flat");
const memory = [solver.memoryBytes];
out.highsRepeatWallMs = [];
for (let i = 0; i < (quick ? 0 : 2); i++) {
  t0 = performance.now();
  await solver.solve(model);
  out.highsRepeatWallMs.push(ms(t0));
  memory.push(solver.memoryBytes);
}
out.highsMemoryMiBAfterSolves = memory.map((b) => Math.round(b / 2 ** 20));
log(
  `repeat solves ${out.highsRepeatWallMs.join(", ")} ms; memory ${out.highsMemoryMiBAfterSolves.join(", ")} MiB`,
);
await solver.dispose();

if (withIpm) {
  log("solving with HiGHS in-thread, interior point (ipm)");
  const ipmSolver = createHighsSolver();
  t0 = performance.now();
  const viaIpm = await ipmSolver.solve(model, { method: "ipm" });
  out.highsIpm = {
    wallMs: ms(t0),
    status: viaIpm.status,
    objective: viaIpm.objective,
    iterations: viaIpm.iterations,
  };
  await ipmSolver.dispose();
  log(`HiGHS ipm: ${viaIpm.status} objective ${viaIpm.objective} in ${out.highsIpm.wallMs} ms`);
}

log("solving in a worker thread");
const worker = createHighsWorkerSolver();
t0 = performance.now();
const viaWorker = await worker.solve(model);
out.highsWorker = { wallMs: ms(t0), status: viaWorker.status, objective: viaWorker.objective };
await worker.dispose();
log(`worker: ${viaWorker.status} in ${out.highsWorker.wallMs} ms`);

log("solving the exported MPS with native CLP (dual simplex)");
out.clp = solveWithClp(model);
if (out.clp.objective !== undefined && result.objective !== undefined) {
  out.clp.relativeDifference =
    Math.abs(out.clp.objective - result.objective) / Math.max(1, Math.abs(result.objective));
}
log(`CLP: ${JSON.stringify(out.clp)}`);

console.log(JSON.stringify(out));
