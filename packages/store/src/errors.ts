/** Store errors that callers act on (the server maps them to HTTP statuses). */
export type StoreErrorCode =
  | "not-found"
  | "conflict" // unique key taken (slug, email, ...)
  | "stale-parent" // a new version's parent is not the scenario's latest version
  | "invalid-state"; // e.g. finishing a run that is already finished

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/** True if `error` is a PostgreSQL unique violation (SQLSTATE 23505), from pg or PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
