import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { API_TOKEN_PREFIX, CSRF_COOKIE, SESSION_COOKIE } from "../auth/authenticate.js";
import { dummyPasswordHash, hashSecret, newSecret, verifyPassword } from "../auth/secrets.js";
import { HttpProblem, notFound } from "../problem.js";
import type { RouteKit } from "../route-kit.js";
import { audit, json, userDto } from "./common.js";
import { Id, MembershipSchema, Timestamp, UserWithRolesSchema } from "./schemas.js";

/** The client's address: the socket peer, or with KERA_TRUST_PROXY the first X-Forwarded-For entry. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}

const SessionSchema = z
  .object({
    user: UserWithRolesSchema,
    csrfToken: z
      .string()
      .nullable()
      .openapi({ description: "Send as x-csrf-token on unsafe cookie requests" }),
  })
  .openapi("Session");

export function registerAuthRoutes(kit: RouteKit): void {
  const { deps } = kit;

  kit.define({
    operationId: "login",
    method: "post",
    path: "/api/v1/auth/login",
    tags: ["auth"],
    summary: "Sign in with e-mail and password; sets the kera_session (HttpOnly) and kera_csrf cookies",
    description: `Rate-limited per client address and e-mail (default 5 attempts per minute, then 429 with Retry-After).`,
    body: z.object({ email: z.string().email().max(320), password: z.string().min(1).max(1024) }),
    responses: {
      200: { description: "Signed in", schema: SessionSchema },
      401: { description: "Wrong e-mail or password" },
      429: { description: "Too many attempts" },
    },
    handler: async (c, { body }) => {
      const email = body.email.trim().toLowerCase();
      const key = `${clientAddress(c, deps.config.trustProxy)}|${email}`;
      const waitS = deps.loginLimiter.hit(key, deps.now().getTime());
      if (waitS > 0) {
        throw new HttpProblem(
          429,
          "too-many-login-attempts",
          `too many sign-in attempts; retry in ${waitS} s`,
          {
            headers: { "retry-after": String(waitS) },
          },
        );
      }
      const user = await deps.store.users.getByEmail(email);
      const valid = user
        ? await verifyPassword(user.passwordHash, body.password)
        : (await verifyPassword(await dummyPasswordHash(), body.password), false);
      if (!user || !valid || user.disabled) {
        await audit(deps, user?.id ?? null, "auth.login-failed", `user:${email}`);
        throw new HttpProblem(401, "invalid-credentials", "wrong e-mail or password");
      }
      deps.loginLimiter.reset(key);
      const sessionId = newSecret();
      const csrfToken = newSecret();
      const maxAgeS = deps.config.sessionHours * 3600;
      await deps.store.sessions.create({
        idHash: hashSecret(sessionId),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(deps.now().getTime() + maxAgeS * 1000).toISOString(),
      });
      const secure = deps.config.cookieSecure;
      setCookie(c, SESSION_COOKIE, sessionId, {
        httpOnly: true,
        secure,
        sameSite: "Lax",
        path: "/",
        maxAge: maxAgeS,
      });
      setCookie(c, CSRF_COOKIE, csrfToken, {
        httpOnly: false,
        secure,
        sameSite: "Lax",
        path: "/",
        maxAge: maxAgeS,
      });
      await audit(deps, user.id, "auth.login", `user:${user.id}`);
      const memberships = await deps.store.memberships.listForUser(user.id);
      return json(c, { user: { ...userDto(user), memberships: memberships.map(membershipDto) }, csrfToken });
    },
  });

  kit.define({
    operationId: "logout",
    method: "post",
    path: "/api/v1/auth/logout",
    tags: ["auth"],
    summary: "Sign out (ends the session and clears the cookies)",
    responses: { 204: { description: "Signed out" } },
    handler: async (c, _input, auth) => {
      if (auth.viewer.sessionHash) await deps.store.sessions.delete(auth.viewer.sessionHash);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      deleteCookie(c, CSRF_COOKIE, { path: "/" });
      await audit(deps, auth, "auth.logout", `user:${auth.viewer.user?.id ?? ""}`);
      return c.body(null, 204);
    },
  });

  kit.define({
    operationId: "getMe",
    method: "get",
    path: "/api/v1/auth/me",
    tags: ["auth"],
    summary: "The signed-in user, its roles, and the CSRF token of the session",
    responses: { 200: { description: "The user", schema: SessionSchema } },
    handler: (c, _input, auth) => {
      const user = auth.viewer.user;
      if (!user) throw new HttpProblem(401, "unauthenticated", "not signed in");
      return json(c, {
        user: { ...userDto(user), memberships: auth.viewer.memberships.map(membershipDto) },
        csrfToken: auth.viewer.csrfToken ?? null,
      });
    },
  });

  kit.define({
    operationId: "createToken",
    method: "post",
    path: "/api/v1/auth/tokens",
    tags: ["auth"],
    summary: "Create an API token for machines (shown once; stored hashed)",
    body: z.object({ name: z.string().min(1).max(100) }),
    responses: {
      201: {
        description: "The token",
        schema: z
          .object({ id: z.string(), name: z.string(), token: z.string(), createdAt: Timestamp })
          .openapi("NewApiToken"),
      },
    },
    handler: async (c, { body }, auth) => {
      const user = auth.viewer.user;
      if (!user) throw new HttpProblem(401, "unauthenticated", "not signed in");
      const token = newSecret(API_TOKEN_PREFIX);
      const record = await deps.store.tokens.create({
        userId: user.id,
        name: body.name,
        tokenHash: hashSecret(token),
      });
      await audit(deps, auth, "token.create", `token:${record.id}`, { name: body.name });
      return json(c, { id: record.id, name: record.name, token, createdAt: record.createdAt }, 201);
    },
  });

  kit.define({
    operationId: "deleteToken",
    method: "delete",
    path: "/api/v1/auth/tokens/{tokenId}",
    tags: ["auth"],
    summary: "Revoke an API token (your own; platform admins: any)",
    params: z.object({ tokenId: Id }),
    responses: { 204: { description: "Revoked" } },
    handler: async (c, { params }, auth) => {
      const token = await deps.store.tokens.get(params.tokenId);
      if (!token || (token.userId !== auth.viewer.user?.id && auth.role !== "platform_admin")) {
        throw notFound(`token ${params.tokenId}`);
      }
      await deps.store.tokens.delete(token.id);
      await audit(deps, auth, "token.revoke", `token:${token.id}`);
      return c.body(null, 204);
    },
  });
}

export function membershipDto(m: z.infer<typeof MembershipSchema>) {
  return { organisation: m.organisation, districtId: m.districtId, role: m.role };
}
