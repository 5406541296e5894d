import type { MembershipRecord, Role, StoredRole, UserRecord } from "../ports.js";

/** Who is asking: a user (by session or API token) or nobody. */
export interface Viewer {
  readonly user: UserRecord | null;
  readonly memberships: readonly MembershipRecord[];
  readonly via: "session" | "token" | "none";
  /** Hash of the session id (for logout), when via = session. */
  readonly sessionHash?: string;
  readonly csrfToken?: string;
}

export const ANONYMOUS: Viewer = { user: null, memberships: [], via: "none" };

/** Precedence when a user holds several roles for the same district. */
const RANK: Record<Role, number> = {
  platform_admin: 5,
  district_admin: 4,
  partner: 3,
  researcher: 2,
  resident: 1,
  anonymous: 0,
};

/**
 * The viewer's role for a district (or, with districtId null, the highest role held anywhere — used for
 * platform-wide routes). A platform admin is admin everywhere; a membership with districtId null applies to every
 * district; a signed-in user without a membership for the district is a resident there.
 */
export function roleFor(viewer: Viewer, districtId: string | null): Role {
  if (!viewer.user) return "anonymous";
  let best: Role = "resident";
  for (const m of viewer.memberships) {
    const applies =
      m.role === "platform_admin" ||
      districtId === null ||
      m.districtId === null ||
      m.districtId === districtId;
    if (applies && RANK[m.role] > RANK[best]) best = m.role;
  }
  return best;
}

/** Organisations the viewer acts for in a district (partners own the assets of these organisations' stakeholders). */
export function organisationsFor(viewer: Viewer, districtId: string | null): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of viewer.memberships) {
    if (districtId === null || m.districtId === null || m.districtId === districtId) out.add(m.organisation);
  }
  return out;
}

export function isStoredRole(value: string): value is StoredRole {
  return value in RANK && value !== "anonymous";
}
