// Runs every benchmark in bench/*.bench.mjs in turn (each a standalone script that prints one JSON object
// on its last stdout line) and writes all results to bench/results/latest.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const benchDir = join(root, "bench");
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = {};
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.mjs$/, "");
  process.stdout.write(`\n=== ${name}\n`);
  const run = spawnSync(process.execPath, [join(benchDir, file)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (run.stdout ?? "").trim().split("\n");
  process.stdout.write(lines.slice(0, -1).join("\n") + "\n");
  try {
    results[name] = JSON.parse(lines.at(-1) ?? "");
    process.stdout.write(JSON.stringify(results[name], null, 2) + "\n");
  } catch {
    failed++;
    results[name] = { error: `exit ${run.status}`, output: lines.slice(-5) };
    process.stdout.write(`benchmark ${name} failed (exit ${run.status})\n`);
  }
}
const out = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  results,
};
mkdirSync(join(benchDir, "results"), { recursive: true });
writeFileSync(join(benchDir, "results", "latest.json"), JSON.stringify(out, null, 2) + "\n");
process.stdout.write(`\nwrote bench/results/latest.json (${files.length} benchmarks, ${failed} failed)\n`);
process.exitCode = failed > 0 ? 1 : 0;
