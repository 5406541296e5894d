/**
 * Micro-models with hand-computed optima, written directly with the engine's LP builder. The maths and the
 * hand computation of each is in docs/optimisation/lp-and-solver.md ("Micro-models"); the numbers are
 * illustrative test data, not platform defaults.
 */
import { createLpBuilder, lpName, type LpModel } from "@kera/engine";

export interface MicroModel {
  readonly title: string;
  readonly model: LpModel;
  /** Hand-computed optimal objective (EUR). */
  readonly objective: number;
  /** Hand-computed optimal values of some variables, by contract name. */
  readonly values: Readonly<Record<string, number>>;
}

/**
 * Battery arbitrage over 24 h with buy and sell prices. Battery 10 kWh / 5 kW, charge and discharge
 * efficiency 0.9, empty at the start. Optimum: fill at night (10/0.9 kWh bought at 0.05 EUR/kWh), empty into
 * the evening peak (9 kWh sold at 0.25 EUR/kWh): objective 0.5/0.9 − 2.25 = −61/36 EUR.
 */
export function batteryArbitrage(): MicroModel {
  const hours = 24;
  const buy = Array.from({ length: hours }, (_, t) => (t < 6 ? 0.05 : t >= 17 && t <= 20 ? 0.3 : 0.1));
  const sell = Array.from({ length: hours }, (_, t) => (t < 6 ? 0.04 : t >= 17 && t <= 20 ? 0.25 : 0.08));
  const capacityKwh = 10;
  const powerKw = 5;
  const etaCharge = 0.9;
  const etaDischarge = 0.9;
  const lp = createLpBuilder();
  const imp = lp.addVariables("grid", "flowIn", hours, { cost: buy });
  const exp = lp.addVariables("grid", "flowOut", hours, { cost: sell.map((s) => -s) });
  const charge = lp.addVariables("battery", "flowIn", hours, { ub: powerKw });
  const discharge = lp.addVariables("battery", "flowOut", hours, { ub: powerKw });
  const soc = lp.addVariables("battery", "stateOfCharge", hours, { ub: capacityKwh });
  for (let t = 0; t < hours; t++) {
    // Bus balance (no other load): import − export − charge + discharge = 0.
    lp.addConstraint({
      name: lpName("bus-el", "balance", t),
      terms: [
        [imp + t, 1],
        [exp + t, -1],
        [charge + t, -1],
        [discharge + t, 1],
      ],
      lb: 0,
      ub: 0,
    });
    // soc[t] = soc[t−1] + ηc·charge[t] − discharge[t]/ηd, soc[−1] = 0.
    const terms: [number, number][] = [
      [soc + t, 1],
      [charge + t, -etaCharge],
      [discharge + t, 1 / etaDischarge],
    ];
    if (t > 0) terms.push([soc + t - 1, -1]);
    lp.addConstraint({ name: lpName("battery", "socBalance", t), terms, lb: 0, ub: 0 });
  }
  return {
    title: "battery arbitrage over a day",
    model: lp.build(),
    objective: 0.5 / 0.9 - 2.25,
    values: { "battery:stateOfCharge[5]": 10, "battery:stateOfCharge[23]": 0 },
  };
}

/**
 * Heat pump plus thermal storage, 4 h. Heat demand 4 kW each hour, heat pump ≤ 6 kW_th with COP
 * [3, 3, 2, 4], electricity [0.1, 0.3, 0.1, 0.3] EUR/kWh, lossless tank 0..4 kWh, empty at the start.
 * Heat costs p/COP = [0.0333, 0.1, 0.05, 0.075] EUR/kWh_th: produce 6 in hours 0 and 2, 2 in hours 1 and 3;
 * objective 0.2 + 0.2 + 0.3 + 0.15 = 0.85 EUR.
 */
export function heatPumpWithStorage(): MicroModel {
  const hours = 4;
  const demandKw = [4, 4, 4, 4];
  const cop = [3, 3, 2, 4];
  const priceEurPerKwh = [0.1, 0.3, 0.1, 0.3];
  const lp = createLpBuilder();
  const el = lp.addVariables("hp", "flowIn", hours, { cost: priceEurPerKwh });
  const heat = lp.addVariables("hp", "flowOut", hours, { ub: 6 });
  const soc = lp.addVariables("tank", "stateOfCharge", hours, { ub: 4 });
  for (let t = 0; t < hours; t++) {
    lp.addConstraint({
      name: lpName("hp", "conversion", t),
      terms: [
        [heat + t, 1],
        [el + t, -cop[t]!],
      ],
      lb: 0,
      ub: 0,
    });
    // Heat bus with the tank as the only buffer: soc[t] = soc[t−1] + heat[t] − demand[t].
    const terms: [number, number][] = [
      [soc + t, 1],
      [heat + t, -1],
    ];
    if (t > 0) terms.push([soc + t - 1, -1]);
    lp.addConstraint({ name: lpName("bus-heat", "balance", t), terms, lb: -demandKw[t]!, ub: -demandKw[t]! });
  }
  return {
    title: "heat pump plus thermal storage",
    model: lp.build(),
    objective: 0.85,
    values: { "hp:flowOut[0]": 6, "hp:flowOut[1]": 2, "hp:flowOut[2]": 6, "hp:flowOut[3]": 2 },
  };
}

