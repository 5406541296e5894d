export * from "./formulate.js";
export * from "./optimize.js";
export * from "./aggregate.js";
export * from "./pathway.js";
