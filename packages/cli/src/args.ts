/** Declares the options a command accepts: boolean flags and options with a value. */
export interface ArgSpec {
  flags?: readonly string[];
  options?: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
  /** Problems such as unknown options or missing values (reported as exit 2). */
  errors: string[];
}

/**
 * Minimal argument parser: `--flag`, `--option value`, `--option=value`, `--` ends options. `--help`/`-h`
 * is always accepted as the flag `help`.
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  const errors: string[] = [];
  const known = new Set([...(spec.flags ?? []), "help"]);
  const withValue = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      flags.add("help");
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq === -1 ? undefined : eq);
      if (withValue.has(name)) {
        const value = eq !== -1 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) errors.push(`option --${name} needs a value`);
        else options.set(name, value);
      } else if (known.has(name) && eq === -1) flags.add(name);
      else errors.push(`unknown option ${a}`);
      continue;
    }
    positional.push(a);
  }
  return { positional, flags, options, errors };
}
