export * from "./cea-schedule.js";
