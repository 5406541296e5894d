export * from "./formulate.js";
export * from "./optimize.js";
