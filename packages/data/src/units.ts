/**
 * Unit conversion at the import boundary (STYLE.md §3: one canonical unit per quantity, convert only at
 * import). Each accepted spelling maps to the canonical unit and the factor to multiply by.
 */
export interface UnitConversion {
  readonly unit: string;
  readonly factor: number;
  /** Whether values are amounts per step (energy), summed when aggregating to hours; otherwise averaged. */
  readonly extensive: boolean;
}

const TABLE: Record<string, UnitConversion> = {
  kw: { unit: "kW", factor: 1, extensive: false },
  w: { unit: "kW", factor: 1e-3, extensive: false },
  mw: { unit: "kW", factor: 1e3, extensive: false },
  "mwh/h": { unit: "kW", factor: 1e3, extensive: false },
  "kwh/h": { unit: "kW", factor: 1, extensive: false },
  kwh: { unit: "kWh", factor: 1, extensive: true },
  wh: { unit: "kWh", factor: 1e-3, extensive: true },
  mwh: { unit: "kWh", factor: 1e3, extensive: true },
  gwh: { unit: "kWh", factor: 1e6, extensive: true },
  "eur/kwh": { unit: "EUR/kWh", factor: 1, extensive: false },
  "eur/mwh": { unit: "EUR/kWh", factor: 1e-3, extensive: false },
  "c/kwh": { unit: "EUR/kWh", factor: 1e-2, extensive: false },
  "snt/kwh": { unit: "EUR/kWh", factor: 1e-2, extensive: false },
  "kgco2e/kwh": { unit: "kgCO2e/kWh", factor: 1, extensive: false },
  "kgco2/kwh": { unit: "kgCO2e/kWh", factor: 1, extensive: false },
  "gco2e/kwh": { unit: "kgCO2e/kWh", factor: 1e-3, extensive: false },
  "gco2eq/kwh": { unit: "kgCO2e/kWh", factor: 1e-3, extensive: false },
  "gco2/kwh": { unit: "kgCO2e/kWh", factor: 1e-3, extensive: false },
  "kgco2e/mwh": { unit: "kgCO2e/kWh", factor: 1e-3, extensive: false },
  "kgco2/mwh": { unit: "kgCO2e/kWh", factor: 1e-3, extensive: false },
  degc: { unit: "degC", factor: 1, extensive: false },
  c: { unit: "degC", factor: 1, extensive: false },
  "w/m2": { unit: "W/m2", factor: 1, extensive: false },
  "%": { unit: "%", factor: 1, extensive: false },
  "m/s": { unit: "m/s", factor: 1, extensive: false },
  "1": { unit: "1", factor: 1, extensive: false },
  "-": { unit: "1", factor: 1, extensive: false },
};

/** Normalises a unit spelling: case, spaces, `€`, `°`, subscript/superscript digits. */
function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/€/g, "eur")
    .replace(/°/g, "deg")
    .replace(/₂/g, "2")
    .replace(/²/g, "2")
    .replace(/^degc$/, "degc");
}

/** The canonical unit and factor for a unit spelling (`MWh`, `EUR/MWh`, `gCO₂eq/kWh`, `°C`...), or undefined. */
export function unitConversion(unit: string): UnitConversion | undefined {
  return TABLE[normaliseUnit(unit)];
}

/** Canonical units known to the importers. */
export const CANONICAL_UNITS = [
  "kW",
  "kWh",
  "EUR/kWh",
  "kgCO2e/kWh",
  "degC",
  "W/m2",
  "%",
  "m/s",
  "1",
] as const;
