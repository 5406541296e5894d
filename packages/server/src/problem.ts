import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A validation problem with a path (same shape as `Issue` in @kera/schema). */
export interface ProblemIssue {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly value?: unknown;
}

/** RFC 9457 problem details; `issues` carries path-qualified validation problems. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly requestId?: string;
  readonly issues?: readonly ProblemIssue[];
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An error a handler throws to answer with problem+json; the app's error handler renders it. */
export class HttpProblem extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: readonly ProblemIssue[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    detail: string,
    options: { issues?: readonly ProblemIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
    this.status = status;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string): HttpProblem => new HttpProblem(404, "not-found", `${what} not found`);
export const forbidden = (detail = "your role does not allow this"): HttpProblem =>
  new HttpProblem(403, "forbidden", detail);
export const unauthenticated = (detail = "sign in or send an API token"): HttpProblem =>
  new HttpProblem(401, "unauthenticated", detail);
export const invalid = (issues: readonly ProblemIssue[], detail = "the request is not valid"): HttpProblem =>
  new HttpProblem(422, "invalid-input", detail, { issues });

export function problemBody(
  status: number,
  code: string,
  detail: string,
  extra: { instance?: string; requestId?: string; issues?: readonly ProblemIssue[] } = {},
): ProblemBody {
  return {
    type: `https://kera.dev/problems/${code}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
    ...(extra.issues === undefined ? {} : { issues: extra.issues }),
  };
}

/** Renders a problem+json response. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  options: { issues?: readonly ProblemIssue[]; headers?: Record<string, string> } = {},
): Response {
  const requestId = c.get("requestId" as never) as string | undefined;
  const body = problemBody(status, code, detail, {
    instance: new URL(c.req.url).pathname,
    ...(requestId === undefined ? {} : { requestId }),
    ...(options.issues === undefined ? {} : { issues: options.issues }),
  });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...options.headers },
  });
}

/** Path of a zod issue in the `a.b[3].c` grammar used by @kera/schema issues, prefixed by the request part. */
export function formatIssuePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

interface ZodLikeIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Converts zod issues (request validation) to problem issues with kebab-case codes. */
export function issuesFromZod(prefix: string, issues: readonly ZodLikeIssue[]): ProblemIssue[] {
  return issues.map((i) => ({
    code: i.code.replaceAll("_", "-"),
    severity: "error",
    path: formatIssuePath(prefix, i.path),
    message: i.message,
  }));
}
