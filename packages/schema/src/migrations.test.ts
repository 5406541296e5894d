import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA_VERSION } from "./district.js";
import { type Migration, migrateDistrict } from "./migrations.js";
import { parseDistrict } from "./parse-district.js";

const minimal = {
  name: "m",
  site: { name: "s", latitude: 60, longitude: 24, timeZone: "UTC" },
  timeline: { start: "2030-01-01", hours: 24 },
};

describe("migrateDistrict", () => {
  it("applies migrations in order up to the target version", () => {
    const steps: Migration[] = [
      { from: 2, description: "rename b to c", migrate: ({ b, ...rest }) => ({ ...rest, c: b }) },
      { from: 1, description: "rename a to b", migrate: ({ a, ...rest }) => ({ ...rest, b: a }) },
    ];
    const r = migrateDistrict({ schemaVersion: 1, a: 5 }, steps, 3);
    expect(r.ok && r.value).toEqual({ schemaVersion: 3, c: 5 });
  });

  it("does not mutate its input", () => {
    const input = { schemaVersion: 1, a: 5 };
    migrateDistrict(input, [{ from: 1, description: "x", migrate: (m) => ({ ...m, a: 6 }) }], 2);
    expect(input).toEqual({ schemaVersion: 1, a: 5 });
  });

  it("rejects newer versions and gaps", () => {
    const newer = migrateDistrict({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(!newer.ok && newer.issues[0]?.code).toBe("unsupported-schema-version");
    const gap = migrateDistrict({ schemaVersion: 1 }, [], 2);
    expect(!gap.ok && gap.issues[0]?.message).toBe("no migration from version 1 to 2");
  });

  it("reads a missing schemaVersion as the current one, with a warning", () => {
    const r = parseDistrict(minimal);
    expect(r.ok && r.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(["missing-schema-version"]);
  });

  it("lets the schema report a malformed version", () => {
    const r = parseDistrict({ ...minimal, schemaVersion: "one" });
    expect(!r.ok && r.issues.map((i) => `${i.path} ${i.code}`)).toEqual(["schemaVersion invalid-type"]);
  });
});
