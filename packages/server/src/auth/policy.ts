import type { Role } from "../ports.js";

/**
 * THE authorisation policy: operationId → roles allowed, plus the ownership rule for partners.
 * `partner: "own"` means a partner may call the operation only on scenarios created by its own organisation.
 * Roles are resolved per district (see roleFor); platform-wide operations use the highest role held anywhere.
 * Every registered route must have an entry (route-kit.ts throws at start-up otherwise), and the authorisation
 * matrix test checks every (route, role) pair against its own copy of this table.
 */
export interface PolicyEntry {
  readonly roles: readonly Role[];
  readonly partner?: "own";
}

const EVERYONE: readonly Role[] = [
  "platform_admin",
  "district_admin",
  "partner",
  "researcher",
  "resident",
  "anonymous",
];
const SIGNED_IN: readonly Role[] = ["platform_admin", "district_admin", "partner", "researcher", "resident"];
const EDITORS: readonly Role[] = ["platform_admin", "district_admin", "partner"];
const ANALYSTS: readonly Role[] = ["platform_admin", "district_admin", "partner", "researcher"];
const ADMINS: readonly Role[] = ["platform_admin", "district_admin"];
const PLATFORM_ADMIN: readonly Role[] = ["platform_admin"];
/** Residents and partners support proposals (a civic signal, not an administrative act). */
const SUPPORTERS: readonly Role[] = ["partner", "resident"];
/** Residents, partners and admins comment; researchers read. */
const COMMENTERS: readonly Role[] = ["platform_admin", "district_admin", "partner", "resident"];

export const POLICY: Readonly<Record<string, PolicyEntry>> = {
  // system
  getHealth: { roles: EVERYONE },
  getReady: { roles: EVERYONE },
  getOpenApi: { roles: EVERYONE },
  getDocs: { roles: EVERYONE },
  // auth
  login: { roles: EVERYONE },
  logout: { roles: SIGNED_IN },
  getMe: { roles: SIGNED_IN },
  createToken: { roles: SIGNED_IN },
  deleteToken: { roles: SIGNED_IN },
  // districts
  listDistricts: { roles: SIGNED_IN },
  getDistrict: { roles: SIGNED_IN },
  createDistrict: { roles: PLATFORM_ADMIN },
  updateDistrict: { roles: ADMINS },
  // scenarios and versions
  listScenarios: { roles: SIGNED_IN },
  createScenario: { roles: EDITORS },
  getScenario: { roles: SIGNED_IN },
  branchScenario: { roles: EDITORS },
  listVersions: { roles: SIGNED_IN },
  createVersion: { roles: EDITORS, partner: "own" },
  getVersion: { roles: SIGNED_IN },
  diffVersion: { roles: ANALYSTS },
  // runs and results
  listRuns: { roles: SIGNED_IN },
  createRun: { roles: EDITORS, partner: "own" },
  getRun: { roles: SIGNED_IN },
  getRunEvents: { roles: SIGNED_IN },
  cancelRun: { roles: EDITORS, partner: "own" },
  getRunSummary: { roles: SIGNED_IN },
  getRunSeries: { roles: ANALYSTS },
  getCooperation: { roles: ANALYSTS },
  getAlternatives: { roles: ANALYSTS },
  // public
  getPublicDistrict: { roles: EVERYONE },
  // web support (routes/web-support.ts)
  getPublicInputs: { roles: EVERYONE },
  getVersionInputs: { roles: SIGNED_IN },
  // stakeholders
  listStakeholders: { roles: SIGNED_IN },
  createStakeholder: { roles: ADMINS },
  // participation (routes/participation.ts)
  listProposals: { roles: SIGNED_IN },
  createProposal: { roles: EDITORS },
  getProposal: { roles: SIGNED_IN },
  supportProposal: { roles: SUPPORTERS },
  listComments: { roles: SIGNED_IN },
  createComment: { roles: COMMENTERS },
  hideComment: { roles: ADMINS },
  acceptProposal: { roles: ADMINS },
  declineProposal: { roles: ADMINS },
  withdrawProposal: { roles: EDITORS, partner: "own" },
  getProposalImpact: { roles: SIGNED_IN },
  listCommitments: { roles: SIGNED_IN },
  createCommitment: { roles: EDITORS },
  getTracker: { roles: SIGNED_IN },
  // administration
  listUsers: { roles: PLATFORM_ADMIN },
  createUser: { roles: PLATFORM_ADMIN },
  updateUserRole: { roles: PLATFORM_ADMIN },
  listAudit: { roles: PLATFORM_ADMIN },
};
