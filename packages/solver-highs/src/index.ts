export * from "./highs-runtime.js";
export * from "./highs-solve.js";
export * from "./highs-solver.js";
export * from "./worker-solver.js";
export * from "./worker-protocol.js";
export * from "./highs-worker-solver.js";
