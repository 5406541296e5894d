import { describe, expect, it } from "vitest";
import { commentsOn, countByTarget, type DistrictComment } from "./map-comments.js";

const c = (
  id: string,
  target: { assetId?: string; proposalId?: string },
  hidden = false,
): DistrictComment => ({
  id,
  parentCommentId: null,
  body: hidden ? null : id,
  hidden,
  author: null,
  assetId: target.assetId ?? null,
  proposalId: target.proposalId ?? null,
});

const COMMENTS = [
  c("1", { assetId: "pv-city" }),
  c("2", { assetId: "pv-city" }, true),
  c("3", { assetId: "supermarket" }),
  c("4", { proposalId: "p1" }),
  c("5", { proposalId: "p1", assetId: "pv-city" }),
];

describe("map comments", () => {
  it("counts map comments per asset or building group, hidden ones included, proposal comments not", () => {
    expect([...countByTarget(COMMENTS)].sort()).toEqual([
      ["pv-city", 2],
      ["supermarket", 1],
    ]);
    expect(countByTarget([]).size).toBe(0);
  });

  it("selects the comments on one target", () => {
    expect(commentsOn(COMMENTS, "pv-city").map((x) => x.id)).toEqual(["1", "2"]);
    expect(commentsOn(COMMENTS, "nothing")).toEqual([]);
  });
});
