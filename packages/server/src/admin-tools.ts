import { createStore, storeConfigFromEnv } from "@kera/store";
import { pino, type Logger } from "pino";
import { readConfig } from "./config.js";
import { RUN_KINDS, runHandlerRef } from "./create-jobs.js";
import { startWorker, type RunningWorker } from "./jobs/index.js";
import { ROLES, type ServerStore, type StoredRole, type UserRecord, type MembershipRecord } from "./ports.js";
import type { ProblemIssue } from "./problem.js";
import { adaptStore } from "./store-adapter.js";
import { createAccount } from "./users.js";

/** Opens (and migrates) the store configured by DATABASE_URL / DATA_DIR, for command-line administration. */
export async function openServerStore(env: Record<string, string | undefined>): Promise<ServerStore> {
  return adaptStore(await createStore(storeConfigFromEnv(env)));
}

/** Accepts `platform_admin` and `platform-admin`. */
export function parseRole(value: string): StoredRole | undefined {
  const v = value.trim().toLowerCase().replaceAll("-", "_");
  return (ROLES as readonly string[]).includes(v) ? (v as StoredRole) : undefined;
}

/** `kera users add`: a district may be given by id or slug. */
export async function addUser(
  store: ServerStore,
  input: {
    email: string;
    role: string;
    organisation: string;
    district?: string;
    displayName?: string;
    password: string;
  },
): Promise<{ ok: true; user: UserRecord } | { ok: false; issues: ProblemIssue[] }> {
  const role = parseRole(input.role);
  if (!role) {
    return {
      ok: false,
      issues: [
        { code: "unknown-role", severity: "error", path: "role", message: `use one of ${ROLES.join(", ")}` },
      ],
    };
  }
  let districtId: string | null = null;
  if (input.district) {
    const d =
      (await store.districts.get(input.district)) ?? (await store.districts.getBySlug(input.district));
    if (!d) {
      return {
        ok: false,
        issues: [
          {
            code: "unknown-district",
            severity: "error",
            path: "district",
            message: `no district ${input.district}`,
          },
        ],
      };
    }
    districtId = d.id;
  }
  return createAccount(store, {
    email: input.email,
    password: input.password,
    role,
    organisation: input.organisation,
    districtId,
    ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
  });
}

/** `kera users list`: every user with its roles. */
export async function listUsers(
  store: ServerStore,
): Promise<(UserRecord & { memberships: MembershipRecord[] })[]> {
  const users = await store.users.list();
  return Promise.all(
    users.map(async (u) => ({ ...u, memberships: [...(await store.memberships.listForUser(u.id))] })),
  );
}

/** `kera worker`: a BullMQ worker process for runs (needs REDIS_URL; concurrency from KERA_WORKERS). */
export async function startJobWorker(
  env: Record<string, string | undefined>,
  logger: Logger = pino({ level: readConfig(env).logLevel }),
): Promise<RunningWorker> {
  const config = readConfig(env);
  if (!config.redisUrl) throw new Error("kera worker needs REDIS_URL (the queue the server enqueues to)");
  const ref = runHandlerRef();
  const handlers = Object.fromEntries(RUN_KINDS.map((k) => [k, ref]));
  return startWorker({
    redisUrl: config.redisUrl,
    ...(config.queueName === undefined ? {} : { queueName: config.queueName }),
    handlers,
    ...(config.workers === undefined || config.workers === 0 ? {} : { concurrency: config.workers }),
    onError: (error) => logger.error({ err: error }, "worker error"),
  });
}
