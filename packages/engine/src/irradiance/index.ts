export * from "./extraterrestrial.js";
export * from "./airmass.js";
export * from "./decomposition.js";
export * from "./transposition.js";
export * from "./clear-sky.js";
export * from "./clear-sky-series.js";
