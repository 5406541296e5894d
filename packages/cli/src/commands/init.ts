import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";
import { findExamplesDir, listExamples } from "../examples.js";
import { formatIssues, readDistrictFile } from "../read-district.js";

export const initCommand: Command = {
  name: "init",
  summary: "Create a new district from an example (default: kera)",
  usage: `Usage: kera init <dir> [--example <name>] [--force]

Copies an example district (district.yaml and any data files) into <dir>, which is created if needed,
and validates the copy. Edit <dir>/district.yaml afterwards.

Options:
  --example <name>  example to start from (default: kera; see the list below)
  --force           overwrite files in a non-empty <dir>
  -h, --help

Exit codes: 0 created, 2 bad arguments or <dir> not empty, 1 internal error.`,
  run(argv, io) {
    const args = parseArgs(argv, { flags: ["force"], options: ["example"] });
    const examplesDir = findExamplesDir(io.env);
    const names = examplesDir !== undefined ? listExamples(examplesDir) : [];
    if (args.flags.has("help")) {
      io.stdout(`${initCommand.usage}\n\nExamples: ${names.join(", ") || "(none found)"}\n`);
      return EXIT.ok;
    }
    if (args.errors.length > 0 || args.positional.length !== 1) {
      io.stderr(
        `${[...args.errors, ...(args.positional.length !== 1 ? ["expected exactly one <dir>"] : [])].join("\n")}\n\n${initCommand.usage}\n`,
      );
      return EXIT.invalidInput;
    }
    if (examplesDir === undefined) {
      io.stderr(
        "cannot find the example districts (set KERA_EXAMPLES_DIR to the examples/districts folder)\n",
      );
      return EXIT.invalidInput;
    }
    const example = args.options.get("example") ?? "kera";
    if (!names.includes(example)) {
      io.stderr(`unknown example "${example}"; available: ${names.join(", ")}\n`);
      return EXIT.invalidInput;
    }
    const target = resolve(io.cwd, args.positional[0] as string);
    if (existsSync(target) && readdirSync(target).length > 0 && !args.flags.has("force")) {
      io.stderr(`${target} is not empty; use --force to overwrite\n`);
      return EXIT.invalidInput;
    }
    mkdirSync(target, { recursive: true });
    cpSync(join(examplesDir, example), target, { recursive: true, force: true });
    const file = join(target, "district.yaml");
    const shown = relative(io.cwd, file) || file;
    const { result } = readDistrictFile(file, io.cwd);
    if (!result.ok) {
      io.stderr(
        `copied example "${example}" but it does not validate (a bug):\n${formatIssues(result.issues, shown)}`,
      );
      return EXIT.bug;
    }
    io.stdout(
      `Created ${shown} from the "${example}" example.\nNext: edit it, then run\n  kera validate ${shown}\n  kera info ${shown}\n`,
    );
    return EXIT.ok;
  },
};
