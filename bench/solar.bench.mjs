// Benchmark: hourly PV production for a whole year and 20 arrays (the Kera district's rooftop PV), plus the
// solar-position series alone. Uses the BUILT engine (run `npm run build` first). Weather: FMI TRY2020 Vantaa
// from ../shared when present, otherwise a synthetic clear-sky year (the timing does not depend on it).
// Prints progress, then ONE JSON object as the last line.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { clearSkyIneichen, pvHourlyProductionDetailed, solarPositionSeries } from "@kera/engine";

const root = fileURLToPath(new URL("..", import.meta.url));
const tryPath = join(root, "..", "shared", "data", "weather_vantaa_try2020_fmi", "Vantaa-TRY2020.csv");
const site = { latitude: 60.22, longitude: 24.66, altitude: 30 };
const hours = 8760;
const startUtcMs = Date.UTC(2018, 11, 31, 21); // TRY2020 row 1 covers 21:00-22:00 UTC on 31 Dec

function loadWeather() {
  const cols = Array.from({ length: 6 }, () => new Float64Array(hours));
  let source;
  if (existsSync(tryPath)) {
    const rows = readFileSync(tryPath, "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "" && !l.startsWith("#") && !l.startsWith("STEP"));
    rows.slice(0, hours).forEach((line, i) => {
      const c = line.split(";").map(Number);
      [5, 6, 7, 9, 10, 11].forEach((col, k) => (cols[k][i] = c[col]));
    });
    source = "FMI TRY2020 Vantaa";
  } else {
    const sun = solarPositionSeries({ startUtcMs: startUtcMs + 1_800_000, count: hours, site });
    for (let i = 0; i < hours; i++) {
      const cs = clearSkyIneichen({
        apparentZenithDeg: sun.apparentZenithDeg[i],
        airmassAbsolute: 1 / Math.max(Math.cos((sun.apparentZenithDeg[i] * Math.PI) / 180), 0.05),
        linkeTurbidity: 3,
      });
      cols[0][i] = 5;
      cols[1][i] = 70;
      cols[2][i] = 4;
      cols[3][i] = cs.ghi;
      cols[4][i] = cs.dhi;
      cols[5][i] = cs.dni;
    }
    source = "synthetic clear sky";
  }
  const [temperatureC, relativeHumidityPct, windSpeedMs, ghiWm2, dhiWm2, dniWm2] = cols;
  return {
    source,
    timeline: { startUtcMs, hours, timeZone: "Europe/Helsinki" },
    temperatureC,
    relativeHumidityPct,
    windSpeedMs,
    ghiWm2,
    dhiWm2,
    dniWm2,
  };
}

const weather = loadWeather();
// 20 arrays: a mix of orientations, sky and temperature models, like the district's roofs (KERA.md section 6)
const models = ["perez", "perez", "hay-davies", "isotropic"];
const arrays = Array.from({ length: 20 }, (_, k) => ({
  tiltDeg: [10, 15, 30, 40, 90][k % 5],
  azimuthDeg: [180, 90, 270, 135, 225][Math.floor(k / 4) % 5],
  capacityKwp: 50 + 25 * k,
  model: models[k % 4],
  temperatureModel: k % 3 === 0 ? "faiman" : "sapm-open-rack-glass-polymer",
}));
const kwp = arrays.reduce((s, a) => s + a.capacityKwp, 0);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`weather: ${weather.source}; ${arrays.length} arrays, ${kwp} kWp; warming up`);
let result;
// Each timed run gets a fresh weather object, so the sun and sky (cached per weather object) are recomputed
// and the full cost is measured.
for (let i = 0; i < 3; i++) result = pvHourlyProductionDetailed({ weather: { ...weather }, site, arrays });
const runs = 20;
const pvMs = [];
for (let i = 0; i < runs; i++) {
  const w = { ...weather };
  const t0 = performance.now();
  result = pvHourlyProductionDetailed({ weather: w, site, arrays });
  pvMs.push(performance.now() - t0);
}
console.log(`pvHourlyProduction (year, 20 arrays): median ${median(pvMs).toFixed(2)} ms over ${runs} runs`);
// The district builder's pattern: one call per PV asset with a 1 kWp array (per-unit availability), same weather.
const perAssetMs = [];
for (let i = 0; i < runs; i++) {
  const w = { ...weather }; // a new weather object: the first call pays for the sun, the other 19 reuse it
  const t0 = performance.now();
  for (const a of arrays)
    pvHourlyProductionDetailed({ weather: w, site, arrays: [{ ...a, capacityKwp: 1 }] });
  perAssetMs.push(performance.now() - t0);
}
console.log(`20 calls of 1 array each (per-asset availability): median ${median(perAssetMs).toFixed(2)} ms`);
const sunMs = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  solarPositionSeries({ startUtcMs: startUtcMs + 1_800_000, count: hours, site });
  sunMs.push(performance.now() - t0);
}
console.log(`solarPositionSeries (year): median ${median(sunMs).toFixed(2)} ms`);
const t0 = performance.now();
const cold = pvHourlyProductionDetailed({ weather, site, arrays: [arrays[0]] });
const oneArrayMs = performance.now() - t0;
const acKwh = result.acKwh.reduce((s, v) => s + v, 0);
console.log(
  `annual AC ${acKwh.toFixed(0)} kWh = ${(acKwh / kwp).toFixed(1)} kWh/kWp (mixed orientations); 1 array ${oneArrayMs.toFixed(2)} ms (${cold.arrays.length})`,
);
console.log(
  JSON.stringify({
    weather: weather.source,
    hours,
    arrays: arrays.length,
    runs,
    pvHourlyProductionMedianMs: Number(median(pvMs).toFixed(3)),
    pvHourlyProductionMinMs: Number(Math.min(...pvMs).toFixed(3)),
    perAssetCallsMedianMs: Number(median(perAssetMs).toFixed(3)),
    solarPositionSeriesMedianMs: Number(median(sunMs).toFixed(3)),
    annualAcKwhPerKwp: Number((acKwh / kwp).toFixed(1)),
    budgetMs: 100,
  }),
);
