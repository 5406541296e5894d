import { resolve } from "node:path";
import { computeKpis, resultTable, simulate, summarizeRun, type DispatchPolicy } from "@kera/engine";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";
import { prepareRun } from "../district-run.js";
import { formatIssues } from "../read-district.js";
import { renderKpis, writeRunFiles } from "../report.js";

const POLICIES: readonly DispatchPolicy[] = ["selfConsumption", "priceDriven"];

export const simulateCommand: Command = {
  name: "simulate",
  summary: "Simulate a district hour by hour and report its PED indicators",
  usage: `Usage: kera simulate <file> [--json] [--out <dir>] [--policy selfConsumption|priceDriven] [--year <yyyy>]

Runs the rule-based hourly simulation of a district model over its timeline and prints the indicators
(energy positivity under the model's boundary and weighting, self-sufficiency, carbon, costs, per
resident) and a monthly balance chart. Progress goes to stderr.

Options:
  --json            print the JSON summary on stdout instead of the table
  --out <dir>       write summary.json, hourly.csv and hourly.parquet into <dir>
  --policy <name>   dispatch policy: selfConsumption (default) or priceDriven
  --year <yyyy>     build-out year: include only buildings completed and assets commissioned by then
                    (default: the year of the timeline's start)
  -h, --help

Exit codes: 0 ok, 2 invalid model or arguments, 1 internal error.`,
  run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["out", "policy", "year"] });
    if (args.flags.has("help")) {
      io.stdout(`${simulateCommand.usage}\n`);
      return EXIT.ok;
    }
    const policy = (args.options.get("policy") ?? "selfConsumption") as DispatchPolicy;
    const yearText = args.options.get("year");
    const year = yearText !== undefined ? Number(yearText) : undefined;
    const errors = [...args.errors];
    if (args.positional.length !== 1) errors.push("expected exactly one <file>");
    if (!POLICIES.includes(policy))
      errors.push(`--policy must be one of ${POLICIES.join(", ")}, got ${policy}`);
    if (year !== undefined && !Number.isInteger(year))
      errors.push(`--year must be a whole year, got ${yearText}`);
    if (errors.length > 0) {
      io.stderr(`${errors.join("\n")}\n\n${simulateCommand.usage}\n`);
      return EXIT.invalidInput;
    }
    const file = args.positional[0] as string;
    io.stderr(`kera simulate: reading ${file}\n`);
    const prepared = prepareRun(file, io.cwd, { year });
    if (!prepared.ok) {
      io.stderr(`${file}: cannot simulate\n${formatIssues(prepared.issues, file)}`);
      return EXIT.invalidInput;
    }
    const { network, warnings } = prepared.built;
    io.stderr(
      `kera simulate: ${network.timeline.hours} h, ${network.loads.length} loads, policy ${policy}\n`,
    );
    const result = simulate(network, {
      policy,
      onProgress: (f) => io.stderr(`\r  simulating ${Math.round(f * 100)} %`),
    });
    io.stderr("\n");
    const kpis = computeKpis(network, result);
    const summary = summarizeRun({ kind: "simulate", network, result, kpis, warnings });
    const out = args.options.get("out");
    if (out !== undefined) {
      const files = writeRunFiles(resolve(io.cwd, out), summary, resultTable(network, result));
      io.stderr(`kera simulate: wrote ${files.join(", ")}\n`);
    }
    if (args.flags.has("json")) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else io.stdout(renderKpis(`${prepared.district.name}: simulation of ${prepared.built.year}`, kpis));
    return EXIT.ok;
  },
};
