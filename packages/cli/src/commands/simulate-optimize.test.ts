import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-support/capture.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "kera-cli-run-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const micro = join(root, "examples/districts/micro/district.yaml");

/** The micro district with district heating and an extendable PV array, and a target. */
function plannable(target: number, pvMax: number): string {
  const base = readFileSync(micro, "utf8");
  return base
    .replace(
      "assets:\n",
      `assets:
  - kind: districtHeating
    id: dh
    owner: caruna
    capacity: 1000
  - kind: pv
    id: pv-extra
    owner: housing-a
    extendable: true
    capacityMax: ${pvMax}
    costInvest: 900
    costFixed: 10
    lifetime: 30
`,
    )
    .replace(/\ntargets:[\s\S]*$/, "")
    .concat(`\ntargets:\n  - year: 2030\n    energyPositivityRatio: ${target}\n`);
}

describe("kera simulate", () => {
  it("prints the JSON summary with the documented keys and a closed balance (exit 0)", async () => {
    const io = captureIo(root);
    const code = await runCli(["simulate", micro, "--json"], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    for (const key of ["ratio", "producedKWh", "consumedKWh", "boundary", "weighting"]) {
      expect(out.kpis.energyPositivity).toHaveProperty(key);
    }
    expect(out.kpis).toHaveProperty("selfSufficiency");
    expect(out.kpis).toHaveProperty("selfConsumption");
    expect(out.kpis).toHaveProperty("co2");
    expect(out.kpis).toHaveProperty("costs");
    expect(out.kpis).toHaveProperty("perResident");
    expect(out.balance.maxResidualKWh).toBeLessThan(1e-6);
    expect(out.timeline.hours).toBe(24);
    expect(io.err).toContain("simulating 100 %");
  });

  it("writes summary.json, hourly.csv and hourly.parquet with --out", async () => {
    const io = captureIo(root);
    const dir = join(tmp, "out");
    expect(await runCli(["simulate", micro, "--out", dir], io)).toBe(0);
    expect(io.out).toContain("Energy positivity");
    const csv = readFileSync(join(dir, "hourly.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(25);
    expect(csv[0]).toMatch(/^time_utc,.*pv-block-1:flowOut \[kWh\/h\]/);
    const parquet = readFileSync(join(dir, "hourly.parquet"));
    expect(parquet.subarray(0, 4).toString()).toBe("PAR1");
    expect(parquet.subarray(-4).toString()).toBe("PAR1");
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).kind).toBe("simulate");
  });

  it("rejects bad arguments and invalid models with exit 2", async () => {
    const io = captureIo(root);
    expect(await runCli(["simulate", micro, "--policy", "cheapest"], io)).toBe(2);
    expect(io.err).toContain("--policy must be one of");
    const bad = join(tmp, "bad.yaml");
    writeFileSync(bad, readFileSync(micro, "utf8").replace("heatedFloorArea: 5600", "heatedFloorArea: -5"));
    const io2 = captureIo(root);
    expect(await runCli(["simulate", bad], io2)).toBe(2);
    expect(io2.err).toContain("buildingGroups[0].heatedFloorArea");
  });
});

describe("kera optimize", () => {
  it("plans capacities to reach the target and reports status, objective, capacities, kpis and solver", async () => {
    const file = join(tmp, "plan.yaml");
    writeFileSync(file, plannable(0.6, 1000));
    const io = captureIo(root);
    const code = await runCli(["optimize", file, "--mode", "plan", "--json"], io);
    expect(io.err).not.toContain("internal error");
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.status).toBe("optimal");
    expect(out.objectiveEur).toBeGreaterThan(0);
    expect(out.capacities["pv-extra"].unit).toBe("kWp");
    expect(out.capacities["pv-extra"].value).toBeGreaterThan(0);
    expect(out.kpis.energyPositivity.ratio).toBeGreaterThanOrEqual(0.6 - 1e-6);
    expect(out.solver.name).toBe("highs");
    expect(out.solver).toHaveProperty("iterations");
    expect(out.solver).toHaveProperty("seconds");
  });

  it("exits 3 with an explanation naming the target when it cannot be reached", async () => {
    const file = join(tmp, "impossible.yaml");
    writeFileSync(file, plannable(3, 10));
    const io = captureIo(root);
    const code = await runCli(["optimize", file, "--mode", "plan"], io);
    expect(code).toBe(3);
    expect(io.err).toMatch(
      /energy positivity ratio >= 3 .* cannot be reached: \d+ kWh of weighted production short/,
    );
  });

  it("exports the LP as MPS", async () => {
    const file = join(tmp, "plan2.yaml");
    writeFileSync(file, plannable(0.6, 1000));
    const mps = join(tmp, "plan.mps");
    const io = captureIo(root);
    expect(await runCli(["optimize", file, "--mode", "plan", "--export-mps", mps, "--json"], io)).toBe(0);
    const text = readFileSync(mps, "utf8");
    expect(text).toMatch(/^NAME/);
    expect(text).toContain("pv-extra:capacity");
    expect(text.trim().endsWith("ENDATA")).toBe(true);
  });
});
