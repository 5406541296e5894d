import type { NetworkStorage } from "./network.js";

/**
 * Charge and discharge power per kWh of energy capacity (1/h) of a storage whose capacity is sized: the ratio of
 * its given power to its capacity, or `powerPerKwh` when the capacity is still 0 (a storage to be built).
 */
export function storagePowerRates(st: NetworkStorage): {
  readonly charge: number;
  readonly discharge: number;
} {
  if (st.capacityKwh > 0)
    return { charge: st.maxChargeKw / st.capacityKwh, discharge: st.maxDischargeKw / st.capacityKwh };
  const rate = st.powerPerKwh ?? 0;
  return { charge: rate, discharge: rate };
}
