export * from "./prng.js";
export * from "./spot-price-model.js";
export * from "./grid-co2-model.js";
export * from "./fi-spot-price-model-params.js";
export * from "./fi-grid-co2-model-params.js";
export * from "./normal-distribution.js";
export * from "./fitted-on.js";
