/** A TypeScript handler: loaded in the worker thread through tsx (tests only). */
import type { JobContext } from "../types.js";

export async function double(context: JobContext<{ x: number }>): Promise<{ doubled: number }> {
  context.progress(0.5, "halfway");
  return { doubled: context.input.x * 2 };
}
