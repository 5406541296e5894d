/* global fetch, performance */
// What the benches that need a running platform share: the BUILT server (packages/server/dist/main.js) as a child
// process on a free port with a fresh DATA_DIR (embedded PGlite, Kera seeded, baseline computed).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addUser, openServerStore } from "@kera/server";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Creates `user` (before the server opens the database: PGlite allows one process at a time), starts the built
 * server with KERA_WORKERS=1 (plus `env`; a variable set to undefined is left out) and waits until the Kera baseline is computed (5 minutes at most).
 * Returns the base URL, the public Kera district body (`district`, `baseline`), the seconds until the baseline was
 * there, and `stop()`, which stops the server and removes the data directory.
 */
export async function startBuiltServer({ name, user, env = {} }) {
  const dataDir = await mkdtemp(join(tmpdir(), `kera-${name}-bench-`));
  const store = await openServerStore({ DATA_DIR: dataDir });
  const added = await addUser(store, user);
  await store.close();
  if (!added.ok) throw new Error(JSON.stringify(added.issues));

  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, "packages/server/dist/main.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      KERA_WORKERS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout.on("data", (d) => process.stdout.write(`  [server] ${d}`));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    for (let i = 0; i < 1200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      let body;
      try {
        body = await (await fetch(`${base}/api/v1/public/districts/kera`)).json();
      } catch {
        continue; // not listening yet
      }
      if (body.baseline) {
        const startS = (performance.now() - t0) / 1000;
        return { base, district: body.district, baseline: body.baseline, startS, stop };
      }
    }
    throw new Error("the Kera baseline was not computed within 5 minutes");
  } catch (error) {
    await stop();
    throw error;
  }
}
