import { startJobWorker } from "@kera/server";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";

export const workerCommand: Command = {
  name: "worker",
  summary: "Run a job worker that takes simulation and optimisation runs from the Redis queue",
  usage: `Usage: kera worker

Starts one worker process for the BullMQ queue at REDIS_URL (required); KERA_WORKERS sets how many runs
it computes in parallel (default: cores - 1). Start as many as you like, on any machine that reaches Redis.
Stops on SIGINT/SIGTERM, letting running jobs finish for up to 10 s.

Exit codes: 0 ok, 2 invalid option or REDIS_URL missing, 1 the worker could not start.`,
  async run(argv, io) {
    const args = parseArgs(argv, {});
    if (args.flags.has("help")) {
      io.stdout(`${workerCommand.usage}\n`);
      return EXIT.ok;
    }
    if (args.errors.length > 0 || args.positional.length > 0) {
      io.stderr(
        `${[...args.errors, ...args.positional.map((p) => `unexpected argument ${p}`)].join("\n")}\n`,
      );
      return EXIT.invalidInput;
    }
    if (!io.env.REDIS_URL) {
      io.stderr("kera worker: set REDIS_URL to the queue the server uses (e.g. redis://127.0.0.1:6379)\n");
      return EXIT.invalidInput;
    }
    try {
      const worker = await startJobWorker({ ...io.env });
      io.stdout(`kera worker ${worker.workerId} is taking jobs from ${io.env.REDIS_URL}\n`);
      const stop = () => {
        worker.close({ drainTimeoutMs: 10_000 }).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    } catch (e) {
      io.stderr(`kera worker: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.bug;
    }
    return EXIT.ok; // the worker keeps the process alive until a signal
  },
};
