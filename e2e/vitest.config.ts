import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const pkg = (name: string): string =>
  fileURLToPath(new URL(`../packages/${name}/src/index.ts`, import.meta.url));

// Browser journeys (Chromium via playwright-core) against the built server and web app:
//   npm run build && npx vitest run --config e2e/vitest.config.ts
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: {
    alias: Object.fromEntries(
      ["schema", "engine", "data", "solver-highs", "store", "server"].map((p) => [`@kera/${p}`, pkg(p)]),
    ),
  },
  test: {
    include: ["e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
