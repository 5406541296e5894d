import { describe, expect, it } from "vitest";
import { commentTree, countComments, type CommentNode, type ThreadComment } from "./comment-tree.js";

const c = (id: string, parent: string | null, createdAt?: string): ThreadComment => ({
  id,
  parentCommentId: parent,
  body: id,
  hidden: false,
  ...(createdAt === undefined ? {} : { createdAt }),
});
/** The tree as nested ids, e.g. ["a", ["a1", "a2"]]. */
const shape = (nodes: readonly CommentNode[]): unknown[] =>
  nodes.flatMap((n) => (n.replies.length ? [n.comment.id, shape(n.replies)] : [n.comment.id]));

describe("commentTree", () => {
  it("puts replies under their parent, oldest first, at any depth", () => {
    const tree = commentTree([
      c("a", null, "2026-01-01T10:00:00Z"),
      c("a1", "a", "2026-01-01T11:00:00Z"),
      c("a2", "a", "2026-01-01T12:00:00Z"),
      c("a1x", "a1", "2026-01-01T13:00:00Z"),
    ]);
    expect(shape(tree)).toEqual(["a", ["a1", ["a1x"], "a2"]]);
    expect(countComments(tree)).toBe(4);
  });

  it("shows the thread with the newest activity first, including activity in replies", () => {
    const comments = [
      c("old", null, "2026-01-01T10:00:00Z"),
      c("new", null, "2026-01-02T10:00:00Z"),
      c("old-reply", "old", "2026-01-03T10:00:00Z"),
    ];
    const tree = commentTree(comments);
    expect(shape(tree)).toEqual(["old", ["old-reply"], "new"]);
    expect(tree[0]?.lastActivity).toBe("2026-01-03T10:00:00Z");
    expect(tree[1]?.lastActivity).toBe("2026-01-02T10:00:00Z");
    // Without the reply the newer top-level comment leads.
    expect(shape(commentTree(comments.slice(0, 2)))).toEqual(["new", "old"]);
  });

  it("orders by input position (later = newer) when times are equal or missing", () => {
    expect(shape(commentTree([c("x", null), c("y", null), c("z", null)]))).toEqual(["z", "y", "x"]);
    const t = "2026-01-01T10:00:00Z";
    expect(shape(commentTree([c("x", null, t), c("y", null, t), c("x1", "x", t)]))).toEqual([
      "x",
      ["x1"],
      "y",
    ]);
  });

  it("keeps every comment: unknown parents become threads, parent cycles do not loop", () => {
    const tree = commentTree([c("orphan", "gone", "2026-01-01T00:00:00Z"), c("p", "q"), c("q", "p")]);
    expect(countComments(tree)).toBe(3);
    expect(tree.map((n) => n.comment.id)).toContain("orphan");
    expect(commentTree([])).toEqual([]);
  });
});
