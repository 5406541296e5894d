import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-support/capture.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "kera-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BAD = `schemaVersion: 1
name: Several mistakes
site:
  name: X
  latitude: 95
  longitude: 24.7
  timeZone: Europe/Helsinki
timeline:
  start: "2035-01-01"
stakeholders:
  - { id: city, name: City, kind: city }
buildingGroups:
  - id: g1
    useType: office
    heatedFloorArea: -5
    yearCompleted: 2030
    owner: cty
    residents: 10
assets:
  - { kind: pv, id: pv-1, owner: city, capacity: 10, tilt: 95, azimut: 180 }
  - { kind: gridConnection, id: grid, owner: city, capacity: 100, emissionFactor: { csv: missing.csv } }
`;

describe("kera CLI", () => {
  it("validate accepts the Kera district (exit 0)", async () => {
    const io = captureIo(root);
    expect(await runCli(["validate", "examples/districts/kera/district.yaml"], io)).toBe(0);
    expect(io.out).toBe("examples/districts/kera/district.yaml: valid\n");
  });

  it("validate lists every mistake with path, line and column (exit 2)", async () => {
    writeFileSync(join(tmp, "bad.yaml"), BAD);
    const io = captureIo(tmp);
    expect(await runCli(["validate", "bad.yaml"], io)).toBe(2);
    const lines = io.err.trim().split("\n");
    expect(lines[0]).toBe("bad.yaml: 6 errors");
    expect(lines.slice(1)).toEqual([
      "  - bad.yaml:5:13 error site.latitude: must be <= 90 deg, got 95 [out-of-range]",
      "  - bad.yaml:15:22 error buildingGroups[0].heatedFloorArea: must be >= 0 m2, got -5 [out-of-range]",
      '  - bad.yaml:17:12 error buildingGroups[0].owner: refers to unknown stakeholder "cty"; did you mean "city"? [unknown-reference]',
      "  - bad.yaml:20:60 error assets[0].tilt: must be <= 90 deg, got 95 [out-of-range]",
      '  - bad.yaml:20:64 error assets[0].azimut: unknown key "azimut"; did you mean "azimuth"? [unknown-key]',
      '  - bad.yaml:21:90 error assets[1].emissionFactor.csv: file "missing.csv" not found (paths are relative to the model file) [missing-file]',
    ]);
  });

  it("validate --json gives errors and warnings as data", async () => {
    writeFileSync(join(tmp, "bad.yaml"), BAD);
    const io = captureIo(tmp);
    expect(await runCli(["validate", "bad.yaml", "--json"], io)).toBe(2);
    const out = JSON.parse(io.out) as { valid: boolean; errors: { code: string; line: number }[] };
    expect(out.valid).toBe(false);
    expect(out.errors.map((e) => e.code)).toContain("unknown-key");
    expect(out.errors.every((e) => e.line > 0)).toBe(true);
  });

  it("validate reports a missing file as invalid input", async () => {
    const io = captureIo(tmp);
    expect(await runCli(["validate", "nope.yaml"], io)).toBe(2);
    expect(io.err).toContain("file not found");
  });

  it("info --json reports 14000 residents and 10000 jobs for Kera", async () => {
    const io = captureIo(root);
    expect(await runCli(["info", "examples/districts/kera/district.yaml", "--json"], io)).toBe(0);
    const s = JSON.parse(io.out) as Record<string, unknown>;
    expect([s["residents"], s["jobs"], s["heatedFloorAreaM2"], s["buildingCount"]]).toEqual([
      14000, 10000, 768000, 133,
    ]);
    const assets = s["assets"] as {
      byKind: Record<string, { capacity: number }>;
      byOwner: Record<string, unknown>;
    };
    expect(assets.byKind["pv"]?.capacity).toBe(8270);
    expect(Object.keys(assets.byOwner)).toContain("fortum");
  });

  it("info prints a readable summary", async () => {
    const io = captureIo(root);
    expect(await runCli(["info", "examples/districts/micro/district.yaml"], io)).toBe(0);
    expect(io.out).toContain("residents       140");
    expect(io.out).toContain("pv                 1 x, 50 kWp");
  });

  it("init copies an example that validates, and refuses a non-empty directory", async () => {
    const io = captureIo(tmp);
    expect(await runCli(["init", "new-district", "--example", "micro"], io)).toBe(0);
    const copied = readFileSync(join(tmp, "new-district", "district.yaml"), "utf8");
    expect(copied).toBe(readFileSync(join(root, "examples/districts/micro/district.yaml"), "utf8"));
    const again = captureIo(tmp);
    expect(await runCli(["init", "new-district"], again)).toBe(2);
    expect(again.err).toContain("not empty");
    expect(await runCli(["init", "new-district", "--force"], captureIo(tmp))).toBe(0);
    expect(await runCli(["init", "x", "--example", "nowhere"], captureIo(tmp))).toBe(2);
  });

  it("has --help everywhere and exit 2 for usage errors", async () => {
    for (const c of COMMANDS) {
      const io = captureIo(root);
      expect(await runCli([c.name, "--help"], io)).toBe(0);
      expect(io.out.startsWith(`Usage: kera ${c.name}`)).toBe(true);
    }
    const top = captureIo(root);
    expect(await runCli(["--help"], top)).toBe(0);
    for (const c of COMMANDS) expect(top.out).toContain(c.name);
    const unknown = captureIo(root);
    expect(await runCli(["valdate"], unknown)).toBe(2);
    expect(unknown.err).toContain('did you mean "validate"');
    expect(await runCli(["info"], captureIo(root))).toBe(2);
    expect(await runCli(["validate", "a", "--bogus"], captureIo(root))).toBe(2);
  });

  it("turns an exception in a command into exit 1", async () => {
    const broken: Command = {
      name: "boom",
      summary: "throws",
      usage: "Usage: kera boom",
      run: () => {
        throw new Error("kaboom");
      },
    };
    const io = captureIo(root);
    expect(await runCli(["boom"], io, [broken])).toBe(1);
    expect(io.err).toContain("internal error");
  });
});
