import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const src = (pkg: string): string => fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url));

// The engine and schema are bundled from source (they are pure TypeScript and run in the browser and its Worker).
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@kera/engine": src("engine"), "@kera/schema": src("schema") } },
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
