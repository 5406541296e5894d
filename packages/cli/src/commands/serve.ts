import { startServer } from "@kera/server";
import { parseArgs } from "../args.js";
import { type Command, EXIT } from "../command.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Run the platform: migrate the database, seed Kera, compute its baseline, serve API and web app",
  usage: `Usage: kera serve [--port <n>] [--host <addr>]

Starts the HTTP server (API under /api/v1, docs at /api/docs, the web app when built) and the job
workers. Configuration comes from environment variables (see packages/server/README.md):
PORT (8080), HOST (127.0.0.1), DATA_DIR (./data), DATABASE_URL, REDIS_URL, KERA_WORKERS, LOG_LEVEL,
KERA_SEED (on), COOKIE_SECURE. Stops gracefully on SIGINT/SIGTERM.

Options:
  --port <n>      overrides PORT
  --host <addr>   overrides HOST (use 0.0.0.0 to listen on every interface)
  -h, --help

Exit codes: 0 ok, 2 invalid option, 1 the server could not start.`,
  async run(argv, io) {
    const args = parseArgs(argv, { options: ["port", "host"] });
    if (args.flags.has("help")) {
      io.stdout(`${serveCommand.usage}\n`);
      return EXIT.ok;
    }
    if (args.errors.length > 0 || args.positional.length > 0) {
      io.stderr(
        `${[...args.errors, ...args.positional.map((p) => `unexpected argument ${p}`)].join("\n")}\n`,
      );
      return EXIT.invalidInput;
    }
    const env = { ...io.env };
    const port = args.options.get("port");
    const host = args.options.get("host");
    if (port !== undefined) env.PORT = port;
    if (host !== undefined) env.HOST = host;
    try {
      await startServer({ env, print: (line) => io.stdout(`${line}\n`), handleSignals: true });
    } catch (e) {
      io.stderr(`kera serve: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.bug;
    }
    return EXIT.ok; // the server keeps the process alive until SIGINT/SIGTERM
  },
};
