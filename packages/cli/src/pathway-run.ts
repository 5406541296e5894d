import { dirname } from "node:path";
import {
  aggregateTypicalDays,
  applyCapacities,
  buildNetwork,
  computeKpis,
  optimizePathway,
  simulate,
  type Network,
  type PathwayPeriod,
  type Solver,
} from "@kera/engine";
import { loadDistrictInputs } from "@kera/data";
import { type CliIo, EXIT } from "./command.js";
import { formatIssues, readDistrictFile } from "./read-district.js";

/** Years of the last period when the build-out ends (the horizon after the final phase), a convention. */
export const FINAL_PERIOD_YEARS = 10;

/** The build-out years of a district: every distinct year in which buildings are completed. */
export function buildOutYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/** `kera optimize --mode pathway`: one aggregated representative year per build-out year. */
export async function runPathway(input: {
  readonly file: string;
  readonly io: CliIo;
  readonly solver: Solver;
  readonly typicalDays: number;
  readonly timeLimitS?: number;
  readonly json: boolean;
}): Promise<number> {
  const { file, io } = input;
  const { path, result } = readDistrictFile(file, io.cwd);
  if (!result.ok) {
    io.stderr(`${file}: cannot optimise\n${formatIssues(result.issues, file)}`);
    return EXIT.invalidInput;
  }
  const district = result.value;
  const inputs = loadDistrictInputs(district, { baseDir: dirname(path) });
  if (!inputs.ok) {
    io.stderr(`${file}: cannot optimise\n${formatIssues(inputs.issues, file)}`);
    return EXIT.invalidInput;
  }
  const years = buildOutYears(district.buildingGroups.map((g) => g.yearCompleted));
  const periods: PathwayPeriod[] = [];
  const fullNetworks = new Map<number, Network>();
  for (const [i, year] of years.entries()) {
    const built = buildNetwork({
      district,
      weather: inputs.value.weather,
      csvSeries: inputs.value.csvSeries,
      year,
    });
    if (!built.ok) {
      io.stderr(`${file}: cannot build the ${year} network\n${formatIssues(built.issues, file)}`);
      return EXIT.invalidInput;
    }
    fullNetworks.set(year, built.value.network);
    const agg = aggregateTypicalDays(built.value.network, input.typicalDays);
    periods.push({
      year,
      years: (years[i + 1] ?? year + FINAL_PERIOD_YEARS) - year,
      network: agg.network,
      hourWeights: agg.hourWeights,
      dayMapping: agg.dayMapping,
      hourMonths: agg.hourMonths,
    });
    io.stderr(`\r  built ${i + 1}/${years.length} periods`);
  }
  io.stderr(
    `\n  solving the pathway over ${years.length} periods (${input.typicalDays} typical days each)\n`,
  );
  const r = await optimizePathway(periods, input.solver, {
    solveOptions: input.timeLimitS !== undefined ? { timeLimitS: input.timeLimitS } : undefined,
  });
  if (r.status !== "optimal") {
    const out = { status: r.status, message: r.message, solver: r.solver, problem: r.problem };
    if (input.json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    io.stderr(`kera optimize: ${r.status}: ${r.message ?? ""}\n`);
    return EXIT.domain;
  }
  const periodsOut = r.periods.map((p) => {
    const full = fullNetworks.get(p.year) as Network;
    const applied = applyCapacities(full, p.capacities);
    const k = computeKpis(applied, simulate(applied), { reference: false });
    return {
      ...p,
      kpis: {
        energyPositivity: { ...k.energyPositivity, monthly: undefined },
        co2NetKg: k.co2.netKg,
        totalCostEur: k.costs.totalEur,
        residents: applied.people.residents,
        jobs: applied.people.jobs,
      },
    };
  });
  const json = {
    status: r.status,
    mode: "pathway",
    objectiveEur: r.objectiveEur,
    periods: periodsOut,
    solver: r.solver,
    problem: r.problem,
  };
  if (input.json) {
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = [
      `${district.name}: pathway over ${years.length} build-out years, net present cost ${Math.round(r.objectiveEur ?? 0).toLocaleString("en-GB")} EUR`,
      "",
      "year  residents  ratio   net CO2 t/a  cost EUR/a    new capacity",
    ];
    for (const p of periodsOut) {
      const builds = Object.entries(p.builds)
        .filter(([, v]) => v > 1e-6)
        .map(([id, v]) => `${id} +${v.toLocaleString("en-GB", { maximumFractionDigits: 0 })}`)
        .join(", ");
      lines.push(
        `${p.year}  ${String(p.kpis.residents).padStart(9)}  ${(p.kpis.energyPositivity.ratio ?? 0).toFixed(3)}  ${Math.round(
          p.kpis.co2NetKg / 1000,
        )
          .toLocaleString("en-GB")
          .padStart(
            11,
          )}  ${Math.round(p.kpis.totalCostEur).toLocaleString("en-GB").padStart(11)}   ${builds || "-"}`,
      );
    }
    io.stdout(`${lines.join("\n")}\n`);
  }
  return EXIT.ok;
}
