// Starts a TypeScript worker from source (vitest, tsx): `--import tsx` in a worker's execArgv does not register
// tsx's hooks on Node 20, so load the module through tsx's API instead. Used only when running from src/.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.tsWorkerUrl, import.meta.url);
