import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { createStore, describeStoreConfig, storeConfigFromEnv } from "@kera/store";
import { pino, type Logger } from "pino";
import { createApp, type KeraApp } from "./app.js";
import { adaptParticipationStore } from "./routes/participation.js";
import { startRun } from "./compute/start-run.js";
import { readConfig, type ServerConfig } from "./config.js";
import { createJobs, type JobsMode } from "./create-jobs.js";
import type { ServerJobs, ServerStore } from "./ports.js";
import { latestBaselineResult } from "./routes/public.js";
import { BASELINE_SCENARIO_NAME, seedDistrictFromYaml } from "./seed.js";
import { withReadCache } from "./read-cache.js";
import { adaptStore } from "./store-adapter.js";
import { requeueLeftovers, requeueUnfinished } from "./lifecycle.js";

/** The repository root (this file is packages/server/{src,dist}/main.*). */
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DEFAULT_SEED_FILE = `${REPO_ROOT}examples/districts/kera/district.yaml`;
export const DEFAULT_SEED_SLUG = "kera";
const DEFAULT_WEB_DIR = `${REPO_ROOT}packages/web/dist`;
/** How long running jobs may finish on shutdown before they are re-queued (env KERA_SHUTDOWN_GRACE_MS). */
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface StartServerOptions {
  /** Environment (default process.env). */
  readonly env?: Record<string, string | undefined>;
  readonly logger?: Logger;
  /** Where human-readable lines go (the URL, first-admin hint); default stdout. */
  readonly print?: (line: string) => void;
  /** Install SIGINT/SIGTERM handlers that shut down gracefully and exit (default false). */
  readonly handleSignals?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly app: KeraApp;
  readonly store: ServerStore;
  readonly jobs: ServerJobs;
  readonly jobsMode: JobsMode;
  /** Stops accepting requests, lets running jobs finish (or re-queues them), closes the database. */
  close(): Promise<void>;
}

/** Seeds the Kera district when the store has no district yet; returns a line for the log. */
async function seedIfEmpty(store: ServerStore, env: Record<string, string | undefined>, logger: Logger) {
  if ((await store.districts.list()).length > 0) return;
  const file = env.KERA_SEED_FILE?.trim() || DEFAULT_SEED_FILE;
  const yaml = await readFile(file, "utf8").catch(() => undefined);
  if (yaml === undefined) {
    logger.warn({ file }, "seed file not found; starting without a district");
    return;
  }
  const slug = env.KERA_SEED_SLUG?.trim() || DEFAULT_SEED_SLUG;
  const seeded = await seedDistrictFromYaml(store, { yaml, fileName: file, slug });
  if (!seeded.ok) {
    logger.error({ file, issues: seeded.issues }, "the seed district is invalid; starting without it");
    return;
  }
  logger.info({ district: seeded.district.id, slug, file }, "seeded district");
}

/** Queues a baseline simulation for every district whose baseline has none yet (computed once, then cached). */
async function computeBaselines(store: ServerStore, jobs: ServerJobs, logger: Logger) {
  for (const district of await store.districts.list()) {
    if (await latestBaselineResult({ store }, district.id)) continue;
    const scenarios = await store.scenarios.listByDistrict(district.id);
    const baseline = scenarios.find((s) => s.name === BASELINE_SCENARIO_NAME) ?? scenarios[0];
    const version = baseline && (await store.versions.latest(baseline.id));
    if (!version) continue;
    const runs = await store.runs.listByVersion(version.id);
    if (runs.some((r) => r.kind === "simulate" && (r.status === "queued" || r.status === "running")))
      continue;
    const run = await startRun({ store, jobs }, version, "simulate", {}, null);
    logger.info({ district: district.slug, run: run.id }, "baseline computation queued");
  }
}

/** Starts the platform: store (migrated), seed, job queue, baseline computation, HTTP server. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config: ServerConfig = readConfig(env);
  const logger = options.logger ?? pino({ level: config.logLevel });
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const storeConfig = storeConfigFromEnv(env);
  logger.info(
    { store: describeStoreConfig(storeConfig) },
    "opening the store (migrating to the latest schema)",
  );
  const rawStore = await createStore(storeConfig);
  const store = withReadCache(adaptStore(rawStore));
  const { jobs, mode } = await createJobs(config, store, logger);
  logger.info({ mode }, "job queue ready");
  if (mode !== "bullmq") await requeueLeftovers(store, jobs, logger);
  if (config.seed) await seedIfEmpty(store, env, logger);
  await computeBaselines(store, jobs, logger);

  const webDir = config.webDir ?? (existsSync(`${DEFAULT_WEB_DIR}/index.html`) ? DEFAULT_WEB_DIR : undefined);
  const app = createApp({
    store,
    jobs,
    logger,
    config: { ...config, webDir },
    participation: adaptParticipationStore(rawStore),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info({ url, web: webDir ?? null }, "listening");
  print(`Kera Platform is running at ${url}  (API docs: ${url}/api/docs)`);
  if ((await store.users.count()) === 0) {
    print(
      "No accounts yet. Create the first platform admin (the password is read from stdin):\n" +
        "  npx kera users add --email you@example.org --role platform_admin --org platform",
    );
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info("shutting down");
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections go now; open event streams get 2 s to end by themselves.
      if ("closeIdleConnections" in server) server.closeIdleConnections();
      const force = setTimeout(() => {
        if ("closeAllConnections" in server) server.closeAllConnections();
      }, 2000);
      await stopped;
      clearTimeout(force);
      const running = (await store.runs.listByStatus(["running"])).map((r) => r.id);
      const graceMs = Number(env.KERA_SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS);
      await jobs.close(Number.isFinite(graceMs) ? graceMs : DEFAULT_SHUTDOWN_GRACE_MS);
      await requeueUnfinished(store, running, logger);
      await store.close();
      logger.info("stopped");
    })());

  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, "signal received");
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  return { url, app, store, jobs, jobsMode: mode, close };
}

// `node packages/server/dist/main.js` starts the server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer({ handleSignals: true }).catch((error: unknown) => {
    process.stderr.write(
      `kera: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
