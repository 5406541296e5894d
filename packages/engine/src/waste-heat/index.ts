export * from "./waste-heat.js";
export * from "./waste-heat-from-annual.js";
export * from "./upgrade-waste-heat.js";
