import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { authenticate } from "./auth/authenticate.js";
import { createRateLimiter } from "./auth/rate-limit.js";
import type { ServerConfig } from "./config.js";
import type { AppDeps, AppEnv } from "./context.js";
import { DOCS_HTML } from "./docs-page.js";
import type { ServerJobs, ServerStore } from "./ports.js";
import { HttpProblem, issuesFromZod, problemResponse } from "./problem.js";
import { RouteKit, type RegisteredRoute } from "./route-kit.js";
import { registerAdminRoutes } from "./routes/admin.js";
import { registerAuthRoutes } from "./routes/auth.js";
import { registerAlternativesRoutes } from "./routes/alternatives.js";
import { registerCooperationRoutes } from "./routes/cooperation.js";
import { registerDistrictRoutes } from "./routes/districts.js";
import { registerParticipationRoutes, type ParticipationStore } from "./routes/participation.js";
import { registerPublicRoutes } from "./routes/public.js";
import { registerRunRoutes } from "./routes/runs.js";
import { registerScenarioRoutes } from "./routes/scenarios.js";
import { registerStakeholderRoutes } from "./routes/stakeholders.js";
import { registerSystemRoutes } from "./routes/system.js";
import { registerWebSupportRoutes } from "./routes/web-support.js";

export interface CreateAppOptions {
  readonly store: ServerStore;
  readonly jobs: ServerJobs;
  readonly logger: Logger;
  readonly config: ServerConfig;
  /** Clock for sessions and rate limits (default: the wall clock). */
  readonly now?: () => Date;
  /** Storage of proposals, comments and commitments; without it the participation routes are not served. */
  readonly participation?: ParticipationStore;
}

export type KeraApp = OpenAPIHono<AppEnv> & {
  /** Every operation the app serves (the authorisation matrix test enumerates these). */
  readonly operations: readonly RegisteredRoute[];
};

export const API_VERSION = "0.1.0";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOCS_SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(DOCS_HTML)?.[1] ?? "";
const DOCS_CSP = `default-src 'none'; connect-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-${createHash("sha256").update(DOCS_SCRIPT).digest("base64")}'; frame-ancestors 'none'`;
const WEB_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'";
const TARGET_PREFIX: Record<string, string> = {
  json: "body",
  param: "params",
  query: "query",
  header: "headers",
};

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The composition root: middleware, every route, OpenAPI document, docs page, static web app. */
export function createApp(options: CreateAppOptions): KeraApp {
  const { config, logger } = options;
  const deps: AppDeps = {
    store: options.store,
    jobs: options.jobs,
    logger,
    config,
    loginLimiter: createRateLimiter(config.loginRateLimit, config.loginRateWindowS),
    now: options.now ?? (() => new Date()),
  };

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const prefix = TARGET_PREFIX[result.target] ?? result.target;
        return problemResponse(c, 422, "invalid-input", "the request is not valid", {
          issues: issuesFromZod(prefix, result.error.issues),
        });
      }
      return undefined;
    },
  });

  app.use("*", requestId({ headerName: "x-request-id", limitLength: 128 }));
  app.use("*", async (c, next) => {
    const started = performance.now();
    const log = logger.child({ reqId: c.get("requestId") });
    c.set("logger", log);
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const entry = { method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (c.res.status >= 500) log.error(entry, "request");
    else log.info(entry, "request");
  });
  app.use(
    "*",
    secureHeaders({
      strictTransportSecurity: config.cookieSecure ? "max-age=31536000; includeSubDomains" : false,
      crossOriginResourcePolicy: "same-origin",
      referrerPolicy: "no-referrer",
    }),
  );
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("content-security-policy")) c.res.headers.set("content-security-policy", API_CSP);
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        problemResponse(
          c,
          413,
          "body-too-large",
          `request bodies are limited to ${config.bodyLimitBytes} bytes`,
        ),
    }),
  );
  app.use("/api/*", authenticate(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "kera_session",
    description:
      "Session cookie from POST /api/v1/auth/login; unsafe methods also need the x-csrf-token header",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "API token from POST /api/v1/auth/tokens",
  });

  const kit = new RouteKit(app, deps);
  registerSystemRoutes(kit);
  registerAuthRoutes(kit);
  registerDistrictRoutes(kit);
  registerScenarioRoutes(kit);
  registerRunRoutes(kit);
  registerPublicRoutes(kit);
  registerStakeholderRoutes(kit);
  registerAdminRoutes(kit);
  registerWebSupportRoutes(kit);
  registerCooperationRoutes(kit);
  registerAlternativesRoutes(kit);
  if (options.participation) registerParticipationRoutes(kit, options.participation);

  kit.record({ operationId: "getOpenApi", method: "get", path: "/api/openapi.json" });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Kera Platform API",
      version: API_VERSION,
      description:
        "Co-create and run an energy-positive, carbon-neutral district. Errors are application/problem+json.",
      license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
    },
    servers: [{ url: "/" }],
  });
  kit.record({ operationId: "getDocs", method: "get", path: "/api/docs" });
  app.get("/api/docs", (c) => {
    c.header("content-security-policy", DOCS_CSP);
    return c.html(DOCS_HTML);
  });

  app.notFound(async (c) => {
    if (
      !c.req.path.startsWith("/api/") &&
      config.webDir &&
      (c.req.method === "GET" || c.req.method === "HEAD")
    ) {
      const res = await serveWeb(c, config.webDir);
      if (res) return res;
    }
    return problemResponse(c, 404, "not-found", `no route for ${c.req.method} ${c.req.path}`);
  });

  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      return problemResponse(c, error.status, error.code, error.message, {
        ...(error.issues === undefined ? {} : { issues: error.issues }),
        headers: error.headers,
      });
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code =
        status === 415 ? "unsupported-media-type" : status === 400 ? "malformed-request" : "http-error";
      return problemResponse(c, status, code, error.message || "bad request");
    }
    (c.get("logger") ?? logger).error({ err: error }, "unhandled error");
    return problemResponse(c, 500, "internal-error", "an unexpected error occurred; see the server log");
  });

  return Object.assign(app, { operations: kit.registry as readonly RegisteredRoute[] });
}

/** Serves a file of the built web app, or index.html for client-side routes (SPA fallback). */
async function serveWeb(c: Context, webDir: string): Promise<Response | undefined> {
  const root = normalize(webDir);
  const wanted = normalize(join(root, decodeURIComponent(c.req.path)));
  if (wanted !== root && !wanted.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const isFile = await stat(wanted).then(
    (s) => s.isFile(),
    () => false,
  );
  const file = isFile ? wanted : extname(c.req.path) === "" ? join(root, "index.html") : undefined;
  if (!file) return undefined;
  const body = await readFile(file).catch(() => undefined);
  if (!body) return undefined;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "content-security-policy": WEB_CSP,
      "cache-control": file.endsWith("index.html") ? "no-cache" : "public, max-age=3600",
    },
  });
}
