import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const pkg = (name: string): string =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources of every package (no build needed); `npm test` still builds
// first because the CLI tests spawn the built `kera` command.
export default defineConfig({
  resolve: {
    alias: {
      "@kera/schema": pkg("schema"),
      "@kera/engine": pkg("engine"),
      "@kera/data": pkg("data"),
      "@kera/solver-highs": pkg("solver-highs"),
      "@kera/store": pkg("store"),
      "@kera/server": pkg("server"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // In CI, also write a JSON report; .ci/run prints its totals as a plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-results/vitest.json" }]]
      : ["default"],
  },
});
