// Kera district: time to generate every hourly demand and production series (buildNetwork, issue 3: target
// < 100 ms), and a full-year simulation with indicators (issue 4: target < 200 ms); a synthetic district of
// 10,000 buildings (issue 4: target < 10 s). Prints one JSON object on its last line.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseDistrictYaml } from "@kera/schema";
import { buildNetwork, computeKpis, simulate } from "@kera/engine";
import { loadDefaultWeather } from "@kera/data";

const text = readFileSync(new URL("../examples/districts/kera/district.yaml", import.meta.url), "utf8");
const parsed = parseDistrictYaml(text);
if (!parsed.ok) throw new Error("Kera district does not validate");
const district = parsed.value;
const weather = loadDefaultWeather();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = fn();
    ms.push(performance.now() - t0);
  }
  return { out, firstMs: ms[0], medianMs: median(ms.slice(1).length ? ms.slice(1) : ms), runs };
}

const build = time(() => buildNetwork({ district, weather }), 6);
if (!build.out.ok) throw new Error("buildNetwork failed");
const network = build.out.value.network;
const sim = time(() => computeKpis(network, simulate(network)), 6);
console.log(
  `Kera: buildNetwork median ${build.medianMs.toFixed(1)} ms (first ${build.firstMs.toFixed(0)} ms)`,
);
console.log(`Kera: simulate + indicators median ${sim.medianMs.toFixed(1)} ms`);

// 10,000 buildings: the Kera groups repeated with 20 buildings each (500 groups), same assets.
const groups = [];
for (let i = 0; groups.length < 500; i++) {
  const g = district.buildingGroups[i % district.buildingGroups.length];
  const factor = 20 / g.count;
  groups.push({
    ...g,
    id: `${g.id}-${i}`,
    count: 20,
    heatedFloorArea: g.heatedFloorArea * factor,
    grossFloorArea: g.grossFloorArea !== undefined ? g.grossFloorArea * factor : undefined,
    residents: Math.round(g.residents * factor),
    jobs: Math.round(g.jobs * factor),
    roofArea: g.roofArea !== undefined ? g.roofArea * factor : undefined,
  });
}
const big = { ...district, buildingGroups: groups };
const buildings = groups.reduce((s, g) => s + g.count, 0);
const bigRun = time(() => {
  const b = buildNetwork({ district: big, weather });
  if (!b.ok) throw new Error(b.issues.map((i) => i.message).join("; "));
  return computeKpis(b.value.network, simulate(b.value.network));
}, 2);
console.log(`${buildings} buildings: build + simulate + indicators ${bigRun.medianMs.toFixed(0)} ms`);

console.log(
  JSON.stringify({
    keraBuildNetworkMs: { median: build.medianMs, first: build.firstMs, targetMs: 100 },
    keraSimulateWithKpisMs: { median: sim.medianMs, first: sim.firstMs, targetMs: 200 },
    keraEnergyPositivityRatio: sim.out.energyPositivity.ratio,
    district10kBuildings: { buildings, groups: groups.length, totalMs: bigRun.medianMs, targetMs: 10000 },
  }),
);
