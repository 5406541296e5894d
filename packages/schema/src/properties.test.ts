import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDistrict } from "./parse-district.js";
import { parsePath, valueAt } from "./path.js";
import { parseDistrictYaml, serializeDistrict } from "./yaml.js";
import { districtInputArb } from "./test-support/arbitraries.js";

const kera = readFileSync(
  fileURLToPath(new URL("../../../examples/districts/kera/district.yaml", import.meta.url)),
  "utf8",
);
const keraParsed = parseDistrictYaml(kera);
if (!keraParsed.ok) throw new Error("kera example invalid");
const keraObject = JSON.parse(JSON.stringify(keraParsed.value)) as unknown;

/** All paths to nodes of a JSON value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1] as string | number] = value;
  return copy;
}

const keraPaths = paths(keraObject);

describe("validator properties (seeded)", () => {
  it("never throws on arbitrary JSON and always returns issues with a code, a path and a message", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parseDistrict(input);
        if (!r.ok)
          for (const i of r.issues)
            expect(typeof i.code === "string" && typeof i.path === "string" && i.message.length > 0).toBe(
              true,
            );
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it("never throws on arbitrary text as YAML", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        parseDistrictYaml(text);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("reports one or more issues at (or inside, or next to) a mutated node of the Kera model, never an internal error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...keraPaths), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const r = parseDistrict(setAt(keraObject, path, value));
        const issues = r.ok ? (r.warnings ?? []) : r.issues;
        expect(issues.filter((i) => i.code === "internal-error")).toEqual([]);
        for (const i of issues) {
          // Every reported path exists in the input or names a missing child of an existing node.
          const segs = parsePath(i.path);
          const input = setAt(keraObject, path, value);
          expect(valueAt(input, segs) !== undefined || valueAt(input, segs.slice(0, -1)) !== undefined).toBe(
            true,
          );
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it("accepts generated valid districts, and parse(serialise(d)) equals d", () => {
    fc.assert(
      fc.property(districtInputArb, (input) => {
        const r = parseDistrict(input);
        if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
        const back = parseDistrictYaml(serializeDistrict(r.value));
        if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
        expect(back.value).toEqual(r.value);
      }),
      { seed: 1234, numRuns: 150 },
    );
  });

  it("round-trips the Kera district exactly", () => {
    const back = parseDistrictYaml(serializeDistrict(keraParsed.value));
    expect(back.ok && back.value).toEqual(keraParsed.value);
  });
});
