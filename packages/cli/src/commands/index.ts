import type { Command } from "../command.js";
import { infoCommand } from "./info.js";
import { initCommand } from "./init.js";
import { optimizeCommand } from "./optimize.js";
import { serveCommand } from "./serve.js";
import { simulateCommand } from "./simulate.js";
import { usersCommand } from "./users.js";
import { validateCommand } from "./validate.js";
import { workerCommand } from "./worker.js";

/**
 * Every `kera` command, in the order `kera --help` lists them. To add one: write
 * `commands/<verb>.ts` exporting a `Command`, and add it here (one import, one entry).
 */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  infoCommand,
  initCommand,
  simulateCommand,
  optimizeCommand,
  serveCommand,
  usersCommand,
  workerCommand,
];
