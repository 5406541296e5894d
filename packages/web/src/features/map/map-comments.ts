import { api } from "../../api/client.js";
import type { ThreadComment } from "../cocreation/comment-tree.js";

/** A comment as GET /districts/{id}/comments returns it; map comments have an assetId and no proposalId. */
export interface DistrictComment extends ThreadComment {
  readonly proposalId: string | null;
  readonly assetId: string | null;
  readonly author: string | null;
}

const onMap = (c: DistrictComment): c is DistrictComment & { assetId: string } =>
  c.assetId !== null && c.proposalId === null;

/** Number of map comments (hidden ones included: they stay in the thread) per asset or building group id. */
export function countByTarget(comments: readonly DistrictComment[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const c of comments) if (onMap(c)) out.set(c.assetId, (out.get(c.assetId) ?? 0) + 1);
  return out;
}

/** The map comments on one asset or building group (comments on proposals that touch it are not included). */
export const commentsOn = (comments: readonly DistrictComment[], targetId: string): DistrictComment[] =>
  comments.filter((c) => onMap(c) && c.assetId === targetId);

/** All comments of a district in one call (the map groups them by target for its badges). */
export const listDistrictComments = async (districtId: string): Promise<DistrictComment[]> =>
  (await api<{ items: DistrictComment[] }>("GET", `/districts/${districtId}/comments`)).items;
