import type { Role } from "./ports.js";

/**
 * Confidentiality rules (issue 6 item 3): partners' prices and business figures are visible only to the owning
 * partner, the district admin (the city) and platform admins; researchers see anonymised data (stakeholder ids and
 * names replaced by stable pseudonyms).
 *
 * In a district document, an object with an `owner` (a stakeholder id: assets, building groups) keeps its
 * confidential fields from non-owners. Which fields are confidential:
 * - `confidential: ["costInvest", ...]` on the object → exactly those;
 * - `confidential: false` → none;
 * - otherwise (default, safe) → every key starting with `cost`, `price` or `tariff`, and `businessFigures`.
 * Stakeholder entries (`stakeholders[]`) are owned by themselves (`id`).
 */
export interface ViewerLens {
  readonly role: Role;
  /** Stakeholder ids whose confidential data the viewer may see (its organisation's stakeholders). */
  readonly ownedStakeholders: ReadonlySet<string>;
}

export const REDACTED = "[confidential]";

const FULL_ACCESS: ReadonlySet<Role> = new Set(["platform_admin", "district_admin"]);
const OWNER_KEYS = new Set(["owner", "stakeholder", "stakeholderId", "owners"]);
/** Objects keyed by stakeholder id: `byOwner`, `assetCountByOwner`, `costByStakeholder`, ... */
const BY_OWNER_KEY = /by(owner|stakeholder)$/i;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stakeholder lists: the model's `stakeholders` and the indicators' `perStakeholder` figures. */
const STAKEHOLDER_LISTS = new Set(["stakeholders", "perStakeholder"]);

/** Money figures and prices: `costInvest`, `priceEurPerKwh`, `energyCostEur`, `gridBillsEur`, ... */
function isDefaultConfidentialKey(key: string): boolean {
  return /^(cost|price|tariff)/i.test(key) || /Eur$/.test(key) || key === "businessFigures";
}

function confidentialKeys(obj: Record<string, unknown>): (key: string) => boolean {
  const spec = obj.confidential;
  if (spec === false) return () => false;
  if (Array.isArray(spec)) {
    const keys = new Set(spec.filter((k): k is string => typeof k === "string"));
    return (key) => keys.has(key);
  }
  return isDefaultConfidentialKey;
}

/** Stable pseudonyms for stakeholder ids and names, in the model's stakeholder order. */
export function pseudonymsFor(model: unknown): Map<string, string> {
  const map = new Map<string, string>();
  const list = isRecord(model) && Array.isArray(model.stakeholders) ? model.stakeholders : [];
  list.forEach((s, i) => {
    if (!isRecord(s)) return;
    const alias = `stakeholder-${i + 1}`;
    if (typeof s.id === "string") map.set(s.id, alias);
    if (typeof s.name === "string") map.set(s.name, alias);
  });
  return map;
}

function redactValue(value: unknown, lens: ViewerLens, owner: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => redactValue(v, lens, owner));
  if (!isRecord(value)) return value;
  const ownerId = typeof value.owner === "string" ? value.owner : owner;
  const hide =
    ownerId !== undefined && !lens.ownedStakeholders.has(ownerId) ? confidentialKeys(value) : () => false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (STAKEHOLDER_LISTS.has(k) && Array.isArray(v)) {
      out[k] = v.map((s) => (isRecord(s) && typeof s.id === "string" ? redactValue(s, lens, s.id) : s));
    } else if (hide(k)) {
      out[k] = REDACTED;
    } else {
      out[k] = redactValue(v, lens, ownerId);
    }
  }
  return out;
}

function anonymiseValue(value: unknown, aliases: ReadonlyMap<string, string>, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => anonymiseValue(v, aliases, key));
  if (typeof value === "string") {
    return key !== undefined && OWNER_KEYS.has(key) ? (aliases.get(value) ?? "stakeholder-other") : value;
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  const inStakeholder = key !== undefined && STAKEHOLDER_LISTS.has(key);
  for (const [k, v] of Object.entries(value)) {
    if (BY_OWNER_KEY.test(k) && isRecord(v)) {
      const byOwner: Record<string, unknown> = {};
      for (const [ok, ov] of Object.entries(v)) byOwner[aliases.get(ok) ?? "stakeholder-other"] = ov;
      out[k] = byOwner;
    } else if (inStakeholder && (k === "id" || k === "name") && typeof v === "string") {
      out[k] = aliases.get(v) ?? "stakeholder-other";
    } else {
      out[k] = anonymiseValue(v, aliases, STAKEHOLDER_LISTS.has(k) || OWNER_KEYS.has(k) ? k : undefined);
    }
  }
  return out;
}

/** Returns the district document as this viewer may see it (a copy; the input is never changed). */
export function redactModel(model: unknown, lens: ViewerLens): unknown {
  if (FULL_ACCESS.has(lens.role)) return model;
  const redacted = redactValue(model, lens, undefined);
  return lens.role === "researcher" ? anonymiseValue(redacted, pseudonymsFor(model)) : redacted;
}

/** Returns a run's summary as this viewer may see it; `model` provides the stakeholder pseudonyms. */
export function redactSummary(summary: unknown, model: unknown, lens: ViewerLens): unknown {
  if (FULL_ACCESS.has(lens.role)) return summary;
  const redacted = redactValue(summary, lens, undefined);
  return lens.role === "researcher" ? anonymiseValue(redacted, pseudonymsFor(model)) : redacted;
}
