export * from "./solar-position.js";
export * from "./solar-position-series.js";
export * from "./sunrise-sunset.js";
