/** The main levers of the what-if, in their units (sums over the district). */
export interface Levers {
  /** Installed PV, kWp (all PV assets scaled by the same factor). */
  readonly pvKwp: number;
  /** Heat pump heat capacity, kW (all heat pumps scaled). */
  readonly heatPumpKw: number;
  /** Storage energy capacity, kWh (batteries and thermal stores scaled, power with it). */
  readonly storageKwh: number;
  /** Share of the available waste heat that is recovered, 0..1. */
  readonly wasteHeatShare: number;
  /** Off-site renewable contracts, kW of contracted capacity. */
  readonly offsiteKw: number;
}

export const LEVER_KEYS = ["pvKwp", "heatPumpKw", "storageKwh", "wasteHeatShare", "offsiteKw"] as const;
