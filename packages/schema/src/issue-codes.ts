/** Every issue code the district validator can emit, with its meaning (for docs and UI help). */
export const ISSUE_CODES: Readonly<Record<string, { severity: "error" | "warning"; meaning: string }>> = {
  "invalid-type": {
    severity: "error",
    meaning: "The value has the wrong type (e.g. text where a number is expected).",
  },
  "missing-key": { severity: "error", meaning: "A required field is missing." },
  "not-integer": { severity: "error", meaning: "A whole number is expected." },
  "out-of-range": {
    severity: "error",
    meaning: "A number lies outside its allowed range (the message gives the bound and unit).",
  },
  "wrong-length": {
    severity: "error",
    meaning: "A list has the wrong number of values (12 for monthly, timeline.hours for hourly).",
  },
  "invalid-value": { severity: "error", meaning: "A value is not one of the allowed options." },
  "unknown-kind": { severity: "error", meaning: "An asset or stakeholder kind is not known." },
  "unknown-key": {
    severity: "error",
    meaning: "A field name is not part of the model (typos get a suggestion).",
  },
  "invalid-series": {
    severity: "error",
    meaning: "A series is none of: number, {constant}, {monthly}, {hourly}, {csv}.",
  },
  "invalid-variant": {
    severity: "error",
    meaning: "An object matches none of the allowed forms (e.g. weather needs dataset or file).",
  },
  "invalid-id": {
    severity: "error",
    meaning: "An id contains characters other than lower-case letters, digits, - _ . :",
  },
  "invalid-format": { severity: "error", meaning: "A text does not have the required format." },
  "unit-mismatch": {
    severity: "error",
    meaning: "A series declares a unit other than the field's canonical unit.",
  },
  "invalid-time-zone": { severity: "error", meaning: "The time zone is not an IANA zone name." },
  "invalid-date": { severity: "error", meaning: "The timeline start is not a valid date." },
  "duplicate-id": {
    severity: "error",
    meaning: "An id is used twice (building groups and assets share one namespace).",
  },
  "duplicate-year": { severity: "error", meaning: "Two targets for the same year." },
  "unknown-reference": {
    severity: "error",
    meaning: "An owner, location or waste-heat source names nothing defined in the model.",
  },
  "unknown-use-type": {
    severity: "error",
    meaning: "A building group's use type is neither built in nor defined in useTypes.",
  },
  "missing-reference": { severity: "warning", meaning: "A waste-heat heat pump does not name its source." },
  "missing-capacity": {
    severity: "error",
    meaning: "A fixed asset lacks capacity, or storage lacks powerCapacity.",
  },
  "missing-capacity-max": { severity: "error", meaning: "An extendable asset lacks its upper bound." },
  "missing-cost": { severity: "error", meaning: "An extendable asset lacks costInvest." },
  "missing-lifetime": {
    severity: "error",
    meaning: "An extendable asset with an investment cost lacks its lifetime.",
  },
  "inconsistent-range": {
    severity: "error",
    meaning: "Bounds contradict each other (min > max, value outside min..max).",
  },
  "ignored-field": { severity: "warning", meaning: "A field has no effect in this configuration." },
  "unknown-dataset": { severity: "error", meaning: "The weather data set is not shipped." },
  "missing-file": {
    severity: "error",
    meaning: "A referenced file (weather, CSV series, the model itself) does not exist.",
  },
  "missing-area": {
    severity: "warning",
    meaning: "An unheated group has neither heated nor gross floor area.",
  },
  "e-value-above-limit": {
    severity: "warning",
    meaning: "A new building's E-value exceeds the limit of decree 1010/2017.",
  },
  "missing-emission-factor": {
    severity: "warning",
    meaning: "A carrier is imported but has no emission factor.",
  },
  "missing-schema-version": {
    severity: "warning",
    meaning: "schemaVersion is missing; the current version is assumed.",
  },
  "unsupported-schema-version": {
    severity: "error",
    meaning: "The file is newer than this release, or no migration exists.",
  },
  "yaml-syntax": { severity: "error", meaning: "The file is not valid YAML/JSON." },
  "duplicate-key": { severity: "error", meaning: "A YAML mapping has the same key twice." },
  "internal-error": { severity: "error", meaning: "A bug in the validator (please report it)." },
};
