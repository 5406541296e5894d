import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import { assertValidLpName, lpName, parseLpName } from "./lp-names.js";

describe("LP naming contract <assetId>:<attribute>[t]", () => {
  it("formats and parses hourly and scalar names", () => {
    expect(lpName("pv-roof-12", "flowOut", 3)).toBe("pv-roof-12:flowOut[3]");
    expect(lpName("dh", "peak")).toBe("dh:peak");
    expect(parseLpName("pv-roof-12:flowOut[3]")).toEqual({
      assetId: "pv-roof-12",
      attribute: "flowOut",
      t: 3,
    });
    expect(parseLpName("dh:peak")).toEqual({ assetId: "dh", attribute: "peak" });
    // The asset id may itself contain ':' (ids like asset:pv-1); the attribute is after the last ':'.
    expect(parseLpName("asset:pv-1:flowOut[0]")).toEqual({
      assetId: "asset:pv-1",
      attribute: "flowOut",
      t: 0,
    });
  });

  it("rejects names outside the contract", () => {
    for (const bad of [
      "",
      "flowOut",
      ":flowOut",
      "a:",
      "a:flow Out",
      "a:flowOut[01]",
      "a:flowOut[-1]",
      "a:1x",
    ]) {
      expect(parseLpName(bad), bad).toBeUndefined();
    }
    expect(() => assertValidLpName("a b", "variable")).toThrow(EngineError);
    expect(() => assertValidLpName("a:b", "variable")).not.toThrow();
  });

  it("round-trips every well-formed name", () => {
    const asset = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}(:[a-z0-9-]{1,8})?$/);
    const attribute = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/);
    fc.assert(
      fc.property(asset, attribute, fc.option(fc.nat(9000), { nil: undefined }), (a, attr, t) => {
        const parsed = parseLpName(lpName(a, attr, t));
        expect(parsed).toEqual(
          t === undefined ? { assetId: a, attribute: attr } : { assetId: a, attribute: attr, t },
        );
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
