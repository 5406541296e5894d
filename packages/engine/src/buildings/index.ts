export * from "./building-demand.js";
export * from "./cea-schedules.js";
export * from "./construction-periods.js";
export * from "./facade-irradiance.js";
export * from "./rc-5r1c.js";
export * from "./use-types.js";
export * from "./calibrate.js";
