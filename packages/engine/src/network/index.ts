export * from "./network.js";
export * from "./build-network.js";
export * from "./wind-availability.js";
