import { parameterMetadata } from "@kera/schema";
import { describe, expect, it } from "vitest";
import { fieldsFor, metadataPrefix, normalizeIssuePath, parseFieldValue, withField } from "./model-fields.js";
import { treeOf } from "./scenario-tree.js";

describe("editor fields from the schema metadata", () => {
  const meta = parameterMetadata();

  it("lists a PV asset's scalar fields with units, limits and defaults, not its id, kind or series", () => {
    const fields = fieldsFor(meta, metadataPrefix("assets", "pv"));
    const capacity = fields.find((f) => f.key === "capacity");
    expect(capacity).toMatchObject({ type: "number", unit: "kWp", minimum: 0 });
    expect(fields.find((f) => f.key === "tilt")?.default).toBe(30);
    expect(fields.map((f) => f.key)).not.toContain("id");
    expect(fields.map((f) => f.key)).not.toContain("kind");
    expect(fields.map((f) => f.key)).not.toContain("availability"); // a series, edited elsewhere
  });

  it("lists building-group fields", () => {
    const keys = fieldsFor(meta, metadataPrefix("buildingGroups")).map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(["heatedFloorArea", "residents", "yearCompleted"]));
  });

  it("parses form values by type; empty means unset", () => {
    const num = { key: "capacity", type: "number", required: false } as const;
    expect(parseFieldValue(num, "6000")).toBe(6000);
    expect(parseFieldValue(num, "2,5")).toBe(2.5);
    expect(parseFieldValue(num, "abc")).toBe("abc"); // kept, so the validator reports it
    expect(parseFieldValue(num, " ")).toBeUndefined();
    expect(parseFieldValue({ key: "smart", type: "boolean", required: false }, "false")).toBe(false);
  });

  it("sets and removes a field in a copy of the model", () => {
    const model = { assets: [{ id: "a", capacity: 1 }, { id: "b" }] };
    const next = withField(model, "assets", 0, "capacity", 5);
    expect(next).toEqual({ assets: [{ id: "a", capacity: 5 }, { id: "b" }] });
    expect(model.assets[0]?.capacity).toBe(1);
    expect(withField(next, "assets", 0, "capacity", undefined)).toEqual({
      assets: [{ id: "a" }, { id: "b" }],
    });
  });

  it("maps the API's issue paths onto the editor's", () => {
    expect(normalizeIssuePath("body.model.assets[3].capacity")).toBe("assets[3].capacity");
    expect(normalizeIssuePath("assets[3].capacity")).toBe("assets[3].capacity");
  });
});

describe("treeOf", () => {
  it("nests children under parents and keeps orphans as roots", () => {
    const items = [
      { id: "a", parent: null },
      { id: "b", parent: "a" },
      { id: "c", parent: "b" },
      { id: "d", parent: "missing" },
    ];
    const roots = treeOf(
      items,
      (x) => x.id,
      (x) => x.parent,
    );
    expect(roots.map((r) => r.item.id)).toEqual(["a", "d"]);
    expect(roots[0]?.children[0]?.children[0]?.item.id).toBe("c");
  });
});