/**
 * District heating import with a peak charge, 4 h: demand [3, 8, 5, 2] kW, DH energy 0.05 EUR/kWh, peak
 * charge 0.2 EUR/kW on peak ≥ import[t], a tank (charge efficiency 0.9, 0..4 kWh) and an electric boiler at
 * 0.20 EUR/kWh_th with no emissions. Optimum: the tank shaves the peak until import[0] = import[1]:
 * 3 + x/0.9 = 8 − x ⇒ x = 45/19, peak = 107/19 kW, DH energy 347/19 kWh; the boiler stays off (it would save
 * (0.1 + 0.2)/1.9 ≈ 0.158 EUR per kWh, less than its 0.20). Objective (0.05·347 + 0.2·107)/19 = 38.75/19 EUR.
 * With `co2CapKg` = 3.4 (DH 0.2 kgCO2e/kWh ⇒ ≤ 17 kWh DH): peak 5 kW, boiler 1.2 kWh in hour 1, tank 1.8 kWh;
 * objective 0.85 + 1.0 + 0.24 = 2.09 EUR.
 */
export function districtHeatingPeak(co2CapKg?: number): MicroModel {
  const hours = 4;
  const demandKw = [3, 8, 5, 2];
  const dhPriceEurPerKwh = 0.05;
  const peakChargeEurPerKw = 0.2;
  const boilerEurPerKwh = 0.2;
  const dhEmissionKgPerKwh = 0.2;
  const etaCharge = 0.9;
  const lp = createLpBuilder();
  const imp = lp.addVariables("dh", "flowIn", hours, { cost: dhPriceEurPerKwh });
  const peak = lp.addVariable({ name: "dh:peak", cost: peakChargeEurPerKw });
  const boiler = lp.addVariables("boiler", "flowOut", hours, { ub: 10, cost: boilerEurPerKwh });
  const charge = lp.addVariables("tank", "flowIn", hours);
  const discharge = lp.addVariables("tank", "flowOut", hours);
  const soc = lp.addVariables("tank", "stateOfCharge", hours, { ub: 4 });
  for (let t = 0; t < hours; t++) {
    lp.addConstraint({
      name: lpName("bus-heat", "balance", t),
      terms: [
        [imp + t, 1],
        [boiler + t, 1],
        [discharge + t, 1],
        [charge + t, -1],
      ],
      lb: demandKw[t]!,
      ub: demandKw[t]!,
    });
    lp.addConstraint({
      name: lpName("dh", "peakLimit", t),
      terms: [
        [peak, 1],
        [imp + t, -1],
      ],
      lb: 0,
    });
    const terms: [number, number][] = [
      [soc + t, 1],
      [charge + t, -etaCharge],
      [discharge + t, 1],
    ];
    if (t > 0) terms.push([soc + t - 1, -1]);
    lp.addConstraint({ name: lpName("tank", "socBalance", t), terms, lb: 0, ub: 0 });
  }
  if (co2CapKg === undefined) {
    return {
      title: "district heating import with a peak charge",
      model: lp.build(),
      objective: 38.75 / 19,
      values: { "dh:peak": 107 / 19, "boiler:flowOut[1]": 0 },
    };
  }
  lp.addConstraint({
    name: "district:co2Cap",
    terms: Array.from({ length: hours }, (_, t) => [imp + t, dhEmissionKgPerKwh] as const),
    ub: co2CapKg,
  });
  return {
    title: "district heating import with a peak charge under a CO2 cap",
    model: lp.build(),
    objective: 2.09,
    values: { "dh:peak": 5, "boiler:flowOut[1]": 1.2, "tank:stateOfCharge[0]": 1.8 },
  };
}

/** All micro-models of the acceptance list. */
export function microModels(): MicroModel[] {
  return [batteryArbitrage(), heatPumpWithStorage(), districtHeatingPeak(), districtHeatingPeak(3.4)];
}
