export * from "./lp-model.js";
export * from "./lp-names.js";
export * from "./lp-builder.js";
export * from "./lp-format.js";
export * from "./mps-format.js";
export * from "./lp-solution.js";
export * from "./solver-port.js";
