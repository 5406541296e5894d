import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { POLICY } from "./auth/policy.js";
import { organisationsFor, roleFor } from "./auth/viewer.js";
import type { AppDeps, AppEnv, Auth, Scope } from "./context.js";
import { forbidden, HttpProblem, unauthenticated } from "./problem.js";

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

/** One row of the route registry (every operation the app serves, documented or not). */
export interface RegisteredRoute {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/v1/scenarios/{scenarioId}`. */
  readonly path: string;
}

type AnyZod = z.ZodType;
type Out<S> = S extends AnyZod ? z.output<S> : undefined;

export interface ResponseDef {
  readonly description: string;
  readonly schema?: AnyZod;
  /** Default application/json. */
  readonly contentType?: string;
}

export interface RouteDef<
  P extends AnyZod | undefined,
  Q extends AnyZod | undefined,
  B extends AnyZod | undefined,
> {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly responses: Readonly<Record<number, ResponseDef>>;
  /** Resolves the district (and owner) from raw path params; throws HttpProblem 404 when the target is missing. */
  readonly scope?: (params: Record<string, string>) => Promise<Scope>;
  readonly handler: (
    c: Context<AppEnv>,
    input: { params: Out<P>; query: Out<Q>; body: Out<B> },
    auth: Auth,
  ) => Promise<Response> | Response;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    issues: z
      .array(
        z.object({
          code: z.string(),
          severity: z.enum(["error", "warning"]),
          path: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .openapi("Problem");

const PLATFORM_SCOPE: Scope = { districtId: null };

/** Registers operations on one app and records them in a registry (used by the docs page and the matrix test). */
export class RouteKit {
  readonly registry: RegisteredRoute[] = [];
  constructor(
    readonly app: OpenAPIHono<AppEnv>,
    readonly deps: AppDeps,
  ) {}

  /** Records a route that is served outside the OpenAPI document (the document itself, the docs page). */
  record(route: RegisteredRoute): void {
    if (!POLICY[route.operationId]) throw new Error(`no policy entry for operation ${route.operationId}`);
    this.registry.push(route);
  }

  define<
    P extends AnyZod | undefined = undefined,
    Q extends AnyZod | undefined = undefined,
    B extends AnyZod | undefined = undefined,
  >(def: RouteDef<P, Q, B>): void {
    const policy = POLICY[def.operationId];
    if (!policy) throw new Error(`no policy entry for operation ${def.operationId}`);
    if (this.registry.some((r) => r.operationId === def.operationId)) {
      throw new Error(`duplicate operationId ${def.operationId}`);
    }
    this.registry.push({ operationId: def.operationId, method: def.method, path: def.path });

    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(def.responses)) {
      responses[status] = r.schema
        ? {
            description: r.description,
            content: { [r.contentType ?? "application/json"]: { schema: r.schema } },
          }
        : { description: r.description };
    }
    const problem = (description: string) => ({
      description,
      content: { "application/problem+json": { schema: ProblemSchema } },
    });
    const publicRoute = policy.roles.includes("anonymous");
    if (!publicRoute) responses["401"] ??= problem("Not signed in");
    if (policy.roles.length < 6) responses["403"] ??= problem("Role not allowed");
    if (def.scope || def.params) responses["404"] ??= problem("Not found");
    if (def.params || def.query || def.body)
      responses["422"] ??= problem("Invalid input (issues with paths)");

    const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
      const viewer = c.get("viewer");
      if (!publicRoute && !viewer.user) throw unauthenticated();
      const scope = def.scope ? await def.scope(c.req.param() as Record<string, string>) : PLATFORM_SCOPE;
      const role = roleFor(viewer, scope.districtId);
      if (!policy.roles.includes(role)) throw viewer.user ? forbidden() : unauthenticated();
      const organisations = organisationsFor(viewer, scope.districtId);
      if (role === "partner" && policy.partner === "own") {
        const owner = scope.ownerOrganisation ?? null;
        if (owner === null || !organisations.has(owner)) {
          throw forbidden("partners may change only their own organisation's scenarios");
        }
      }
      c.set("auth", { viewer, role, scope, organisations } satisfies Auth);
      await next();
    };

    const request: Record<string, unknown> = {};
    if (def.params) request.params = def.params;
    if (def.query) request.query = def.query;
    if (def.body) request.body = { required: true, content: { "application/json": { schema: def.body } } };

    const config = {
      method: def.method,
      path: def.path,
      operationId: def.operationId,
      tags: [...def.tags],
      summary: def.summary,
      ...(def.description === undefined ? {} : { description: def.description }),
      ...(publicRoute ? {} : { security: [{ cookieAuth: [] }, { bearerAuth: [] }] }),
      request,
      responses,
      middleware: [gate],
    } as unknown as RouteConfig;

    const handler = async (c: Context<AppEnv>) => {
      const valid = c.req as unknown as { valid(target: string): unknown };
      const input = {
        params: (def.params ? valid.valid("param") : undefined) as Out<P>,
        query: (def.query ? valid.valid("query") : undefined) as Out<Q>,
        body: (def.body ? valid.valid("json") : undefined) as Out<B>,
      };
      const auth = c.get("auth");
      return def.handler(c, input, auth);
    };
    this.app.openapi(config, handler as never);
  }
}

/** Throws 404 unless the value exists. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new HttpProblem(404, "not-found", `${what} not found`);
  return value;
}
