import type { CliIo } from "../command.js";

/** An in-memory `CliIo` that records everything written. */
export function captureIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}
