export * from "./series.js";
export * from "./units.js";
export * from "./importers/index.js";
export * from "./weather/index.js";
export * from "./factors/index.js";
export * from "./models/index.js";
export * from "./schedules/index.js";
export * from "./district/index.js";
