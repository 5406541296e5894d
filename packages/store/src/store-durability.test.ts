/**
 * Kill -9 during work loses no committed data (file-backed PGlite), and the run left `running` is
 * marked `interrupted` when the store is opened again.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createStore } from "./create-store.js";

const child = fileURLToPath(new URL("./test-support/durability-child.ts", import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("PGlite durability", () => {
  it("survives kill -9 and marks the interrupted run", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kera-store-"));
    dirs.push(dataDir);
    const proc = spawn(process.execPath, ["--import", "tsx", child, dataDir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const ids = await new Promise<{ districtId: string; versionId: string; runId: string }>(
      (resolve, reject) => {
        proc.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const ready = /READY (\{.*\})\n/.exec(out);
          if (ready && out.includes("TICKED")) resolve(JSON.parse(ready[1] ?? "{}"));
        });
        proc.on("exit", (code) => reject(new Error(`child exited ${code}: ${err}`)));
      },
    );
    const exited = new Promise((resolve) => proc.on("exit", resolve));
    proc.kill("SIGKILL");
    await exited;

    const store = await createStore({ kind: "pglite", dataDir });
    try {
      expect((await store.districts.get(ids.districtId))?.slug).toBe("kera");
      expect((await store.versions.get(ids.versionId))?.model).toEqual({ id: "kera" });
      expect((await store.runs.get(ids.runId))?.status).toBe("running");
      expect((await store.audit.list({ action: "tick", limit: 1000 })).length).toBeGreaterThan(20);
      const marked = await store.runs.interruptOrphans({
        at: new Date(),
        exceptWorkerIds: [`pid-${process.pid}`],
      });
      expect(marked).toEqual([ids.runId]);
      expect((await store.runs.get(ids.runId))?.status).toBe("interrupted");
    } finally {
      await store.close();
    }
  }, 60_000);
});
