import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, flattenDocument } from "./compare-data.js";

describe("diffDocuments", () => {
  it("finds changed, added and removed values, addressing list items by id", () => {
    const a = {
      assets: [
        { id: "pv", capacity: 2500 },
        { id: "bat", capacity: 500 },
      ],
      name: "A",
    };
    const b = {
      assets: [
        { id: "bat", capacity: 500 },
        { id: "pv", capacity: 6000 },
      ],
      name: "A",
      extra: true,
    };
    expect(diffDocuments([a, b])).toEqual([
      { path: "assets[pv].capacity", values: ["2500", "6000"], changed: [false, true] },
      { path: "extra", values: ["", "true"], changed: [false, true] },
    ]);
  });

  it("a document never differs from itself, whatever its shape", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        expect(diffDocuments([doc, structuredClone(doc)])).toEqual([]);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("flattens scalars at the root", () => {
    expect([...flattenDocument(3)]).toEqual([["", "3"]]);
  });
});
