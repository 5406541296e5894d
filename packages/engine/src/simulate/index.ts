export * from "./simulate.js";
