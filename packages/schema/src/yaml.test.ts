import { describe, expect, it } from "vitest";
import { parseDistrictYaml, serializeDistrict } from "./yaml.js";

const BAD = `schemaVersion: 1
name: Bad
site:
  name: X
  latitude: 95
  longitude: 24.7
  timezone: Europe/Helsinki
timeline:
  start: "2035-01-01"
stakeholders:
  - id: city
    name: City
    kind: city
buildingGroups:
  - id: g1
    useType: apartmentBlok
    heatedFloorArea: -5
    yearCompleted: 2030
    owner: cityy
assets:
  - kind: battery
    id: b1
    owner: city
    capacity: 10
`;

describe("parseDistrictYaml", () => {
  it("gives every issue its line and column", () => {
    const r = parseDistrictYaml(BAD, { fileName: "bad.yaml" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.code}`);
    expect(at).toEqual([
      "5:13 site.latitude out-of-range",
      "7:3 site.timezone unknown-key",
      "16:14 buildingGroups[0].useType unknown-use-type",
      "17:22 buildingGroups[0].heatedFloorArea out-of-range",
      "19:12 buildingGroups[0].owner unknown-reference",
      "21:5 assets[0].powerCapacity missing-capacity",
    ]);
  });

  it("reports YAML syntax errors and duplicate keys with positions", () => {
    const dup = parseDistrictYaml("schemaVersion: 1\nname: a\nname: b\n");
    expect(!dup.ok && dup.issues[0]).toMatchObject({ code: "duplicate-key", line: 3 });
    const broken = parseDistrictYaml("site: [1, 2\nname: x\n", { fileName: "x.yaml" });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.issues[0]?.code).toBe("yaml-syntax");
    expect(!broken.ok && broken.issues[0]?.line).toBeGreaterThan(0);
  });

  it("accepts JSON text", () => {
    const r = parseDistrictYaml(
      JSON.stringify({
        schemaVersion: 1,
        name: "j",
        site: { name: "s", latitude: 60, longitude: 24, timeZone: "UTC" },
        timeline: { start: "2030-01-01", hours: 24 },
      }),
    );
    expect(r.ok).toBe(true);
  });

  it("supports anchors and merge keys for repeated settings", () => {
    const text = `schemaVersion: 1
name: m
site: { name: s, latitude: 60, longitude: 24, timeZone: UTC }
timeline: { start: "2030-01-01", hours: 24 }
stakeholders: [{ id: o, name: O, kind: other }]
assets:
  - &pv { kind: pv, id: pv-1, owner: o, capacity: 10, tilt: 15 }
  - { <<: *pv, id: pv-2, azimuth: 90 }
`;
    const r = parseDistrictYaml(text);
    expect(r.ok && r.value.assets.map((a) => a.kind === "pv" && [a.id, a.tilt, a.azimuth])).toEqual([
      ["pv-1", 15, 180],
      ["pv-2", 15, 90],
    ]);
  });

  it("writes hourly series compactly and reads them back", () => {
    const r = parseDistrictYaml(`schemaVersion: 1
name: m
site: { name: s, latitude: 60, longitude: 24, timeZone: UTC }
timeline: { start: "2030-01-01", hours: 3 }
stakeholders: [{ id: o, name: O, kind: other }]
assets:
  - { kind: gridConnection, id: g, owner: o, capacity: 10, emissionFactor: { hourly: [0.1, 0.2, 0.3], unit: kgCO2e/kWh } }
`);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const text = serializeDistrict(r.value);
    expect(text).toContain("hourly: [0.1, 0.2, 0.3]");
    expect(text).toContain('start: "2030-01-01"');
    const back = parseDistrictYaml(text);
    expect(back.ok && back.value).toEqual(r.value);
  });
});

describe("parseDistrictYaml on JSON text", () => {
  const base = {
    schemaVersion: 1,
    name: "j",
    site: { name: "s", latitude: 60, longitude: 24, timeZone: "UTC" },
    timeline: { start: "2030-01-01", hours: 24 },
  };

  it("gives the same value as the YAML path", () => {
    const json = parseDistrictYaml(JSON.stringify(base));
    const yaml = parseDistrictYaml(JSON.stringify(base, null, 2).replace(/^\{/, " {"));
    expect(json.ok && yaml.ok && json.value).toEqual(yaml.ok && yaml.value);
  });

  it("still places issues on lines", () => {
    const text = JSON.stringify({ ...base, site: { ...base.site, latitude: 95 } }, null, 2);
    const r = parseDistrictYaml(text);
    expect(!r.ok && r.issues.map((i) => [i.path, i.line])).toEqual([["site.latitude", 6]]);
  });
});
