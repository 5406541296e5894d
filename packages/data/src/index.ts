export * from "./series.js";
export * from "./units.js";
export * from "./importers/index.js";
export * from "./weather/index.js";
export * from "./factors/index.js";
