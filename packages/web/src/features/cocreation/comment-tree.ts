/** The fields of a comment that threading and display need (a proposal's or a map asset's comment). */
export interface ThreadComment {
  readonly id: string;
  readonly parentCommentId: string | null;
  readonly body: string | null;
  readonly hidden: boolean;
  readonly hiddenReason?: string | null;
  readonly createdAt?: string;
}

/** A comment with its replies (oldest first) and the time of the newest comment in its subtree. */
export interface CommentNode<C extends ThreadComment = ThreadComment> {
  readonly comment: C;
  readonly replies: readonly CommentNode<C>[];
  /** ISO time of the newest comment in this subtree (undefined when no comment has a time). */
  readonly lastActivity: string | undefined;
}

/**
 * Builds the threads of a list of comments: top-level comments newest activity first (a thread with a fresh
 * reply comes to the top), replies under their parent in conversation order (oldest first). A reply whose
 * parent is not in the list becomes a top-level comment. Ties keep the input order (the API lists oldest first),
 * later input counting as newer, so comments without a time still sort sensibly.
 */
export function commentTree<C extends ThreadComment>(comments: readonly C[]): CommentNode<C>[] {
  const index = new Map(comments.map((c, i) => [c.id, i]));
  const children = new Map<string | null, C[]>();
  for (const c of comments) {
    const parent = c.parentCommentId !== null && index.has(c.parentCommentId) ? c.parentCommentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const seen = new Set<string>();
  /** [time in ms (−∞ when unknown), input position] of the newest comment in the subtree. */
  type Rank = readonly [number, number];
  const newer = (a: Rank, b: Rank): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const rankOf = (c: C): Rank => {
    const t = c.createdAt === undefined ? NaN : Date.parse(c.createdAt);
    return [Number.isNaN(t) ? -Infinity : t, index.get(c.id) ?? 0];
  };
  const build = (c: C): { node: CommentNode<C>; rank: Rank; newest: C } => {
    seen.add(c.id);
    let rank = rankOf(c);
    let newest = c;
    const replies: CommentNode<C>[] = [];
    for (const r of children.get(c.id) ?? []) {
      if (seen.has(r.id)) continue;
      const sub = build(r);
      replies.push(sub.node);
      if (newer(sub.rank, rank)) {
        rank = sub.rank;
        newest = sub.newest;
      }
    }
    return { node: { comment: c, replies, lastActivity: newest.createdAt }, rank, newest };
  };
  const roots = (children.get(null) ?? []).map(build);
  // Comments caught in a parent cycle (never produced by the API) are shown as threads of their own.
  for (const c of comments) if (!seen.has(c.id)) roots.push(build(c));
  return roots
    .sort((a, b) => (newer(a.rank, b.rank) ? -1 : newer(b.rank, a.rank) ? 1 : 0))
    .map((r) => r.node);
}

/** The number of comments in threads (top-level comments and all their replies). */
export const countComments = (nodes: readonly CommentNode[]): number =>
  nodes.reduce((n, x) => n + 1 + countComments(x.replies), 0);
