export * from "./expand-series.js";
