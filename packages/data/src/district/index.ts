export * from "./district-inputs.js";
