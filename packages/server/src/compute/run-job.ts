import type { RunKind } from "../ports.js";
import { alternativesRequestOf, computeAlternatives } from "./alternatives.js";
import { computeCooperation, cooperationRequestOf } from "./cooperation.js";
import { runScenario, type ProgressCallback, type RunScenarioOutput } from "./run-scenario.js";
import { computeVariants } from "./variants.js";

/**
 * The input of a run job: the job model (the version's district document; for `variants`, `{ variants: [{ key,
 * model }] }`), the run kind and its options.
 */
export interface RunJobInput {
  readonly model: unknown;
  readonly kind: RunKind;
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * Computes a run of any kind (inside a job worker, or inline): simulations and optimisations through
 * `runScenario`; the analyses (cooperation, variants, alternatives) store their JSON result as the summary and
 * no series.
 */
export async function runJob(
  input: RunJobInput,
  onProgress: ProgressCallback,
  signal: AbortSignal,
): Promise<RunScenarioOutput> {
  switch (input.kind) {
    case "simulate":
    case "optimize":
      return runScenario(
        { model: input.model, kind: input.kind, options: input.options },
        onProgress,
        signal,
      );
    case "cooperation": {
      const dto = await computeCooperation(
        input.model,
        cooperationRequestOf(input.options),
        onProgress,
        signal,
      );
      return { summary: { ...dto }, series: {} };
    }
    case "variants":
      return { summary: { ...(await computeVariants(input.model, onProgress, signal)) }, series: {} };
    case "alternatives": {
      const dto = await computeAlternatives(
        input.model,
        alternativesRequestOf(input.options),
        onProgress,
        signal,
      );
      return { summary: { ...dto }, series: {} };
    }
  }
}
