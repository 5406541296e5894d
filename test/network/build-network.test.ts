import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDistrictYaml } from "@kera/schema";
import { buildNetwork } from "@kera/engine";
import { loadDefaultWeather } from "@kera/data";

const micro = readFileSync(new URL("../../examples/districts/micro/district.yaml", import.meta.url), "utf8");
const weather = loadDefaultWeather();

function parse(text: string) {
  const r = parseDistrictYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

describe("buildNetwork", () => {
  it("explicit demand series replace the physics, carrier by carrier", () => {
    const district = parse(
      micro.replace("    roofArea: 900", "    roofArea: 900\n    demand:\n      electricity: 7"),
    );
    const built = buildNetwork({ district, weather });
    if (!built.ok) throw new Error(built.issues.map((i) => i.message).join("; "));
    const el = built.value.network.loads.find((l) => l.id === "block-1:electricity");
    expect(Array.from(el?.demandKwh ?? [])).toEqual(new Array(24).fill(7));
    const hw = built.value.network.loads.find((l) => l.id === "block-1:hotWater");
    expect(hw?.demandKwh.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("reports a CSV series that was not loaded with its path, and never throws", () => {
    const district = parse(
      micro.replace(
        "    roofArea: 900",
        "    roofArea: 900\n    demand:\n      electricity: { csv: load.csv }",
      ),
    );
    const built = buildNetwork({ district, weather });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.issues.map((i) => [i.code, i.path])).toContainEqual([
      "missing-series-file",
      "buildingGroups[0].demand.electricity",
    ]);
  });

  it("leaves out buildings and assets that are not built yet in the chosen year", () => {
    const district = parse(micro);
    const built = buildNetwork({ district, weather, year: 2029 });
    if (!built.ok) throw new Error("network");
    expect(built.value.network.loads).toHaveLength(0);
    expect(built.value.network.people.residents).toBe(0);
    expect(built.value.warnings.map((w) => w.code)).toContain("not-yet-built");
  });
});
