/**
 * How well a number was checked (shared/domain/REGULATIONS.md conventions): `verified` = read in a stored
 * copy of the primary source; `secondary` = read in a source quoting it; `unverified` = not yet confirmed;
 * `estimate` = our own reasoning, stated in `note`.
 */
export type Verification = "verified" | "secondary" | "unverified" | "estimate";

/** A source: a document or page, with the key used in shared/domain (KERA.md [E7], REGULATIONS.md §1 ...). */
export interface Source {
  readonly key: string;
  readonly title: string;
  readonly url: string;
}

/** A default number with its unit, source and verification status (every default cites its source). */
export interface Cited<T = number> {
  readonly value: T;
  readonly unit: string;
  readonly source: Source;
  readonly verification: Verification;
  /** Validity (a year or a date range), if the value changes over time. */
  readonly validFor?: string;
  readonly note?: string;
}
