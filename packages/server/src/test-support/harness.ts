import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDistrictYaml } from "@kera/schema";
import { createStore, MEMORY_DATA_DIR } from "@kera/store";
import { pino, type Logger } from "pino";
import { createApp, type KeraApp } from "../app.js";
import { testConfig, type ServerConfig } from "../config.js";
import { createInlineJobs } from "../inline-jobs.js";
import type { Role, ServerJobs, ServerStore, StoredRole } from "../ports.js";
import { createDistrictWithBaseline } from "../seed.js";
import { withReadCache } from "../read-cache.js";
import { adaptStore } from "../store-adapter.js";
import { createAccount } from "../users.js";
import {
  adaptParticipationStore,
  type ParticipationStore,
  type ProposalRecord,
} from "../routes/participation.js";
import { API_TOKEN_PREFIX } from "../auth/authenticate.js";
import { hashSecret, newSecret } from "../auth/secrets.js";

export const MICRO_YAML_PATH = fileURLToPath(
  new URL("../../../../examples/districts/micro/district.yaml", import.meta.url),
);

/** The micro example district (validated), as a plain object. */
export function microModel(): Record<string, unknown> {
  const parsed = parseDistrictYaml(readFileSync(MICRO_YAML_PATH, "utf8"), { fileName: MICRO_YAML_PATH });
  if (!parsed.ok) throw new Error(`micro example invalid: ${JSON.stringify(parsed.issues)}`);
  return JSON.parse(JSON.stringify(parsed.value)) as Record<string, unknown>;
}

/** The micro district with its battery handed to the grid company: two partners with assets. */
export function twoPartnerModel(): Record<string, unknown> {
  const m = microModel() as { assets: { kind: string; owner: string }[] };
  for (const a of m.assets) if (a.kind === "battery") a.owner = "caruna";
  return m as unknown as Record<string, unknown>;
}

/** The micro district with district heat and an extendable rooftop PV array and battery (something to size). */
export function sizableModel(): Record<string, unknown> {
  const m = microModel() as { assets: unknown[] };
  m.assets.push(
    { kind: "districtHeating", id: "dh", owner: "caruna", capacity: 1000 },
    {
      kind: "pv",
      id: "pv-extra",
      owner: "housing-a",
      location: "block-1",
      extendable: true,
      capacityMax: 400,
      costInvest: 900,
      costFixed: 10,
      lifetime: 30,
    },
    {
      kind: "battery",
      id: "battery-extra",
      owner: "housing-a",
      location: "block-1",
      extendable: true,
      capacityMax: 400,
      costInvest: 300,
      lifetime: 15,
      powerCapacity: 50,
      efficiency: 0.9,
    },
  );
  return m as unknown as Record<string, unknown>;
}

export const PASSWORD = "correct horse battery staple";

export interface Actor {
  readonly role: Role;
  readonly userId: string | null;
  readonly email: string | null;
  readonly token: string | null;
  readonly organisation: string | null;
}

export interface Harness {
  readonly app: KeraApp;
  readonly store: ServerStore;
  readonly jobs: ServerJobs;
  readonly config: ServerConfig;
  /** Proposals, comments and commitments (the participation routes are served). */
  readonly participation: ParticipationStore;
  readonly districtId: string;
  readonly baselineScenarioId: string;
  readonly baselineVersionId: string;
  /** One actor per role; `partner` owns stakeholder housing-a, `otherPartner` owns caruna. */
  readonly actors: Readonly<Record<Role, Actor>> & { readonly otherPartner: Actor };
  /** Another signed-in user of the district (with an API token), e.g. a second resident. */
  addActor(role: StoredRole, organisation: string, email: string): Promise<Actor>;
  /** A fetch against the app with the actor's API token. */
  call(
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

const ORGS: Record<StoredRole, string> = {
  platform_admin: "platform",
  district_admin: "city-of-espoo",
  partner: "housing-org",
  researcher: "vtt",
  resident: "residents",
};

export interface HarnessOptions {
  /** The job queue (default: inline on the main thread), e.g. the worker pool or BullMQ via createQueueJobs. */
  readonly jobs?: (store: ServerStore, logger: Logger) => ServerJobs | Promise<ServerJobs>;
  /** The seeded district document (default: the micro example, microModel()). */
  readonly model?: Record<string, unknown>;
}

export async function createHarness(
  overrides: Partial<ServerConfig> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const raw = await createStore({ kind: "pglite", dataDir: MEMORY_DATA_DIR });
  const store = withReadCache(adaptStore(raw));
  const logger = pino({ level: "silent" });
  const jobs = options.jobs ? await options.jobs(store, logger) : createInlineJobs(store, logger);
  const config = testConfig(overrides);
  const participation = adaptParticipationStore(raw);
  const app = createApp({ store, jobs, logger, config, participation });

  const created = await createDistrictWithBaseline(
    { store },
    {
      slug: "micro",
      name: "Micro district",
      model: options.model ?? microModel(),
      userId: null,
      organisation: null,
      stakeholderOrganisations: { "housing-a": "housing-org", caruna: "caruna-org" },
    },
  );
  if (!created.ok || !created.scenario || !created.version) throw new Error("seeding failed");
  const districtId = created.district.id;

  const makeActor = async (role: StoredRole, organisation: string, email: string): Promise<Actor> => {
    const account = await createAccount(store, {
      email,
      password: PASSWORD,
      role,
      organisation,
      districtId: role === "platform_admin" ? null : districtId,
    });
    if (!account.ok) throw new Error(JSON.stringify(account.issues));
    const token = newSecret(API_TOKEN_PREFIX);
    await store.tokens.create({ userId: account.user.id, name: "test", tokenHash: hashSecret(token) });
    return { role, userId: account.user.id, email, token, organisation };
  };
  const actors = {
    platform_admin: await makeActor("platform_admin", ORGS.platform_admin, "admin@example.org"),
    district_admin: await makeActor("district_admin", ORGS.district_admin, "city@example.org"),
    partner: await makeActor("partner", ORGS.partner, "partner@example.org"),
    researcher: await makeActor("researcher", ORGS.researcher, "researcher@example.org"),
    resident: await makeActor("resident", ORGS.resident, "resident@example.org"),
    anonymous: { role: "anonymous", userId: null, email: null, token: null, organisation: null } as Actor,
    otherPartner: await makeActor("partner", "caruna-org", "caruna@example.org"),
  };

  const call: Harness["call"] = (actor, method, path, body, headers = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(actor.token ? { authorization: `Bearer ${actor.token}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );

  return {
    app,
    store,
    jobs,
    config,
    participation,
    districtId,
    baselineScenarioId: created.scenario.id,
    baselineVersionId: created.version.id,
    actors,
    addActor: makeActor,
    call,
    async close() {
      await jobs.close();
      await store.close();
    },
  };
}

/** Waits until a run has finished (inline jobs finish within a few event-loop turns). */
export async function waitForRun(h: Harness, runId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const run = await h.store.runs.get(runId);
    if (run && !["queued", "running"].includes(run.status)) return run.status;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`run ${runId} did not finish`);
}

/** A new open proposal (an empty change) of the partner's organisation on the baseline version. */
export function openProposal(h: Harness, title = "p"): Promise<ProposalRecord> {
  return h.participation.proposals.create({
    districtId: h.districtId,
    baseVersionId: h.baselineVersionId,
    title,
    rationale: "",
    change: {},
    investmentEur: null,
    payer: null,
    operator: null,
    author: null,
    organisation: "housing-org",
  });
}
