import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";
import { formatIssues, readDistrictFile } from "../read-district.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "Check a district model file and list every problem",
  usage: `Usage: kera validate <file> [--json]

Checks a district model (YAML or JSON): shape, ranges and units, references between stakeholders,
buildings and assets, referenced files. Every problem is listed with its path, line and column.

Options:
  --json   print { valid, errors, warnings } as JSON
  -h, --help

Exit codes: 0 valid (warnings allowed), 2 invalid or unreadable, 1 internal error.`,
  run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"] });
    if (args.flags.has("help")) {
      io.stdout(`${validateCommand.usage}\n`);
      return EXIT.ok;
    }
    if (args.errors.length > 0 || args.positional.length !== 1) {
      io.stderr(
        `${[...args.errors, ...(args.positional.length !== 1 ? ["expected exactly one <file>"] : [])].join("\n")}\n\n${validateCommand.usage}\n`,
      );
      return EXIT.invalidInput;
    }
    const file = args.positional[0] as string;
    const { result } = readDistrictFile(file, io.cwd);
    const issues = result.ok ? (result.warnings ?? []) : result.issues;
    const errors = issues.filter((i) => i.severity === "error");
    const warnings = issues.filter((i) => i.severity === "warning");
    if (args.flags.has("json")) {
      io.stdout(`${JSON.stringify({ file, valid: result.ok, errors, warnings }, null, 2)}\n`);
      return result.ok ? EXIT.ok : EXIT.invalidInput;
    }
    if (result.ok) {
      io.stdout(
        `${file}: valid${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""}\n`,
      );
      if (warnings.length > 0) io.stdout(formatIssues(warnings, file));
      return EXIT.ok;
    }
    io.stderr(
      `${file}: ${errors.length} error${errors.length === 1 ? "" : "s"}${warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}` : ""}\n`,
    );
    io.stderr(formatIssues(issues, file));
    return EXIT.invalidInput;
  },
};
