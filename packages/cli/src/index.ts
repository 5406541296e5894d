export * from "./command.js";
export * from "./args.js";
export * from "./run-cli.js";
export * from "./read-district.js";
export * from "./examples.js";
export { COMMANDS } from "./commands/index.js";
