export * from "./cooperative-game.js";
export * from "./shapley.js";
export * from "./core-check.js";
