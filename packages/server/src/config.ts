/**
 * Server configuration, read ONLY from environment variables (issue 6 item 5). Defaults live here, in one place.
 * Every variable is documented in packages/server/README.md and docs/api.md.
 */
export interface ServerConfig {
  /** TCP port (env PORT, default 8080). */
  readonly port: number;
  /** Interface to bind (env HOST, default 127.0.0.1 — loopback only; set HOST=0.0.0.0 to expose). */
  readonly host: string;
  /** Directory for the embedded PGlite database when DATABASE_URL is unset (env DATA_DIR, default ./data). */
  readonly dataDir: string;
  /** PostgreSQL connection string (env DATABASE_URL); unset → embedded PGlite in DATA_DIR. */
  readonly databaseUrl: string | undefined;
  /** Redis URL for the BullMQ job queue (env REDIS_URL); unset → in-process worker pool. */
  readonly redisUrl: string | undefined;
  /**
   * Worker threads (env KERA_WORKERS, default max(1, cores - 1), chosen by the job queue); 0 = compute on the
   * main thread without a pool (small deployments, debugging).
   */
  readonly workers: number | undefined;
  /** BullMQ queue name (env KERA_QUEUE_NAME); unset → the queue's default `kera-jobs` (DEFAULT_QUEUE_NAME). */
  readonly queueName: string | undefined;
  /** pino level (env LOG_LEVEL, default info). */
  readonly logLevel: string;
  /** Seed the Kera district when the store is empty (env KERA_SEED, default on; "0"/"false"/"off" disables). */
  readonly seed: boolean;
  /** Secure flag on the session cookie (env COOKIE_SECURE; default true unless HOST is loopback). */
  readonly cookieSecure: boolean;
  /** Largest accepted request body in bytes (env KERA_BODY_LIMIT_BYTES, default 10 MiB: a full district document with hourly series). */
  readonly bodyLimitBytes: number;
  /** Login attempts per window per IP and e-mail (env KERA_LOGIN_RATE_LIMIT, default 5 per minute). */
  readonly loginRateLimit: number;
  readonly loginRateWindowS: number;
  /** Session lifetime in hours (env KERA_SESSION_HOURS, default 12). */
  readonly sessionHours: number;
  /**
   * Behind a reverse proxy: take the client address for rate limiting from the first `X-Forwarded-For` entry
   * (env KERA_TRUST_PROXY, default off — the header is trivially forged when clients reach the server directly).
   */
  readonly trustProxy: boolean;
  /** Directory with the built web app (env KERA_WEB_DIR, default packages/web/dist when it exists). */
  readonly webDir: string | undefined;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

function parseBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === "") return fallback;
  return !["0", "false", "off", "no"].includes(value.trim().toLowerCase());
}

function parseIntEnv(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`environment variable ${name} must be an integer >= ${min}, got "${value}"`);
  }
  return n;
}

/** Reads the configuration from an environment map (pass `process.env`). Throws with a clear message on bad values. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const host = env.HOST?.trim() || "127.0.0.1";
  const workers = env.KERA_WORKERS ? parseIntEnv("KERA_WORKERS", env.KERA_WORKERS, 1, 0) : undefined;
  return {
    port: parseIntEnv("PORT", env.PORT, 8080, 0),
    host,
    dataDir: env.DATA_DIR?.trim() || "./data",
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    workers,
    queueName: env.KERA_QUEUE_NAME?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || "info",
    seed: parseBool(env.KERA_SEED, true),
    cookieSecure: parseBool(env.COOKIE_SECURE, !isLoopbackHost(host)),
    bodyLimitBytes: parseIntEnv("KERA_BODY_LIMIT_BYTES", env.KERA_BODY_LIMIT_BYTES, 10 * 1024 * 1024, 1024),
    loginRateLimit: parseIntEnv("KERA_LOGIN_RATE_LIMIT", env.KERA_LOGIN_RATE_LIMIT, 5, 1),
    loginRateWindowS: 60,
    sessionHours: parseIntEnv("KERA_SESSION_HOURS", env.KERA_SESSION_HOURS, 12, 1),
    trustProxy: parseBool(env.KERA_TRUST_PROXY, false),
    webDir: env.KERA_WEB_DIR?.trim() || undefined,
  };
}

/** Configuration for tests: loopback, no seeding, insecure cookies allowed. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({ KERA_SEED: "0" }), ...overrides };
}
