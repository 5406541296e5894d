import { describe, expect, it } from "vitest";
import { fieldOfIssue, issuesByField, simpleChange } from "./cocreation-data.js";

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
});
