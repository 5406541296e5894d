import type { Scenario, VersionMeta } from "../../api/client.js";

export interface TreeNode<T> {
  readonly item: T;
  readonly children: TreeNode<T>[];
}

/** Builds a forest from items with parent links; items whose parent is unknown become roots. Order is kept. */
export function treeOf<T>(
  items: readonly T[],
  id: (t: T) => string,
  parent: (t: T) => string | null,
): TreeNode<T>[] {
  const nodes = new Map(items.map((item) => [id(item), { item, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(id(item));
    const p = parent(item);
    const up = p === null ? undefined : nodes.get(p);
    if (node && up && up !== node) up.children.push(node);
    else if (node) roots.push(node);
  }
  return roots;
}

export const scenarioTree = (s: readonly Scenario[]) =>
  treeOf(
    s,
    (x) => x.id,
    (x) => x.parentScenarioId,
  );
export const versionTree = (v: readonly VersionMeta[]) =>
  treeOf(
    v,
    (x) => x.id,
    (x) => x.parentVersionId,
  );
