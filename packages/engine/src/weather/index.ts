export * from "./weather.js";
export * from "./typical-year.js";
export * from "./weather-stats.js";
