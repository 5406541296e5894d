export * from "./weather-datasets.js";
export * from "./load-weather.js";
