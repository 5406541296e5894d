/**
 * A run that cannot be computed from its input: the job fails with this message and the issues, each with its path
 * (the run's error is the message: `invalid options: options.typicalDays: an integer 1..60`). With a `code`
 * (e.g. `nothing-to-size`), the job's error carries it instead of the queue's `handler-error`.
 */
export class RunInputError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  declare readonly code?: string;
  constructor(message: string, issues: readonly { path: string; message: string }[], code?: string) {
    super(`${message}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "RunInputError";
    this.issues = issues;
    if (code !== undefined) Object.defineProperty(this, "code", { value: code, enumerable: true });
  }
}
