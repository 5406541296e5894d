export * from "./timeline.js";
export * from "./civil-date.js";
export * from "./zone-offset.js";
export * from "./finnish-holidays.js";
export * from "./local-calendar.js";
