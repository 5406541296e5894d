export * from "./compute-kpis.js";
export * from "./finance.js";
export * from "./local-time.js";
export * from "./run-summary.js";
