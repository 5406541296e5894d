import type { Kpis, RunSummary } from "@kera/engine";

/** A problem+json error of the API, with its path-qualified issues. */
export interface ApiIssue {
  readonly code: string;
  readonly severity?: string;
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * The text of an error for the user: the message and, for a problem with issues, each issue with its
 * path (`model.assets[0].capacity: must be ≥ 0`).
 */
export function errorText(e: unknown): string {
  if (e instanceof ApiError && e.issues.length > 0) {
    return [e.message, ...e.issues.map((i) => `${i.path}: ${i.message}`)].join(" ");
  }
  return e instanceof Error ? e.message : String(e);
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string | null;
  readonly memberships: readonly { organisation: string; districtId: string | null; role: string }[];
}
export interface District {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}
export interface Scenario {
  readonly id: string;
  readonly districtId: string;
  readonly name: string;
  readonly parentScenarioId: string | null;
  readonly latestVersionId: string | null;
  readonly organisation?: string | null;
  readonly createdAt?: string;
}
export interface VersionMeta {
  readonly id: string;
  readonly scenarioId: string;
  readonly parentVersionId: string | null;
  readonly message: string;
  readonly createdAt: string;
}
export interface Version extends VersionMeta {
  readonly model: Record<string, unknown>;
}
export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";
export interface Run {
  readonly id: string;
  readonly versionId: string;
  readonly kind: "simulate" | "optimize" | "cooperation" | "variants" | "alternatives";
  readonly status: RunStatus;
  readonly progress?: number | null;
  readonly error?: string | null;
  readonly createdAt?: string;
  readonly finishedAt?: string | null;
}
export interface PublicDistrict {
  readonly district: District;
  readonly baseline: {
    readonly scenarioId: string;
    readonly versionId: string;
    readonly runId: string;
    readonly computedAt: string | null;
    readonly kpis: Record<string, unknown>;
  } | null;
}
/** What the browser needs to simulate a version itself (GET .../inputs). */
export interface ModelInputs {
  readonly versionId: string;
  readonly model: Record<string, unknown>;
  readonly weather: {
    readonly source: string;
    readonly timeline: { readonly startUtcMs: number; readonly hours: number; readonly timeZone: string };
    readonly temperatureC: number[];
    readonly relativeHumidityPct: number[];
    readonly windSpeedMs: number[];
    readonly ghiWm2: number[];
    readonly dhiWm2: number[];
    readonly dniWm2: number[];
  };
  readonly csvSeries: Record<string, number[]>;
}

/** The KPIs inside a run summary, when the summary carries the engine's indicators. */
export function kpisOf(summary: unknown): Kpis | undefined {
  if (typeof summary !== "object" || summary === null) return undefined;
  const s = summary as Partial<RunSummary> & { energyPositivity?: unknown };
  if (s.kpis && typeof s.kpis === "object" && "energyPositivity" in s.kpis) return s.kpis;
  if (s.energyPositivity) return summary as Kpis;
  return undefined;
}

const CSRF_COOKIE = "kera_csrf";

function csrfFromCookie(): string | undefined {
  const m = new RegExp(`(?:^|; )${CSRF_COOKIE}=([^;]*)`).exec(
    typeof document === "undefined" ? "" : document.cookie,
  );
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? undefined;
}

/** Calls the API; non-2xx answers become an ApiError carrying the problem's code and issues. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers["x-csrf-token"] = token;
  }
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return readJson<T>(res);
}

/** The body of an answer as JSON (undefined for 204 or an empty body); non-2xx answers throw an ApiError. */
export async function readJson<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; issues?: ApiIssue[] };
    throw new ApiError(
      res.status,
      p.code ?? "http-error",
      p.detail ?? p.title ?? res.statusText,
      p.issues ?? [],
    );
  }
  return data as T;
}
