import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  computeKpis,
  formulate,
  optimize,
  optimizeAggregated,
  resultTable,
  summarizeRun,
  toMps,
  type OptimizeResult,
  type Solver,
} from "@kera/engine";
import { createHighsSolver } from "@kera/solver-highs";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";
import { prepareRun } from "../district-run.js";
import { formatIssues } from "../read-district.js";
import { renderKpis, writeRunFiles } from "../report.js";
import { runPathway } from "../pathway-run.js";

const MODES = ["operate", "plan", "pathway"] as const;
type Mode = (typeof MODES)[number];

export const optimizeCommand: Command = {
  name: "optimize",
  summary: "Optimise dispatch (operate), capacities (plan) or a multi-year pathway on HiGHS",
  usage: `Usage: kera optimize <file> [--mode operate|plan|pathway] [--json] [--out <dir>] [--export-mps <path>]
                     [--aggregate <typical days>] [--time-limit <s>]

Builds the district's linear programme and solves it with HiGHS (WebAssembly):
  operate   least-cost dispatch with the model's capacities (default)
  plan      least-cost extendable capacities that meet the model's targets (energy positivity, CO2, budget)
  pathway   investment years following the build-out phases, capacities carried forward with their lifetimes

Options:
  --json                 print the JSON result (status, objectiveEur, capacities, kpis, solver) on stdout
  --out <dir>            write summary.json, hourly.csv and hourly.parquet into <dir>
  --export-mps <path>    write the LP as free MPS (for an independent solver) before solving
  --aggregate <n>        solve on n typical days (k-medoids, storage linked across days); indicators are
                         then recomputed by simulating the full year with the optimal capacities
  --time-limit <s>       stop the solver after s seconds (status timeLimit)
  -h, --help

Exit codes: 0 optimal, 3 infeasible/unbounded/time limit (with an explanation), 2 invalid input, 1 bug.`,
  async run(argv, io) {
    const args = parseArgs(argv, {
      flags: ["json"],
      options: ["mode", "out", "export-mps", "aggregate", "time-limit"],
    });
    if (args.flags.has("help")) {
      io.stdout(`${optimizeCommand.usage}\n`);
      return EXIT.ok;
    }
    const mode = (args.options.get("mode") ?? "operate") as Mode;
    const aggregateText = args.options.get("aggregate");
    const typicalDays = aggregateText !== undefined ? Number(aggregateText) : undefined;
    const timeText = args.options.get("time-limit");
    const timeLimitS = timeText !== undefined ? Number(timeText) : undefined;
    const errors = [...args.errors];
    if (args.positional.length !== 1) errors.push("expected exactly one <file>");
    if (!MODES.includes(mode)) errors.push(`--mode must be one of ${MODES.join(", ")}, got ${mode}`);
    if (typicalDays !== undefined && !(Number.isInteger(typicalDays) && typicalDays >= 1)) {
      errors.push(`--aggregate must be a whole number of typical days >= 1, got ${aggregateText}`);
    }
    if (timeLimitS !== undefined && !(timeLimitS > 0))
      errors.push(`--time-limit must be > 0 seconds, got ${timeText}`);
    if (errors.length > 0) {
      io.stderr(`${errors.join("\n")}\n\n${optimizeCommand.usage}\n`);
      return EXIT.invalidInput;
    }
    const file = args.positional[0] as string;
    const solver: Solver = createHighsSolver();
    try {
      if (mode === "pathway") {
        return await runPathway({
          file,
          io,
          solver,
          typicalDays: typicalDays ?? 12,
          timeLimitS,
          json: args.flags.has("json"),
        });
      }
      const prepared = prepareRun(file, io.cwd);
      if (!prepared.ok) {
        io.stderr(`${file}: cannot optimise\n${formatIssues(prepared.issues, file)}`);
        return EXIT.invalidInput;
      }
      const { network, warnings } = prepared.built;
      const mps = args.options.get("export-mps");
      if (mps !== undefined) {
        const model = formulate(network, { mode }).model;
        writeFileSync(resolve(io.cwd, mps), toMps(model));
        io.stderr(`kera optimize: wrote ${mps} (${model.numCols} columns, ${model.numRows} rows)\n`);
      }
      const started = Date.now();
      const spinner = setInterval(
        () => io.stderr(`\r  solving (${mode}) ${Math.round((Date.now() - started) / 1000)} s`),
        1000,
      );
      let r: OptimizeResult & { aggregation?: unknown };
      try {
        const solveOptions = timeLimitS !== undefined ? { timeLimitS } : undefined;
        r =
          typicalDays !== undefined
            ? await optimizeAggregated(network, solver, { mode, typicalDays, solveOptions })
            : await optimize(network, solver, { mode, solveOptions });
      } finally {
        clearInterval(spinner);
      }
      io.stderr(`\r  solved (${mode}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.status}\n`);
      if (r.status !== "optimal" || !r.result || !r.network) {
        const out = {
          status: r.status,
          message: r.message,
          explanation: r.explanation,
          solver: r.solver,
          problem: r.problem,
        };
        if (args.flags.has("json")) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
        io.stderr(`kera optimize: ${r.status}: ${r.message ?? ""}\n`);
        for (const e of r.explanation) io.stderr(`  - ${e.message}\n`);
        return EXIT.domain;
      }
      const kpis = computeKpis(r.network, r.result);
      const summary = summarizeRun({
        kind: "optimize",
        network: r.network,
        result: r.result,
        kpis,
        warnings,
      });
      const json = {
        status: r.status,
        mode,
        objectiveEur: r.objectiveEur,
        capacities: r.capacities,
        kpis,
        balance: summary.balance,
        solver: r.solver,
        problem: r.problem,
        aggregation: r.aggregation,
        diagnostics: summary.diagnostics,
      };
      const outDir = args.options.get("out");
      if (outDir !== undefined) {
        const files = writeRunFiles(resolve(io.cwd, outDir), json, resultTable(r.network, r.result));
        io.stderr(`kera optimize: wrote ${files.join(", ")}\n`);
      }
      if (args.flags.has("json")) {
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        const caps = Object.entries(r.capacities)
          .map(
            ([id, c]) =>
              `  ${id.padEnd(28)} ${c.value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${c.unit}`,
          )
          .join("\n");
        io.stdout(
          `${prepared.district.name}: ${mode}, objective ${Math.round(r.objectiveEur ?? 0).toLocaleString("en-GB")} EUR/a ` +
            `(${r.problem.columns} columns, ${r.problem.rows} rows, HiGHS ${r.solver.version}, ${r.solver.seconds.toFixed(1)} s)\n\nCapacities\n${caps}\n\n` +
            renderKpis("Indicators of the optimum", kpis),
        );
      }
      return EXIT.ok;
    } finally {
      await solver.dispose?.();
    }
  },
};
