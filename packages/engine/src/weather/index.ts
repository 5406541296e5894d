export * from "./weather.js";
export * from "./typical-year.js";
export * from "./weather-stats.js";
export * from "./heating-degree-days.js";
