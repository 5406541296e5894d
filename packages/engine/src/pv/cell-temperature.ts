import { assertNever } from "../errors.js";

/** Cell temperature models: Sandia (SAPM) parameter sets by mounting, or Faiman. */
export type CellTemperatureModel =
  | "sapm-open-rack-glass-glass"
  | "sapm-close-mount-glass-glass"
  | "sapm-open-rack-glass-polymer"
  | "sapm-insulated-back-glass-polymer"
  | "faiman";

/** SAPM thermal parameters: a (-), b (s/m), deltaT (degC between cell and back at 1000 W/m2). */
export interface SapmTemperatureParameters {
  readonly a: number;
  readonly b: number;
  readonly deltaT: number;
}

/**
 * D. L. King, W. E. Boyson, J. A. Kratochvil, "Photovoltaic Array Performance Model", SAND2004-3535
 * (2004), Table 1 (module back-surface temperature) and the cell-back difference deltaT.
 */
export const SAPM_TEMPERATURE_PARAMETERS: Readonly<Record<string, SapmTemperatureParameters>> = {
  "sapm-open-rack-glass-glass": { a: -3.47, b: -0.0594, deltaT: 3 },
  "sapm-close-mount-glass-glass": { a: -2.98, b: -0.0471, deltaT: 1 },
  "sapm-open-rack-glass-polymer": { a: -3.56, b: -0.075, deltaT: 3 },
  "sapm-insulated-back-glass-polymer": { a: -2.81, b: -0.0455, deltaT: 0 },
};

/**
 * Faiman heat-loss coefficients: D. Faiman, "Assessing the outdoor operating temperature of photovoltaic
 * modules", Progress in Photovoltaics 16(4):307-315 (2008): u0 = 25.0 W/(m2 K), u1 = 6.84 W s/(m3 K)
 * (the values pvlib and IEC 61853-2 examples use).
 */
export const FAIMAN_U0 = 25.0;
export const FAIMAN_U1 = 6.84;

/** Inputs of {@link cellTemperature}. */
export interface CellTemperatureInput {
  /** Plane-of-array global irradiance, W/m2. */
  readonly poaGlobal: number;
  /** Air temperature, degC. */
  readonly temperatureC: number;
  /** Wind speed at 10 m, m/s. */
  readonly windSpeedMs: number;
  /** Faiman u0, W/(m2 K). Default {@link FAIMAN_U0}. */
  readonly u0?: number;
  /** Faiman u1, W s/(m3 K). Default {@link FAIMAN_U1}. */
  readonly u1?: number;
}

/**
 * PV cell temperature, degC. SAPM: Tm = E exp(a + b WS) + Ta and Tc = Tm + E/1000 deltaT (King et al.
 * 2004, eqs. 11-12). Faiman: Tc = Ta + E / (u0 + u1 WS) (the module temperature, used as the cell's).
 */
export function cellTemperature(input: CellTemperatureInput, model: CellTemperatureModel): number {
  const e = Math.max(input.poaGlobal, 0);
  const ws = Math.max(input.windSpeedMs, 0);
  switch (model) {
    case "sapm-open-rack-glass-glass":
    case "sapm-close-mount-glass-glass":
    case "sapm-open-rack-glass-polymer":
    case "sapm-insulated-back-glass-polymer": {
      const p = SAPM_TEMPERATURE_PARAMETERS[model]!;
      return e * Math.exp(p.a + p.b * ws) + input.temperatureC + (e / 1000) * p.deltaT;
    }
    case "faiman":
      return input.temperatureC + e / ((input.u0 ?? FAIMAN_U0) + (input.u1 ?? FAIMAN_U1) * ws);
    default:
      return assertNever(model, "cell temperature model");
  }
}
