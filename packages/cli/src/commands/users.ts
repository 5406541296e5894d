import { addUser, listUsers, openServerStore, ROLES } from "@kera/server";
import { parseArgs } from "../args.js";
import { type CliIo, type Command, EXIT } from "../command.js";

const USAGE = `Usage: kera users add --email <e> --role <r> --org <o> [--district <id-or-slug>] [--name <n>]
       kera users list [--json]

Administers accounts in the database configured by DATABASE_URL / DATA_DIR (the same as kera serve).
"add" reads the password from standard input (at least 12 characters; one trailing newline is dropped):
  printf '%s' "$PASSWORD" | kera users add --email admin@example.org --role platform_admin --org platform

Roles: ${ROLES.join(", ")}. --org is the organisation's slug (e.g. fortum, city-of-espoo); a partner owns
the assets of the district's stakeholder with the same id. --district limits the role to one district.

Exit codes: 0 ok, 2 invalid input (the problems are listed), 1 internal error.`;

async function add(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { options: ["email", "role", "org", "district", "name"] });
  const missing = ["email", "role", "org"]
    .filter((o) => !args.options.has(o))
    .map((o) => `--${o} is required`);
  const errors = [...args.errors, ...missing, ...args.positional.map((p) => `unexpected argument ${p}`)];
  if (errors.length > 0) {
    io.stderr(`${errors.join("\n")}\n\n${USAGE}\n`);
    return EXIT.invalidInput;
  }
  if (!io.readStdin) {
    io.stderr("kera users add: no standard input to read the password from\n");
    return EXIT.invalidInput;
  }
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const store = await openServerStore({ ...io.env });
  try {
    const district = args.options.get("district");
    const name = args.options.get("name");
    const result = await addUser(store, {
      email: args.options.get("email") ?? "",
      role: args.options.get("role") ?? "",
      organisation: args.options.get("org") ?? "",
      password,
      ...(district === undefined ? {} : { district }),
      ...(name === undefined ? {} : { displayName: name }),
    });
    if (!result.ok) {
      io.stderr(
        `kera users add: not created\n${result.issues.map((i) => `  - ${i.path}: ${i.message}`).join("\n")}\n`,
      );
      return EXIT.invalidInput;
    }
    await store.audit.append({
      actor: null,
      action: "user.create",
      target: `user:${result.user.id}`,
      details: { via: "cli" },
    });
    io.stdout(
      `created ${result.user.email} (${result.user.id}) as ${args.options.get("role")} of ${args.options.get("org")}\n`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ["json"] });
  if (args.errors.length > 0 || args.positional.length > 0) {
    io.stderr(`${[...args.errors, ...args.positional.map((p) => `unexpected argument ${p}`)].join("\n")}\n`);
    return EXIT.invalidInput;
  }
  const store = await openServerStore({ ...io.env });
  try {
    const users = (await listUsers(store)).map(({ passwordHash: _hash, ...u }) => u);
    if (args.flags.has("json")) {
      io.stdout(`${JSON.stringify(users, null, 2)}\n`);
    } else if (users.length === 0) {
      io.stdout(
        "no users yet; create the first admin with: kera users add --email <e> --role platform_admin --org platform\n",
      );
    } else {
      for (const u of users) {
        const roles = u.memberships
          .map((m) => `${m.role}@${m.organisation}${m.districtId ? ` (district ${m.districtId})` : ""}`)
          .join(", ");
        io.stdout(`${u.email.padEnd(32)} ${u.disabled ? "disabled " : ""}${roles}\n`);
      }
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export const usersCommand: Command = {
  name: "users",
  summary: "Administer accounts: add a user with a role (password from stdin), list users",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (
      sub === undefined ||
      sub === "--help" ||
      sub === "-h" ||
      rest.includes("--help") ||
      rest.includes("-h")
    ) {
      io.stdout(`${USAGE}\n`);
      return sub === undefined ? EXIT.invalidInput : EXIT.ok;
    }
    if (sub === "add") return add(rest, io);
    if (sub === "list") return list(rest, io);
    io.stderr(`unknown subcommand "${sub}"\n\n${USAGE}\n`);
    return EXIT.invalidInput;
  },
};
