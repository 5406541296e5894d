import { describe, expect, it } from "vitest";
import { ASSET_KINDS } from "./model/assets.js";
import { districtJsonSchema, parameterMetadata } from "./json-schema.js";

/** Defaults that are structural choices rather than measured quantities (no source needed), with why. */
const STRUCTURAL_DEFAULTS: Record<string, string> = {
  "site.altitude": "0 m: sea level; only used for display/solar refinements",
  "buildingGroups[].count": "1 building",
  "buildingGroups[].residents": "none unless stated",
  "buildingGroups[].jobs": "none unless stated",
  "buildingGroups[].ePerformance.coolingKwhPerM2": "no cooling unless stated",
  "useTypes[].typicalDemands.coolingKwhPerM2": "no cooling unless stated",
  stateOfChargeMin: "full usable window",
  stateOfChargeMax: "full usable window",
  stateOfChargeInitial: "half full; cyclic boundary makes the choice matter little",
  exportCapacity: "no export unless stated",
};

function structural(path: string): boolean {
  return Object.keys(STRUCTURAL_DEFAULTS).some((k) => path === k || path.endsWith(`.${k}`));
}

describe("JSON Schema and parameter metadata", () => {
  const params = parameterMetadata();

  it("describes every field", () => {
    const undocumented = params
      .filter((p) => p.description === undefined && !p.path.endsWith("[]"))
      .map((p) => p.path);
    expect(undocumented).toEqual([]);
  });

  it("gives every numeric field and series a unit", () => {
    const noUnit = params
      .filter((p) => ["number", "integer", "series"].includes(p.type) && p.unit === undefined)
      .map((p) => p.path);
    expect(noUnit).toEqual([]);
  });

  it("cites a source for every default number that is not a structural choice", () => {
    const uncited = params
      .filter((p) => typeof p.default === "number" && p.source === undefined && !structural(p.path))
      .map((p) => `${p.path} = ${String(p.default)}`);
    expect(uncited).toEqual([]);
  });

  it("documents each asset kind with the canonical parameter grammar", () => {
    for (const kind of ASSET_KINDS) {
      const fields = params
        .filter((p) => p.path.startsWith(`assets[kind=${kind}].`))
        .map((p) => p.path.split(".").pop());
      expect(fields).toEqual(
        expect.arrayContaining([
          "capacity",
          "extendable",
          "capacityMin",
          "capacityMax",
          "costInvest",
          "costFixed",
          "costVariable",
          "lifetime",
          "owner",
        ]),
      );
    }
    const pvCapacity = params.find((p) => p.path === "assets[kind=pv].capacity");
    expect(pvCapacity?.unit).toBe("kWp");
    expect(params.find((p) => p.path === "assets[kind=battery].costInvest")?.unit).toBe("EUR/kWh");
  });

  it("produces a draft 2020-12 schema that forbids unknown keys", () => {
    const s = districtJsonSchema();
    expect(s["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s["additionalProperties"]).toBe(false);
    expect(Object.keys(s["properties"] as object)).toEqual(
      expect.arrayContaining(["site", "timeline", "buildingGroups", "assets", "ped"]),
    );
    expect(s["required"]).toEqual(["schemaVersion", "name", "site", "timeline"]);
  });
});
