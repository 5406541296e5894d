import { describe, expect, it } from "vitest";
import {
  efficiencyChange,
  fieldOfIssue,
  issuesByField,
  parseChangeJson,
  simpleChange,
} from "./cocreation-data.js";

describe("cocreation data", () => {
  it("maps 422 issue paths of createProposal (docs/api.md, participation) to form fields", () => {
    expect(fieldOfIssue("body.change.assets[0].capacity")).toBe("capacity");
    expect(fieldOfIssue("body.change.assets[0].kind")).toBe("kind");
    expect(fieldOfIssue("body.payer")).toBe("payer");
    expect(fieldOfIssue("body.title")).toBe("title");
    expect(fieldOfIssue("body.change")).toBe("change");
    const grouped = issuesByField([
      { code: "x", path: "body.operator", message: "no such stakeholder" },
      { code: "y", path: "body.change.assets[0].owner", message: "owner missing" },
    ]);
    expect(grouped.operator).toEqual(["no such stakeholder"]);
    expect(grouped.change).toEqual(["owner missing"]);
  });
  it("builds a resize or a new-asset change", () => {
    expect(simpleChange({ assetId: "pv-1", kind: undefined, capacity: 120 })).toEqual({
      assets: [{ id: "pv-1", capacity: 120 }],
    });
    expect(simpleChange({ assetId: "pv-new", kind: "pv", capacity: 80 })).toEqual({
      assets: [{ id: "pv-new", capacity: 80, kind: "pv" }],
    });
  });
  it("builds an efficiency measure and maps its issues to the group and E-value fields", () => {
    expect(efficiencyChange({ groupId: "block-1", eValue: 70 })).toEqual({
      buildingGroups: [{ id: "block-1", ePerformance: { eValue: 70 } }],
    });
    expect(fieldOfIssue("body.change.buildingGroups[0].ePerformance.eValue", "efficiency")).toBe("eValue");
    expect(fieldOfIssue("body.change.buildingGroups[0].id", "efficiency")).toBe("groupId");
  });
  it("puts every issue of a JSON change next to its text area, with the path inside the change", () => {
    expect(fieldOfIssue("body.change.assets[0].capacity", "json")).toBe("change");
    expect(fieldOfIssue("body.title", "json")).toBe("title");
    const grouped = issuesByField(
      [
        { path: "body.change.assets[2].capacity", message: "must be >= 0", code: "x", severity: "error" },
        { path: "body.change", message: "empty", code: "y", severity: "error" },
      ],
      "json",
    );
    expect(grouped.change).toEqual(["assets[2].capacity: must be >= 0", "empty"]);
    expect(grouped.capacity).toBeUndefined();
  });
  it("parses a JSON change: an object, a syntax error, or not an object", () => {
    expect(parseChangeJson('{"assets": [{"id": "hp", "capacity": 400}]}')).toEqual({
      ok: true,
      change: { assets: [{ id: "hp", capacity: 400 }] },
    });
    expect(parseChangeJson('{"assets": ').ok).toBe(false);
    expect(parseChangeJson('{"assets": ')).toMatchObject({ reason: "syntax" });
    expect(parseChangeJson("[1, 2]")).toMatchObject({ ok: false, reason: "not-object" });
    expect(parseChangeJson("null")).toMatchObject({ ok: false, reason: "not-object" });
  });
});
