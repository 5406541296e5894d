import { jobInputHash } from "../jobs/input-hash.js";
import { indicatorsOf, type Indicators } from "./indicators.js";
import { RunInputError, runScenario, type ProgressCallback } from "./run-scenario.js";

/** One document of a `variants` run, e.g. `baseline`, `alone`, `combined` (impact) or a tracker year's set. */
export interface Variant {
  readonly key: string;
  readonly model: unknown;
}

/** The job model of a `variants` run: the documents to simulate. */
export interface VariantsInput {
  readonly variants: readonly Variant[];
}

/** The result of a `variants` run (its stored summary): the indicators of each document, by key. */
export interface VariantsResult {
  readonly variants: Readonly<Record<string, Indicators>>;
}

/** Reads the documents of a variants run's job model; throws RunInputError when it is not a list of {key, model}. */
export function variantsOf(model: unknown): readonly Variant[] {
  const list =
    typeof model === "object" && model !== null ? (model as Record<string, unknown>).variants : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw new RunInputError("invalid variants", [
      { path: "variants", message: "a non-empty list of { key, model } documents" },
    ]);
  const keys = new Set<string>();
  return list.map((v, i) => {
    const key = typeof v === "object" && v !== null ? (v as Record<string, unknown>).key : undefined;
    if (typeof key !== "string" || keys.has(key))
      throw new RunInputError("invalid variants", [
        { path: `variants[${i}].key`, message: "a string, unique in the run" },
      ]);
    keys.add(key);
    return { key, model: (v as Record<string, unknown>).model };
  });
}

/**
 * Simulates each document rule-based (default policy, as a `simulate` run does) and returns its indicators by key.
 * Identical documents are simulated once. A document that cannot be simulated fails the run, naming its key.
 */
export async function computeVariants(
  model: unknown,
  onProgress: ProgressCallback = () => undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<VariantsResult> {
  const variants = variantsOf(model);
  const byDocument = new Map<string, Indicators>();
  const out: Record<string, Indicators> = {};
  let done = 0;
  for (const v of variants) {
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
    const hash = jobInputHash("variant", v.model, null);
    let indicators = byDocument.get(hash);
    if (!indicators) {
      const share = 1 / variants.length;
      const start = done * share;
      try {
        const simulated = await runScenario(
          { model: v.model, kind: "simulate", options: {} },
          (fraction) => onProgress(start + share * fraction, `simulating ${v.key}`),
          signal,
        );
        indicators = indicatorsOf(simulated.summary);
      } catch (error) {
        if (error instanceof RunInputError)
          throw new RunInputError(
            `variant ${v.key}`,
            error.issues.map((i) => ({ ...i, path: `variants.${v.key}.${i.path}` })),
          );
        throw error;
      }
      byDocument.set(hash, indicators);
    }
    out[v.key] = indicators;
    done += 1;
    onProgress(done / variants.length, `simulated ${done} of ${variants.length}`);
  }
  return { variants: out };
}
