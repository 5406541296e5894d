export * from "./typical-year.js";
export * from "./try-csv.js";
export * from "./epw.js";
export * from "./series-csv.js";
export * from "./weather-csv.js";
export * from "./spot-price-csv.js";
export * from "./electricitymaps-csv.js";
