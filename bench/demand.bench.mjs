// Benchmark: hourly building demand (ISO 13790 5R1C space heating/cooling, hot water, electricity) for a
// Kera-like district of 30 building groups over a whole year. Uses the BUILT engine (run `npm run build`
// first). Weather: FMI TRY2020 Vantaa from packages/data/assets or ../shared when present, otherwise a
// synthetic year (the timing does not depend on it). Prints progress, then ONE JSON object as the last line.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildingDemand, createTimeline, localCalendar } from "@kera/engine";

const root = fileURLToPath(new URL("..", import.meta.url));
const candidates = [
  join(root, "packages", "data", "assets", "weather", "Vantaa-TRY2020.csv"),
  join(root, "..", "shared", "data", "weather_vantaa_try2020_fmi", "Vantaa-TRY2020.csv"),
];
const site = { latitude: 60.22, longitude: 24.66 };
const timeline = createTimeline({
  start: "2025-01-01T00:00+02:00",
  hours: 8760,
  timeZone: "Europe/Helsinki",
});
const n = timeline.hours;

function loadWeather() {
  const T = new Float64Array(n);
  const RH = new Float64Array(n);
  const WS = new Float64Array(n);
  const G = new Float64Array(n);
  const D = new Float64Array(n);
  const B = new Float64Array(n);
  const path = candidates.find((p) => existsSync(p));
  if (path) {
    // TRY2020: UTC+2 local standard time; radiation = mean of the hour ending at HOUR (row i + 1 covers hour i).
    const rows = readFileSync(path, "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "" && !l.startsWith("#") && !l.startsWith("STEP"))
      .map((l) => l.split(";").map(Number));
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const r1 = rows[(i + 1) % n];
      T[i] = 0.5 * (r[5] + r1[5]);
      RH[i] = r[6];
      WS[i] = r[7];
      G[i] = r1[9];
      D[i] = r1[10];
      B[i] = r1[11];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const season = -Math.cos((2 * Math.PI * i) / n);
      const sun = Math.max(0, Math.sin((2 * Math.PI * ((i % 24) - 4)) / 24)) * (0.5 + 0.5 * season);
      T[i] = 5 + 12 * season + 3 * Math.sin((2 * Math.PI * ((i % 24) - 7)) / 24);
      RH[i] = 75;
      WS[i] = 4;
      G[i] = 600 * sun;
      D[i] = 200 * sun;
      B[i] = 500 * sun;
    }
  }
  const source = path ? "FMI TRY2020 Vantaa" : "synthetic";
  return {
    source,
    timeline,
    temperatureC: T,
    relativeHumidityPct: RH,
    windSpeedMs: WS,
    ghiWm2: G,
    dhiWm2: D,
    dniWm2: B,
  };
}

// 30 groups: the KERA.md §6.1 building mix split by phase/owner (areas in m2 heated net floor area).
const groups = [
  ...Array.from({ length: 12 }, (_, k) => ({
    useType: "apartmentBlock",
    heatedFloorAreaM2: 560_000 / 12,
    count: 8,
    yearCompleted: 2024 + (k % 8),
  })),
  ...Array.from({ length: 6 }, (_, k) => ({
    useType: "office",
    heatedFloorAreaM2: 20_000,
    count: 2,
    yearCompleted: 2026 + k,
  })),
  ...Array.from({ length: 4 }, () => ({
    useType: "retail",
    heatedFloorAreaM2: 9_000,
    count: 1,
    yearCompleted: 2027,
  })),
  { useType: "supermarket", heatedFloorAreaM2: 4_000, count: 1, yearCompleted: 2026 },
  { useType: "school", heatedFloorAreaM2: 9_000, count: 1, yearCompleted: 2027 },
  { useType: "school", heatedFloorAreaM2: 9_000, count: 1, yearCompleted: 2033 },
  { useType: "dayCare", heatedFloorAreaM2: 3_000, count: 2, yearCompleted: 2026 },
  { useType: "dayCare", heatedFloorAreaM2: 3_000, count: 2, yearCompleted: 2032 },
  { useType: "sportsHall", heatedFloorAreaM2: 4_000, count: 1, yearCompleted: 2028 },
  { useType: "reusedHall", heatedFloorAreaM2: 20_000, count: 4, yearCompleted: 1975 },
  { useType: "parking", heatedFloorAreaM2: 36_000, count: 3, yearCompleted: 2026 },
];

const weather = loadWeather();
console.log(`weather: ${weather.source}; ${groups.length} building groups x ${n} h`);
let t = performance.now();
const calendar = localCalendar(timeline);
const calendarMs = performance.now() - t;

function runDistrict() {
  const totals = { spaceHeatingKwh: 0, hotWaterKwh: 0, electricityKwh: 0, coolingKwh: 0 };
  for (const g of groups) {
    const r = buildingDemand({ ...g, weather, timeline, calendar, site });
    for (const k of Object.keys(totals)) totals[k] += r.annualSummary[k];
  }
  return totals;
}

t = performance.now();
const totals = runDistrict();
const firstMs = performance.now() - t;
console.log(
  `first district run (incl. facade irradiance and reference-year schedules): ${firstMs.toFixed(1)} ms`,
);
const reps = 10;
// Wall time AND process CPU time (the CPU time is less disturbed when other jobs share the machine).
t = performance.now();
const cpu0 = process.cpuUsage();
for (let k = 0; k < reps; k++) runDistrict();
const cpu = process.cpuUsage(cpu0);
const warmMs = (performance.now() - t) / reps;
const warmCpuMs = (cpu.user + cpu.system) / 1000 / reps;
console.log(
  `warm district run: ${warmMs.toFixed(1)} ms wall, ${warmCpuMs.toFixed(1)} ms CPU (${(warmCpuMs / groups.length).toFixed(2)} ms CPU per group)`,
);
const gwh = (kwh) => Math.round(kwh / 1e4) / 100;
console.log(
  JSON.stringify({
    weather: weather.source,
    groups: groups.length,
    hours: n,
    calendarMs: +calendarMs.toFixed(2),
    firstDistrictMs: +firstMs.toFixed(1),
    warmDistrictMs: +warmMs.toFixed(1),
    warmPerGroupMs: +(warmMs / groups.length).toFixed(2),
    warmDistrictCpuMs: +warmCpuMs.toFixed(1),
    warmPerGroupCpuMs: +(warmCpuMs / groups.length).toFixed(2),
    districtGWh: {
      spaceHeating: gwh(totals.spaceHeatingKwh),
      hotWater: gwh(totals.hotWaterKwh),
      electricity: gwh(totals.electricityKwh),
      cooling: gwh(totals.coolingKwh),
    },
  }),
);
