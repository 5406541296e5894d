import { availableParallelism } from "node:os";

/** Worker count from KERA_WORKERS (an integer >= 1), else max(1, cores - 1). */
export function defaultWorkerCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const fromEnv = Number.parseInt(env.KERA_WORKERS ?? "", 10);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, availableParallelism() - 1);
}
