import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppDeps, AppEnv } from "../context.js";
import { HttpProblem, unauthenticated } from "../problem.js";
import { hashSecret, safeEqual } from "./secrets.js";
import { ANONYMOUS, type Viewer } from "./viewer.js";

export const SESSION_COOKIE = "kera_session";
export const CSRF_COOKIE = "kera_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const API_TOKEN_PREFIX = "kera_";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the viewer from `Authorization: Bearer <API token>` or the `kera_session` cookie.
 * Cookie-authenticated unsafe methods must echo the session's CSRF token in `x-csrf-token`
 * (double submit: the token is also in the readable `kera_csrf` cookie). Bearer requests need no CSRF token:
 * browsers never attach them on their own.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    let viewer: Viewer = ANONYMOUS;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw unauthenticated("malformed Authorization header: expected `Bearer <token>`");
      const token = await deps.store.tokens.getByHash(hashSecret(match[1]));
      if (!token) throw unauthenticated("unknown or revoked API token");
      const user = await deps.store.users.get(token.userId);
      if (!user || user.disabled) throw unauthenticated("the token's account is disabled");
      viewer = { user, memberships: await deps.store.memberships.listForUser(user.id), via: "token" };
    } else {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) {
        const sessionHash = hashSecret(sessionId);
        const session = await deps.store.sessions.get(sessionHash);
        const user = session ? await deps.store.users.get(session.userId) : undefined;
        if (session && user && !user.disabled && Date.parse(session.expiresAt) > deps.now().getTime()) {
          viewer = {
            user,
            memberships: await deps.store.memberships.listForUser(user.id),
            via: "session",
            sessionHash,
            csrfToken: session.csrfToken,
          };
          if (!SAFE_METHODS.has(c.req.method)) {
            const sent = c.req.header(CSRF_HEADER) ?? "";
            if (!safeEqual(sent, session.csrfToken)) {
              throw new HttpProblem(403, "csrf-token-invalid", `missing or wrong ${CSRF_HEADER} header`);
            }
          }
        }
        // An expired or unknown session cookie is treated as anonymous (the route decides whether that is enough).
      }
    }
    c.set("viewer", viewer);
    await next();
  };
}
