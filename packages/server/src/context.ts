import type { Logger } from "pino";
import type { RateLimiter } from "./auth/rate-limit.js";
import type { Viewer } from "./auth/viewer.js";
import type { ServerConfig } from "./config.js";
import type { Role, ServerJobs, ServerStore } from "./ports.js";

/** Everything a route needs, created once per app by createApp (no module-level mutable state). */
export interface AppDeps {
  readonly store: ServerStore;
  readonly jobs: ServerJobs;
  readonly logger: Logger;
  readonly config: ServerConfig;
  readonly loginLimiter: RateLimiter;
  /** Clock (injectable for tests). */
  readonly now: () => Date;
}

/** Hono environment: per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    viewer: Viewer;
    /** Set by the route gate once the operation is authorised. */
    auth: Auth;
  };
}

/** What an operation acts on, resolved from the raw path parameters BEFORE body validation (404 before 422). */
export interface Scope {
  /** District the role is resolved for; null = platform-wide. */
  readonly districtId: string | null;
  /** Organisation that owns the target scenario (ownership rule for partners). */
  readonly ownerOrganisation?: string | null;
}

export interface Auth {
  readonly viewer: Viewer;
  readonly role: Role;
  readonly scope: Scope;
  /** Organisations the viewer acts for in this district. */
  readonly organisations: ReadonlySet<string>;
}
