import type { Cited } from "./cited.js";
import { SOURCES } from "./sources.js";

/** Energy carriers weighted in the Finnish E-value. */
export type EnergyCarrier =
  "electricity" | "districtHeating" | "districtCooling" | "fossilFuels" | "renewableFuels";

/**
 * Finnish energy-carrier factors ("energiamuotojen kertoimet") of Government Decree 788/2017 § 1, in force
 * since 1.1.2018: the weights of the E-value (E-luku), kWh_E per kWh delivered. Policy weights, not physical
 * primary-energy factors. [verified] REGULATIONS.md §1.
 */
export const FI_ENERGY_CARRIER_FACTORS: Readonly<Record<EnergyCarrier, Cited>> = {
  electricity: {
    value: 1.2,
    unit: "1",
    source: SOURCES.decree788,
    verification: "verified",
    validFor: "2018-",
  },
  districtHeating: {
    value: 0.5,
    unit: "1",
    source: SOURCES.decree788,
    verification: "verified",
    validFor: "2018-",
  },
  districtCooling: {
    value: 0.28,
    unit: "1",
    source: SOURCES.decree788,
    verification: "verified",
    validFor: "2018-",
  },
  fossilFuels: {
    value: 1.0,
    unit: "1",
    source: SOURCES.decree788,
    verification: "verified",
    validFor: "2018-",
  },
  renewableFuels: {
    value: 0.5,
    unit: "1",
    source: SOURCES.decree788,
    verification: "verified",
    validFor: "2018-",
    note: "renewable fuels used in the building (rakennuksessa käytettävät uusiutuvat polttoaineet)",
  },
};

/** The factors of the repealed decree 9/2013 (2013–2017), for comparisons. [secondary] REGULATIONS.md §1. */
export const FI_ENERGY_CARRIER_FACTORS_2013: Readonly<Record<EnergyCarrier, Cited>> = {
  electricity: {
    value: 1.7,
    unit: "1",
    source: SOURCES.decree9of2013,
    verification: "secondary",
    validFor: "2013-2017",
  },
  districtHeating: {
    value: 0.7,
    unit: "1",
    source: SOURCES.decree9of2013,
    verification: "secondary",
    validFor: "2013-2017",
  },
  districtCooling: {
    value: 0.4,
    unit: "1",
    source: SOURCES.decree9of2013,
    verification: "secondary",
    validFor: "2013-2017",
  },
  fossilFuels: {
    value: 1.0,
    unit: "1",
    source: SOURCES.decree9of2013,
    verification: "secondary",
    validFor: "2013-2017",
  },
  renewableFuels: {
    value: 0.5,
    unit: "1",
    source: SOURCES.decree9of2013,
    verification: "secondary",
    validFor: "2013-2017",
  },
};
