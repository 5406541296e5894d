import type { Carrier, Location, Network, PedBoundary, PedWeighting } from "../network/network.js";

/**
 * The two rules of the energy positivity balance, shared by the indicator (compute-kpis.ts), the optimiser's
 * positivity target (optimize/formulate.ts) and the cooperation game (allocation/evaluate-coalition.ts), so the
 * three always use exactly the same definition.
 */

/** Weight of one kWh of a carrier in hour t under a weighting: 1 (delivered), the PE factor, or the hour's kgCO2e/kWh. */
export function carrierWeight(
  network: Network,
  weighting: PedWeighting,
  carrier: Carrier,
  t: number,
): number {
  switch (weighting) {
    case "delivered":
      return 1;
    case "primaryEnergy":
      return network.factors.primaryEnergy[carrier];
    case "co2":
      return network.factors.co2KgPerKwh[carrier][t] ?? 0;
  }
}

/** Whether generation at a location counts inside a PED boundary (on-site ⊂ functional ⊂ virtual). */
export function insideBoundary(boundary: PedBoundary, location: Location): boolean {
  return (
    location === "onSite" ||
    (location === "functional" && boundary !== "onSite") ||
    (location === "virtual" && boundary === "virtual")
  );
}
