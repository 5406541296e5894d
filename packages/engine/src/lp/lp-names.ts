import { EngineError } from "../errors.js";

/**
 * The LP naming contract (../../../../docs/optimisation/lp-and-solver.md):
 *
 *   <assetId>:<attribute>[t]     hourly variable or constraint, t = 0-based step of the timeline
 *   <assetId>:<attribute>        scalar (e.g. `dh-import:peak`, `district:co2Cap`)
 *
 * assetId is the asset's id without the `asset:` prefix kind marker if the caller chooses so; it may itself
 * contain `:` (the attribute is everything after the LAST `:` before the optional `[t]`). attribute is
 * camelCase from the parameter grammar (`flowIn`, `flowOut`, `stateOfCharge`, `balance`, ...). Names contain
 * no whitespace (MPS separates fields by whitespace) and are unique among columns and among rows.
 */
export interface LpName {
  readonly assetId: string;
  readonly attribute: string;
  /** Hour index; undefined for scalar names. */
  readonly t?: number;
}

const NAME_PATTERN = /^(\S+):([A-Za-z][A-Za-z0-9_]*)(?:\[(0|[1-9][0-9]*)\])?$/;
const WHITESPACE = /\s/;

/** True when the name follows the contract (one regular-expression test, no allocation). */
export function isLpName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** Builds `<assetId>:<attribute>[t]` (or `<assetId>:<attribute>` without t). */
export function lpName(assetId: string, attribute: string, t?: number): string {
  return t === undefined ? `${assetId}:${attribute}` : `${assetId}:${attribute}[${t}]`;
}

/** Parses a contract name; undefined when the string does not follow the contract. */
export function parseLpName(name: string): LpName | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const [, assetId = "", attribute = "", step] = match;
  return step === undefined ? { assetId, attribute } : { assetId, attribute, t: Number(step) };
}

/** Throws an EngineError (a bug in the formulation) when the name is empty or contains whitespace. */
export function assertValidLpName(name: string, what: "variable" | "constraint"): void {
  if (name.length === 0 || WHITESPACE.test(name)) {
    throw new EngineError(
      "invalid-lp-name",
      `${what} name ${JSON.stringify(name)} is empty or has whitespace`,
    );
  }
}
