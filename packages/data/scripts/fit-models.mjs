/* global console, process, URL */
// Shared helpers of the model-fitting scripts (dev time only). They read the development data sets in
// ../shared/data (beside the repository), fit parameters with the package's own pure functions (from dist/:
// run `npx tsc -b packages/data` first) and write a TypeScript module of parameters into src/models/.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

export const SHARED_DATA = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
export const MODELS_DIR = fileURLToPath(new URL("../src/models/", import.meta.url));

export function readSharedText(relativePath) {
  const path = SHARED_DATA + relativePath;
  if (!existsSync(path)) {
    console.error(`missing ${path}: the fitting scripts need ../shared/data beside the repository`);
    process.exit(2);
  }
  return readFileSync(path, "utf8");
}

export function unwrap(result, what) {
  if (!result.ok) {
    console.error(`${what}:\n${result.issues.map((i) => `- ${i.message}`).join("\n")}`);
    process.exit(2);
  }
  return result.value;
}

export async function writeModule(fileName, header, typeImport, constName, typeName, model) {
  const path = MODELS_DIR + fileName;
  const body = `${header}\n${typeImport}\n\nexport const ${constName}: ${typeName} = ${JSON.stringify(model, null, 2)};\n`;
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(body, { ...options, filepath: path }));
  console.log(`wrote src/models/${fileName}`);
}
