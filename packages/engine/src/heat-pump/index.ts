export * from "./cop.js";
export * from "./heating-curve.js";
export * from "./source-temperature.js";
export * from "./operation.js";
