export * from "./cited.js";
export * from "./sources.js";
export * from "./primary-energy-factors.js";
export * from "./emission-factors.js";
export * from "./energy-prices.js";
