/**
 * A bug inside the engine (an impossible state, a broken invariant). Bad input is never reported this
 * way: it comes back as `Issue[]` from the validators. Domain outcomes (infeasible, ...) are values.
 */
export class EngineError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = "EngineError";
    this.code = code;
  }
}

/** Exhaustiveness guard for `switch` over discriminated unions. */
export function assertNever(value: never, what = "value"): never {
  throw new EngineError("unhandled-kind", `unhandled ${what}: ${JSON.stringify(value)}`);
}
