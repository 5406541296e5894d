// Kera district optimisation over a full hourly year (issue 5): model build, solve (HiGHS WebAssembly) and
// result extraction times, problem size; the same MPS solved by native CLP (Debian coinor-clp, installed here
// if missing); and the plan on 12 typical days against the full model. Prints one JSON object last.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseDistrictYaml } from "@kera/schema";
import {
  buildNetwork,
  extractResult,
  formulate,
  optimizeAggregated,
  readLpSolution,
  toMps,
} from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { loadDefaultWeather } from "@kera/data";

function ensureClp() {
  if (spawnSync("sh", ["-c", "command -v clp"]).status === 0) return true;
  console.log("installing coinor-clp (Debian) for the independent cross-check");
  const r = spawnSync("sh", [
    "-c",
    "apt-get install -y -qq coinor-clp >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq coinor-clp >/dev/null)",
  ]);
  return r.status === 0;
}

const parsed = parseDistrictYaml(
  readFileSync(new URL("../examples/districts/kera/district.yaml", import.meta.url), "utf8"),
);
if (!parsed.ok) throw new Error("Kera district does not validate");
const built = buildNetwork({ district: parsed.value, weather: loadDefaultWeather() });
if (!built.ok) throw new Error("buildNetwork failed");
const network = built.value.network;
const solver = createHighsSolver();

// Model build: the first (cold, as in a one-shot CLI run) and the median of three more (warm, as in the server).
let t0 = performance.now();
let formulated = formulate(network, { mode: "plan" });
const buildColdMs = performance.now() - t0;
const warm = [];
for (let i = 0; i < 3; i++) {
  t0 = performance.now();
  formulated = formulate(network, { mode: "plan" });
  warm.push(performance.now() - t0);
}
const buildMs = warm.sort((a, b) => a - b)[1];
const model = formulated.model;
console.log(
  `plan model: ${model.numCols} columns, ${model.numRows} rows, built in ${buildMs.toFixed(0)} ms warm, ${buildColdMs.toFixed(0)} ms cold`,
);
t0 = performance.now();
const solved = await solver.solve(model);
const solveMs = performance.now() - t0;
t0 = performance.now();
const solution = readLpSolution(model, solved);
const result = solution ? extractResult(network, formulated, solution) : undefined;
const extractMs = performance.now() - t0;
console.log(
  `HiGHS ${solved.status} objective ${solved.objective} in ${(solveMs / 1000).toFixed(1)} s; extraction ${extractMs.toFixed(0)} ms`,
);

// Independent solver on the exported MPS.
const dir = mkdtempSync(join(tmpdir(), "kera-bench-"));
const mpsPath = join(dir, "kera-plan.mps");
writeFileSync(mpsPath, toMps(model));
let clp = { available: false };
if (ensureClp()) {
  const solPath = join(dir, "clp.sol");
  t0 = performance.now();
  const out = execFileSync("clp", [mpsPath, "-dualsimplex", "-solution", solPath], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const clpMs = performance.now() - t0;
  const m =
    /Objective value:\s*([-0-9.eE+]+)/.exec(readFileSync(solPath, "utf8")) ??
    /Optimal objective\s+([-0-9.eE+]+)/.exec(out);
  // CLP reports the objective including the constant, which the MPS carries as the objective row's RHS.
  const objective = m ? Number(m[1]) : Number.NaN;
  clp = {
    available: true,
    seconds: clpMs / 1000,
    objective,
    relativeDifference:
      Math.abs(objective - (solved.objective ?? 0)) / Math.max(1, Math.abs(solved.objective ?? 0)),
  };
  console.log(`CLP dual simplex objective ${objective} in ${(clpMs / 1000).toFixed(1)} s`);
}

// Typical days against the full model.
t0 = performance.now();
const agg = await optimizeAggregated(network, solver, { mode: "plan", typicalDays: 12 });
const aggMs = performance.now() - t0;
const aggError =
  Math.abs((agg.objectiveEur ?? 0) - (solved.objective ?? 0)) / Math.abs(solved.objective ?? 1);
console.log(
  `12 typical days: ${(aggMs / 1000).toFixed(1)} s, objective ${agg.objectiveEur} (${(aggError * 100).toFixed(2)} % from full)`,
);
await solver.dispose();

const totalMs = buildMs + solveMs + extractMs;
console.log(
  JSON.stringify({
    problem: { columns: model.numCols, rows: model.numRows },
    highs: { status: solved.status, objective: solved.objective, iterations: solved.iterations },
    buildMs,
    buildColdMs,
    solveMs,
    extractMs,
    buildPlusExtractShare: (buildMs + extractMs) / totalMs,
    buildPlusExtractShareCold: (buildColdMs + extractMs) / (buildColdMs + solveMs + extractMs),
    balanceChecked: result !== undefined,
    clp,
    highsFasterThanClp: clp.available ? solveMs / 1000 < clp.seconds : null,
    typicalDays12: {
      ms: aggMs,
      objective: agg.objectiveEur,
      relativeError: aggError,
      targetMs: 5000,
      targetError: 0.02,
    },
  }),
);
