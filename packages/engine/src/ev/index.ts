export * from "./distributions.js";
export * from "./ev-charging.js";
