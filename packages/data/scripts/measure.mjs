/* global console, performance */
// Times the data package's main entry points on the built packages (run `npx tsc -b packages/data` first)
// and prints one JSON object: node packages/data/scripts/measure.mjs
import { readFileSync } from "node:fs";
import { alignWeatherToTimeline, weatherStats } from "@kera/engine";
import {
  FI_GRID_CO2_MODEL,
  FI_SPOT_PRICE_MODEL,
  WEATHER_ASSETS_DIR,
  generateGridCo2Series,
  generateSpotPriceSeries,
  loadDefaultWeather,
  parseTryCsv,
} from "../dist/index.js";

const time = (f, n = 10) => {
  f();
  const t = performance.now();
  for (let k = 0; k < n; k++) f();
  return +((performance.now() - t) / n).toFixed(2);
};
const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
const w = loadDefaultWeather();
const text = readFileSync(WEATHER_ASSETS_DIR + "Vantaa-TRY2020.csv", "utf8");
const leap = { startUtcMs: Date.UTC(2024, 0, 1), hours: 8784, timeZone: "Europe/Helsinki" };
console.log(
  JSON.stringify({
    parseTryCsvMs: time(() => parseTryCsv(text)),
    loadDefaultWeatherMs: time(() => loadDefaultWeather(), 3),
    alignWeatherToLeapYearMs: time(() => alignWeatherToTimeline(w, leap)),
    spotPriceYearStochasticMs: time(
      () => generateSpotPriceSeries(FI_SPOT_PRICE_MODEL, leap, { mode: "stochastic" }),
      3,
    ),
    gridCo2YearMs: time(() => generateGridCo2Series(FI_GRID_CO2_MODEL, leap), 3),
    defaultWeather: weatherStats(w),
    spotPrice2024MeanEurPerKwh: +mean(generateSpotPriceSeries(FI_SPOT_PRICE_MODEL, leap)).toFixed(5),
    gridCo2_2024MeanKgPerKwh: +mean(generateGridCo2Series(FI_GRID_CO2_MODEL, leap)).toFixed(5),
  }),
);
