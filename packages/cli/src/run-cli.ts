import { didYouMean } from "@kera/schema";
import { type CliIo, type Command, EXIT } from "./command.js";
import { COMMANDS } from "./commands/index.js";

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `kera: co-create and run an energy-positive district

Usage: kera <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run "kera <command> --help" for a command's options.
Exit codes: 0 success, 1 internal error (a bug), 2 invalid input, 3 domain outcome (e.g. infeasible).
`;
}

/**
 * Runs `kera` with the given arguments (without the program name) and returns the exit code. Never
 * throws: an unexpected exception is a bug, reported with its stack and exit code 1.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const cmd = commands.find((c) => c.name === topic);
    io.stdout(cmd !== undefined ? `${cmd.usage}\n` : overview(commands));
    return name === undefined ? EXIT.invalidInput : EXIT.ok;
  }
  if (name === "--version") {
    io.stdout("kera 0.1.0\n");
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const hint = didYouMean(
      name,
      commands.map((c) => c.name),
    );
    io.stderr(
      `unknown command "${name}"${hint !== undefined ? `; did you mean "${hint}"?` : ""}\n\n${overview(commands)}`,
    );
    return EXIT.invalidInput;
  }
  try {
    return await command.run([...rest], io);
  } catch (e) {
    io.stderr(
      `kera ${name}: internal error (a bug, please report it)\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT.bug;
  }
}
