/** Sessions (cookies + CSRF), API tokens, login rate limiting, security headers and request ids. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PASSWORD, type Harness } from "./test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ cookieSecure: true });
}, 60_000);
afterAll(async () => h?.close());

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const i = pair.indexOf("=");
    out.set(pair.slice(0, i), line);
  }
  return out;
}

async function login(email: string, password = PASSWORD, ip?: string) {
  return h.app.request(
    "/api/v1/auth/login",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    },
    ip ? { incoming: { socket: { remoteAddress: ip } } } : undefined,
  );
}

describe("browser sessions", () => {
  it("login sets an HttpOnly, Secure, SameSite=Lax session cookie and a readable CSRF cookie", async () => {
    const res = await login("partner@example.org");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      csrfToken: string;
      user: { email: string; memberships: { role: string }[] };
    };
    expect(body.user.email).toBe("partner@example.org");
    expect(body.user.memberships[0]?.role).toBe("partner");
    const cookies = cookiesOf(res);
    const session = cookies.get("kera_session") ?? "";
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    const csrf = cookies.get("kera_csrf") ?? "";
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toContain(body.csrfToken);
  });

  it("cookie-authenticated unsafe requests need the x-csrf-token header; safe ones do not", async () => {
    const res = await login("partner@example.org");
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const sessionPair = (cookiesOf(res).get("kera_session") ?? "").split(";")[0]!;
    const me = await h.app.request("/api/v1/auth/me", { headers: { cookie: sessionPair } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { csrfToken: string }).csrfToken).toBe(csrfToken);
    const post = (headers: Record<string, string>) =>
      h.app.request("/api/v1/auth/tokens", {
        method: "POST",
        headers: { cookie: sessionPair, "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "from browser" }),
      });
    const without = await post({});
    expect(without.status).toBe(403);
    expect(((await without.json()) as { code: string }).code).toBe("csrf-token-invalid");
    expect((await post({ "x-csrf-token": "wrong" })).status).toBe(403);
    expect((await post({ "x-csrf-token": csrfToken })).status).toBe(201);
    // logout ends the session
    const out = await h.app.request("/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie: sessionPair, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await h.app.request("/api/v1/auth/me", { headers: { cookie: sessionPair } })).status).toBe(401);
  });

  it("wrong passwords and unknown e-mails get the same 401", async () => {
    const wrong = await login("partner@example.org", "not the password", "10.0.0.1");
    const unknown = await login("nobody@example.org", "not the password", "10.0.0.1");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe(
      ((await unknown.json()) as { code: string }).code,
    );
  });

  it("rate-limits login attempts per client address and e-mail (429 with Retry-After)", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < h.config.loginRateLimit; i++) {
      expect((await login("researcher@example.org", "bad password", ip)).status).toBe(401);
    }
    const limited = await login("researcher@example.org", PASSWORD, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("too-many-login-attempts");
    // another address is not affected
    expect((await login("researcher@example.org", PASSWORD, "10.9.9.10")).status).toBe(200);
  });

  it("ignores X-Forwarded-For unless KERA_TRUST_PROXY is set", async () => {
    const forged = (i: number) =>
      h.app.request(
        "/api/v1/auth/login",
        {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${i}` },
          body: JSON.stringify({ email: "resident@example.org", password: "bad password" }),
        },
        { incoming: { socket: { remoteAddress: "10.7.7.7" } } },
      );
    const statuses: number[] = [];
    for (let i = 0; i <= h.config.loginRateLimit; i++) statuses.push((await forged(i)).status);
    expect(statuses.at(-1)).toBe(429); // a new forged address per attempt does not reset the limit
  });
});

describe("API tokens", () => {
  it("are shown once, work as Bearer credentials, and stop working when revoked", async () => {
    const created = await h.call(h.actors.researcher, "POST", "/api/v1/auth/tokens", { name: "notebook" });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token).toMatch(/^kera_/);
    const asToken = { ...h.actors.researcher, token };
    expect((await h.call(asToken, "GET", "/api/v1/auth/me")).status).toBe(200);
    // another user cannot revoke it (404: its existence is not revealed)
    expect((await h.call(h.actors.resident, "DELETE", `/api/v1/auth/tokens/${id}`)).status).toBe(404);
    expect((await h.call(asToken, "DELETE", `/api/v1/auth/tokens/${id}`)).status).toBe(204);
    const after = await h.call(asToken, "GET", "/api/v1/auth/me");
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toContain("application/problem+json");
  });

  it("a malformed Authorization header is 401", async () => {
    const res = await h.app.request("/api/v1/districts", { headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
  });
});

describe("headers", () => {
  it("sets security headers and echoes or creates a request id", async () => {
    const res = await h.app.request("/api/health", { headers: { "x-request-id": "abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    const fresh = await h.app.request("/api/health");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const notFound = (await (
      await h.app.request("/api/v1/nothing", { headers: { "x-request-id": "r-9" } })
    ).json()) as {
      requestId: string;
    };
    expect(notFound.requestId).toBe("r-9");
  });

  it("serves the docs page with a CSP that allows only its own script", async () => {
    const res = await h.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/api/openapi.json");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it("readiness reports the database and the queue", async () => {
    const res = await h.app.request("/api/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", database: true, queue: true });
  });
});
