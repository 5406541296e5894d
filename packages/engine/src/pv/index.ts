export * from "./cell-temperature.js";
export * from "./pvwatts.js";
export * from "./pv-hourly-production.js";
export * from "./rooftop-potential.js";
export * from "./incidence-angle-modifier.js";
