/** Where a command reads and writes; tests pass captured streams, `main.ts` the real process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working directory against which relative paths are resolved. */
  cwd: string;
  /** Environment variables (read-only view). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input (for commands that take secrets or data from stdin). */
  readStdin?(): Promise<string>;
}

/** Exit codes shared by every command (STYLE.md §4). */
export const EXIT = {
  ok: 0,
  /** A bug: an unexpected exception. */
  bug: 1,
  /** Invalid input: bad arguments, an invalid model, a missing file. */
  invalidInput: 2,
  /** A domain outcome that is not success (infeasible, time limit, ...). */
  domain: 3,
} as const;

/** One `kera <name>` command. Add a file in commands/ and one line in commands/index.ts. */
export interface Command {
  name: string;
  /** One line for `kera --help`. */
  summary: string;
  /** Full help text printed by `kera <name> --help` (usage line first). */
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}
