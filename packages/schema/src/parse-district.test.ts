import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDistrict } from "./parse-district.js";
import { parseDistrictYaml } from "./yaml.js";
import { summarizeDistrict } from "./summary.js";
import type { Issue } from "./result.js";

const examples = fileURLToPath(new URL("../../../examples/districts/", import.meta.url));
const read = (name: string) => readFileSync(`${examples}${name}/district.yaml`, "utf8");

function micro(): Record<string, unknown> {
  const r = parseDistrictYaml(read("micro"));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return JSON.parse(JSON.stringify(r.value)) as Record<string, unknown>;
}

function codesAt(issues: Issue[]): string[] {
  return issues.map((i) => `${i.path} ${i.code}`);
}

describe("parseDistrict", () => {
  it("accepts the example districts without warnings", () => {
    for (const name of ["micro", "kera"]) {
      const r = parseDistrictYaml(read(name), { fileName: `${name}/district.yaml` });
      expect(r.ok ? r.warnings : r.issues).toEqual([]);
    }
  });

  it("fills defaults (series, flags, factors of decree 788/2017, timeline hours)", () => {
    const r = parseDistrictYaml(read("kera"));
    if (!r.ok) throw new Error("invalid");
    const d = r.value;
    expect(d.timeline.hours).toBe(8760);
    expect(d.primaryEnergyFactors).toEqual({
      electricity: 1.2,
      districtHeating: 0.5,
      districtCooling: 0.28,
      fossilFuels: 1,
      renewableFuels: 0.5,
    });
    const pv = d.assets.find((a) => a.kind === "pv");
    expect(pv?.kind === "pv" && pv.lossFraction).toBe(0.14);
    expect(d.prices.electricity?.tax).toBe(0.02253);
  });

  it("Kera has exactly 14,000 residents and 10,000 jobs", () => {
    const r = parseDistrictYaml(read("kera"));
    if (!r.ok) throw new Error("invalid");
    const s = summarizeDistrict(r.value);
    expect([s.residents, s.jobs, s.heatedFloorAreaM2, s.buildingCount]).toEqual([14000, 10000, 768000, 133]);
    expect(Object.keys(s.byUseType).sort()).toEqual(
      [
        "apartmentBlock",
        "dayCare",
        "office",
        "parking",
        "retail",
        "reusedHall",
        "school",
        "sportsHall",
        "supermarket",
      ].sort(),
    );
    const kinds = new Set(r.value.stakeholders.flatMap((x) => [x.kind, ...x.roles]));
    for (const k of [
      "city",
      "energyCompany",
      "landowner",
      "retailer",
      "housingCompany",
      "researchInstitute",
      "residentsAssociation",
    ])
      expect(kinds.has(k as never)).toBe(true);
    expect(r.value.stakeholders.filter((x) => x.kind === "housingCompany")).toHaveLength(2);
  });

  it("full-year length follows leap years", () => {
    const d = micro();
    delete (d["timeline"] as Record<string, unknown>)["hours"];
    for (const [start, hours] of [
      ["2024-01-01", 8784],
      ["2035-01-01", 8760],
      ["2035-03-01", 8784],
    ] as const) {
      (d["timeline"] as Record<string, unknown>)["start"] = start;
      const r = parseDistrict(d);
      expect(r.ok && r.value.timeline.hours).toBe(hours);
    }
  });

  it("collects every problem with code, path, value, expectation and unit", () => {
    const d = micro();
    const groups = d["buildingGroups"] as Record<string, unknown>[];
    const assets = d["assets"] as Record<string, unknown>[];
    (groups[0] as Record<string, unknown>)["heatedFloorArea"] = -5;
    (groups[0] as Record<string, unknown>)["owner"] = "housing-b";
    (d["site"] as Record<string, unknown>)["timezone"] = "Europe/Helsinki";
    delete (d["site"] as Record<string, unknown>)["timeZone"];
    (assets[0] as Record<string, unknown>)["kind"] = "pvv";
    (assets[1] as Record<string, unknown>)["capacity"] = "big";
    const r = parseDistrict(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(codesAt(r.issues)).toEqual(
      expect.arrayContaining([
        "buildingGroups[0].heatedFloorArea out-of-range",
        "buildingGroups[0].owner unknown-reference",
        "site.timezone unknown-key",
        "assets[0].kind unknown-kind",
        "assets[1].capacity invalid-type",
      ]),
    );
    const area = r.issues.find((i) => i.path === "buildingGroups[0].heatedFloorArea");
    expect(area).toMatchObject({
      message: "must be >= 0 m2, got -5",
      value: -5,
      expected: ">= 0 m2",
      severity: "error",
    });
    expect(r.issues.find((i) => i.code === "unknown-key")?.message).toContain('did you mean "timeZone"');
    expect(r.issues.find((i) => i.code === "unknown-kind")?.message).toContain('did you mean "pv"');
    expect(r.issues.find((i) => i.path === "assets[1].capacity")?.message).toBe(
      'must be a number (kWh), got "big"',
    );
    // A misspelt key is reported once, not also as a missing key.
    expect(r.issues.filter((i) => i.path === "site.timeZone")).toEqual([]);
  });

  it("checks capacities, storage windows, references, datasets, files and hourly lengths", () => {
    const d = micro();
    const assets = d["assets"] as Record<string, unknown>[];
    assets.push(
      {
        kind: "heatPump",
        id: "hp",
        owner: "housing-a",
        source: "wasteHeat",
        wasteHeatSource: "nope",
        capacity: 10,
      },
      { kind: "electricBoiler", id: "boiler", owner: "housing-a" },
      { kind: "pv", id: "pv-x", owner: "housing-a", extendable: true, capacityMin: 10, capacityMax: 5 },
      {
        kind: "battery",
        id: "bat-x",
        owner: "housing-a",
        capacity: 5,
        powerCapacity: 1,
        stateOfChargeMin: 0.8,
        stateOfChargeMax: 0.2,
      },
      {
        kind: "pv",
        id: "pv-block-1",
        owner: "housing-a",
        capacity: 1,
        location: "block-2",
        availability: { hourly: [1, 0.5] },
      },
      {
        kind: "gridConnection",
        id: "g2",
        owner: "housing-a",
        capacity: 1,
        emissionFactor: { csv: "ef.csv" },
      },
    );
    (d["weather"] as Record<string, unknown>)["dataset"] = "fmi-try2020-vanta";
    const r = parseDistrict(d, { fileExists: (f) => f !== "ef.csv" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(codesAt(r.issues)).toEqual(
      expect.arrayContaining([
        "assets[3].wasteHeatSource unknown-reference",
        "assets[4].capacity missing-capacity",
        "assets[5].costInvest missing-cost",
        "assets[5].capacityMin inconsistent-range",
        "assets[6].stateOfChargeMin inconsistent-range",
        "assets[7].id duplicate-id",
        "assets[7].location unknown-reference",
        "assets[7].availability.hourly wrong-length",
        "assets[8].emissionFactor.csv missing-file",
        "weather.dataset unknown-dataset",
      ]),
    );
    expect(r.issues.find((i) => i.code === "unknown-dataset")?.message).toContain(
      'did you mean "fmi-try2020-vantaa"',
    );
  });

  it("rejects units that differ from the field's canonical unit", () => {
    const d = micro();
    (d["emissionFactors"] as Record<string, unknown>)["electricity"] = { constant: 0.03, unit: "gCO2e/kWh" };
    const r = parseDistrict(d);
    expect(!r.ok && codesAt(r.issues)).toEqual(["emissionFactors.electricity.unit unit-mismatch"]);
  });

  it("explains malformed series", () => {
    const d = micro();
    (d["prices"] as Record<string, Record<string, unknown>>)["electricity"]!["energy"] = { montly: [1] };
    const r = parseDistrict(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path: "prices.electricity.energy", code: "invalid-series" });
    expect(r.issues[0]?.message).toContain('did you mean "monthly"');
  });

  it("warns (without failing) on E-values above the decree 1010/2017 limit and missing emission factors", () => {
    const d = micro();
    ((d["buildingGroups"] as Record<string, unknown>[])[0] as Record<string, unknown>)["ePerformance"] = {
      eValue: 120,
    };
    delete d["emissionFactors"];
    const r = parseDistrict(d);
    expect(r.ok).toBe(true);
    expect(((r.ok ? r.warnings : undefined) ?? []).map((i) => i.code).sort()).toEqual([
      "e-value-above-limit",
      "missing-emission-factor",
    ]);
  });

  it("reports a non-object input as one issue", () => {
    for (const x of [null, 3, "district", [1]]) {
      const r = parseDistrict(x);
      expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["invalid-type"]);
    }
  });
});

describe("issue codes", () => {
  it("every code the validator emits is documented in ISSUE_CODES", async () => {
    const { ISSUE_CODES } = await import("./issue-codes.js");
    const { readdirSync, readFileSync: read } = await import("node:fs");
    const dir = fileURLToPath(new URL(".", import.meta.url));
    const sources = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter(
        (f) =>
          f.endsWith(".ts") &&
          !f.endsWith(".test.ts") &&
          !f.includes("test-support") &&
          f !== "issue-codes.ts",
      )
      .map((f) => read(`${dir}${f}`, "utf8"))
      .join("\n");
    // Every kebab-case string literal in the validator's sources is an issue code.
    const used = new Set([...sources.matchAll(/"([a-z]+(?:-[a-z]+)+)"/g)].map((m) => m[1] as string));
    expect(used.size).toBeGreaterThan(25);
    expect([...used].filter((c) => !(c in ISSUE_CODES))).toEqual([]);
  });
});

describe("docs", () => {
  it("the full example in docs/guides/district-model.md is valid", () => {
    const guide = readFileSync(
      fileURLToPath(new URL("../../../docs/guides/district-model.md", import.meta.url)),
      "utf8",
    );
    const block = /```yaml\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toBeDefined();
    const r = parseDistrictYaml(block ?? "");
    expect(r.ok ? [] : r.issues).toEqual([]);
  });
});
