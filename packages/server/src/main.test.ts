/**
 * `startServer` end to end over HTTP on 127.0.0.1: migrate, seed, compute the baseline in the worker pool,
 * serve; then a restart on the same DATA_DIR keeps every record (no re-seeding, no recomputation).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "./main.js";
import { MICRO_YAML_PATH, PASSWORD } from "./test-support/harness.js";
import { createAccount } from "./users.js";

let dir = "";
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function waitForBaseline(url: string): Promise<{ runId: string; kpis: Record<string, unknown> }> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${url}/api/v1/public/districts/micro`);
    const body = (await res.json()) as { baseline: { runId: string; kpis: Record<string, unknown> } | null };
    if (body.baseline) return body.baseline;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the baseline was not computed");
}

it("starts, seeds and computes the baseline, and survives a restart with its data intact", async () => {
  dir = await mkdtemp(join(tmpdir(), "kera-server-"));
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    KERA_SEED_FILE: MICRO_YAML_PATH,
    KERA_SEED_SLUG: "micro",
    KERA_WORKERS: "1",
    KERA_SHUTDOWN_GRACE_MS: "5000",
  };
  const lines: string[] = [];
  const logger = pino({ level: "silent" });
  let server: RunningServer = await startServer({ env, logger, print: (l) => lines.push(l) });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.join("\n")).toContain(server.url);
    expect(lines.join("\n")).toContain("kera users add");
    expect(server.jobsMode).toBe("in-process");
    const baseline = await waitForBaseline(server.url);
    expect(Object.keys(baseline.kpis).length).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    const account = await createAccount(server.store, {
      email: "admin@example.org",
      password: PASSWORD,
      role: "platform_admin",
      organisation: "platform",
    });
    expect(account.ok).toBe(true);
    await server.close();

    lines.length = 0;
    server = await startServer({ env, logger, print: (l) => lines.push(l) });
    expect(lines.join("\n")).not.toContain("kera users add");
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.org", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith("kera_session=")) ?? "").split(
      ";",
    )[0]!;
    const districts = (await (
      await fetch(`${server.url}/api/v1/districts`, { headers: { cookie } })
    ).json()) as {
      items: { slug: string }[];
    };
    expect(districts.items.map((d) => d.slug)).toEqual(["micro"]);
    const again = await waitForBaseline(server.url);
    expect(again.runId).toBe(baseline.runId);
  } finally {
    await server.close();
  }
}, 120_000);
