export * from "./weather.js";
