import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addUser, openServerStore } from "@kera/server";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ARTIFACTS = join(ROOT, "e2e", "artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Account {
  readonly email: string;
  readonly password: string;
}
/** An extra account created before the server starts (role as in `kera users add`). */
export interface ExtraUser extends Account {
  readonly role: "platform_admin" | "district_admin" | "partner" | "researcher" | "resident";
  readonly organisation: string;
  readonly displayName: string;
}
/** The accounts of the co-creation and map journeys: the default partner, a resident and a district admin. */
export const JOURNEY_ACCOUNTS = {
  partner: { email: "partner@example.org", password: "a-long-partner-password" },
  resident: { email: "resident@example.org", password: "a-long-resident-password" },
  admin: { email: "city@example.org", password: "a-long-city-admin-password" },
} as const;

/** The resident and the district admin (no district attached: every district) as `startPlatform` extra users. */
export const RESIDENT_AND_ADMIN: readonly ExtraUser[] = [
  {
    ...JOURNEY_ACCOUNTS.resident,
    role: "resident",
    organisation: "kera-residents",
    displayName: "Riku Resident",
  },
  { ...JOURNEY_ACCOUNTS.admin, role: "district_admin", organisation: "city-espoo", displayName: "Cia City" },
];

export interface Platform {
  readonly url: string;
  readonly partner: Account;
  stop(): Promise<void>;
}

/** Builds the web app (the server serves packages/web/dist); KERA_E2E_NO_WEB_BUILD=1 keeps an existing build. */
export function ensureWebBuilt(): void {
  if (process.env.KERA_E2E_NO_WEB_BUILD === "1" && existsSync(join(ROOT, "packages/web/dist/index.html")))
    return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const r = spawnSync("npx", ["vite", "build"], {
    cwd: join(ROOT, "packages/web"),
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("vite build failed");
}

/**
 * Starts the built platform (packages/server/dist/main.js) on a free loopback port with a fresh data
 * directory, after creating a partner account (organisation housing-tiili, which speaks for the Kera
 * stakeholder of the same id) and any `extraUsers` in that directory's database.
 */
export async function startPlatform(
  options: { readonly extraUsers?: readonly ExtraUser[] } = {},
): Promise<Platform> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), "kera-e2e-"));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    KERA_WORKERS: "1",
  };
  const partner = JOURNEY_ACCOUNTS.partner;
  const store = await openServerStore(env);
  const added = await addUser(store, {
    ...partner,
    role: "partner",
    organisation: "housing-tiili",
    displayName: "Pia Partner",
  });
  for (const { role, organisation, displayName, ...account } of options.extraUsers ?? []) {
    const extra = await addUser(store, { ...account, role, organisation, displayName });
    if (!extra.ok) throw new Error(`${account.email} not created: ${JSON.stringify(extra.issues)}`);
  }
  await store.close();
  if (!added.ok) throw new Error(`partner not created: ${JSON.stringify(added.issues)}`);

  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "packages/server/dist/main.js")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 120_000);
    const on = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", on);
    child.stderr?.on("data", on);
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return {
    url,
    partner,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Saves a full-page screenshot as a test artefact (e2e/artifacts/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { target: unknown; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(source); // evaluated through the DevTools protocol, so the page's CSP does not block it
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Collects uncaught page errors and console errors (a journey fails on any). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) =>
    errors.push(`pageerror: ${e.message} ${(e.stack ?? "").split("\n").slice(1, 4).join(" | ")}`),
  );
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}
