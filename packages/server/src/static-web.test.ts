/** The built web app is served for non-/api paths, with an SPA fallback to index.html and no path traversal. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, type Harness } from "./test-support/harness.js";

let dir = "";
let h: Harness;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kera-web-"));
  await mkdir(join(dir, "web", "assets"), { recursive: true });
  await writeFile(join(dir, "web", "index.html"), "<!doctype html><title>Kera</title>");
  await writeFile(join(dir, "web", "assets", "app.js"), "console.log(1)");
  await writeFile(join(dir, "secret.txt"), "do not serve");
  h = await createHarness({ webDir: join(dir, "web") });
}, 60_000);
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("serves files, falls back to index.html for client routes, and keeps /api answers as problems", async () => {
  const index = await h.app.request("/");
  expect(index.status).toBe(200);
  expect(index.headers.get("content-type")).toContain("text/html");
  expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
  const js = await h.app.request("/assets/app.js");
  expect(js.headers.get("content-type")).toContain("text/javascript");
  expect(await js.text()).toBe("console.log(1)");
  const route = await h.app.request("/districts/kera/scenarios");
  expect(await route.text()).toContain("<title>Kera</title>");
  expect((await h.app.request("/assets/missing.js")).status).toBe(404);
  expect((await h.app.request("/%2e%2e/secret.txt")).status).toBe(404);
  expect((await h.app.request("/../secret.txt")).status).not.toBe(200);
  const api = await h.app.request("/api/v1/nothing");
  expect(api.status).toBe(404);
  expect(api.headers.get("content-type")).toContain("application/problem+json");
});
