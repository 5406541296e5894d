import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory holding the example districts (`examples/districts` of the repository), found by walking
 * up from this module, or `KERA_EXAMPLES_DIR` when set.
 */
export function findExamplesDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const override = env["KERA_EXAMPLES_DIR"];
  if (override !== undefined && override !== "") return existsSync(override) ? override : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, "examples", "districts");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Names of the example districts (folders with a district.yaml). */
export function listExamples(examplesDir: string): string[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(examplesDir, e.name, "district.yaml")))
    .map((e) => e.name)
    .sort();
}
