// Exact Shapley value for 8 Kera partners (issue 8 "Done when"): every one of the 2^8 = 256 coalitions is
// optimised (operate mode, HiGHS WebAssembly, in-process and serial) on typical days, then the Shapley value,
// the core check, a sampled Shapley value on the same cached game and the settlement. Target: under 60 s.
// Prints progress and one JSON object as its last line.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { cpus } from "node:os";
import { parseDistrictYaml } from "@kera/schema";
import {
  buildNetwork,
  characteristicFunction,
  createSolverPool,
  mapWithConcurrency,
  coreCheck,
  createCooperationContext,
  settlement,
  shapleyExact,
  shapleySampled,
  valueOfCooperationFrom,
} from "@kera/engine";
import { createHighsSolver, createHighsWorkerSolver } from "@kera/solver-highs";
import { loadDefaultWeather } from "@kera/data";

const TYPICAL_DAYS = Number(process.env.KERA_TYPICAL_DAYS ?? 12);
// Coalitions are optimised in parallel on a pool of HiGHS worker threads, one per core (0: in-process, serial).
const WORKERS = Number(process.env.KERA_SHAPLEY_WORKERS ?? Math.max(1, cpus().length));
// The six partners of issue 8, the office campus owner and the distribution network owner (who owns only
// the grid connection and so adds nothing: a null player whose share must come out as 0).
const PARTNERS = [
  "espoo",
  "fortum",
  "caruna",
  "sok",
  "nokia",
  "housing-tiili",
  "housing-keramiikka",
  "kera-offices",
];

const parsed = parseDistrictYaml(
  readFileSync(new URL("../examples/districts/kera/district.yaml", import.meta.url), "utf8"),
);
if (!parsed.ok) throw new Error("Kera district does not validate");
const built = buildNetwork({ district: parsed.value, weather: loadDefaultWeather() });
if (!built.ok) throw new Error("buildNetwork failed");
const solver =
  WORKERS > 0
    ? createSolverPool(Array.from({ length: WORKERS }, () => createHighsWorkerSolver()))
    : createHighsSolver();
console.log(`solver: ${solver.name}`);

let t0 = performance.now();
const context = createCooperationContext(built.value.network, solver, { typicalDays: TYPICAL_DAYS });
const aggregateS = (performance.now() - t0) / 1000;
console.log(`aggregated to ${TYPICAL_DAYS} typical days in ${aggregateS.toFixed(1)} s`);

const fn = characteristicFunction(context, { players: PARTNERS, concurrency: Math.max(1, WORKERS) });
let done = 0;
let reporting = true;
const game = {
  ...fn.game,
  valueAll: (coalitions) =>
    mapWithConcurrency(coalitions, Math.max(1, WORKERS), async (c) => {
      const v = await fn.game.value(c);
      if (reporting && ++done % 32 === 0) console.log(`  ${done} / ${coalitions.length} coalitions`);
      return v;
    }),
};
t0 = performance.now();
const exact = await shapleyExact(game);
const shapleyS = (performance.now() - t0) / 1000;
reporting = false;
console.log(`exact Shapley over ${exact.evaluations} coalitions in ${shapleyS.toFixed(1)} s`);
for (const [p, x] of Object.entries(exact.shares))
  console.log(`  ${p.padEnd(20)} ${x.toFixed(0).padStart(10)} EUR/a`);

t0 = performance.now();
const core = await coreCheck(game, exact.shares, 1e-6 * Math.max(1, exact.grandValue));
const sampled = await shapleySampled(fn.game, { samples: 200, seed: 1 });
const inside = PARTNERS.filter((p) => {
  const [lo, hi] = sampled.interval[p];
  return exact.shares[p] >= lo - 1e-6 && exact.shares[p] <= hi + 1e-6;
}).length;
const value = await valueOfCooperationFrom(fn);
const grand = await fn.outcome(PARTNERS);
const standaloneEur = Object.fromEntries(PARTNERS.map((p) => [p, value.alone[p].costEur]));
const settled = settlement({
  players: PARTNERS,
  network: grand.network,
  result: grand.result,
  hourWeights: context.hourWeights,
  jointCostEur: grand.costEur,
  standaloneEur,
  shares: exact.shares,
  monthSteps: context.optimizeOptions.monthSteps,
});
const restS = (performance.now() - t0) / 1000;
console.log(
  `value of cooperation ${value.gain.costEur.toFixed(0)} EUR/a (${((100 * value.gain.costEur) / value.silos.costEur).toFixed(1)} % of silos), ` +
    `${(value.gain.co2Kg / 1000).toFixed(0)} tCO2e/a; core ${core.inCore ? "holds" : `violated by ${core.mostViolated?.excess.toFixed(0)} EUR/a`}; ` +
    `sampled Shapley (200 permutations) covers ${inside}/${PARTNERS.length} exact shares; ${settled.payments.length} payments`,
);
await solver.dispose();

const round = (x) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    benchmark: "shapley",
    partners: PARTNERS.length,
    typicalDays: TYPICAL_DAYS,
    coalitionsOptimised: exact.evaluations,
    aggregateSeconds: round(aggregateS),
    exactShapleySeconds: round(shapleyS),
    secondsPerCoalition: round(shapleyS / exact.evaluations),
    targetSeconds: 60,
    withinTarget: shapleyS < 60,
    valueOfCooperationEur: round(value.gain.costEur),
    valueOfCooperationCo2Kg: round(value.gain.co2Kg),
    shapleyEur: Object.fromEntries(Object.entries(exact.shares).map(([p, x]) => [p, round(x)])),
    nullPlayerShareEur: round(exact.shares.caruna),
    coreHolds: core.inCore,
    coreMaxExcessEur: core.mostViolated ? round(core.mostViolated.excess) : 0,
    sampledCoverage: inside / PARTNERS.length,
    payments: settled.payments.map((p) => ({ ...p, amountEur: round(p.amountEur) })),
    postSeconds: round(restS),
    cpus: cpus().length,
    workers: WORKERS,
    solver: `${solver.name} ${solver.version}`,
  }),
);
