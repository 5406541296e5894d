export * from "./waste-heat.js";
export * from "./upgrade-waste-heat.js";
