import highsPackage from "highs";
import type { Highs, InitOptions } from "highs";

// `highs` ships one `types.d.ts` (with `export default`) for both its CommonJS and ESM builds; under
// NodeNext TypeScript types the default import as the CommonJS namespace, while at run time the ESM build's
// default export is the loader function itself. Accept both shapes.
const loadHighs = ((highsPackage as unknown as { default?: unknown }).default ?? highsPackage) as (
  init?: InitOptions,
) => Promise<Highs>;

/** Loads a HiGHS WebAssembly runtime. Override in a browser to point at the served `highs.wasm`. */
export type HighsLoader = () => Promise<Highs>;

/** The default loader: the `highs` package's own, with native output suppressed. */
export function defaultHighsLoader(init: InitOptions = {}): HighsLoader {
  // The Emscripten loader decorates the object it is given (and fails on a second use), so pass a copy.
  return () => loadHighs({ ...init });
}

/**
 * Holds one HiGHS runtime at a time (STYLE: load HiGHS once per worker). The runtime is discarded and
 * re-loaded lazily when a solve broke it (a WASM abort leaves it unusable) or when its linear memory grew past
 * `recycleAboveBytes`: WebAssembly memory never shrinks, so after one huge solve the only way to hand the
 * memory back is to drop the instance.
 */
export interface HighsRuntimeHolder {
  get(): Promise<Highs>;
  /** Called after each solve; drops the runtime when broken or too large. */
  release(broken: boolean): void;
  /** Times a runtime was (re)loaded. */
  readonly loads: number;
  /** Current linear-memory size in bytes (0 when no runtime is loaded). */
  readonly memoryBytes: number;
  dispose(): void;
}

/** Default memory ceiling before a runtime is recycled: 512 MiB. */
export const DEFAULT_RECYCLE_ABOVE_BYTES = 512 * 2 ** 20;

export function createHighsRuntimeHolder(
  loader: HighsLoader,
  recycleAboveBytes = DEFAULT_RECYCLE_ABOVE_BYTES,
): HighsRuntimeHolder {
  let runtime: Promise<Highs> | undefined;
  let current: Highs | undefined;
  let loads = 0;
  return {
    get() {
      if (!runtime) {
        loads++;
        runtime = loader().then((h) => (current = h));
        runtime.catch(() => {
          runtime = undefined;
        });
      }
      return runtime;
    },
    release(broken) {
      if (broken || (current !== undefined && current.memoryBytes > recycleAboveBytes)) {
        runtime = undefined;
        current = undefined;
      }
    },
    get loads() {
      return loads;
    },
    get memoryBytes() {
      return current?.memoryBytes ?? 0;
    },
    dispose() {
      runtime = undefined;
      current = undefined;
    },
  };
}
