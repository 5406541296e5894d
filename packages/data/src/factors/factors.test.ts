import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import type { Cited } from "./cited.js";
import {
  DEFAULT_DISTRICT_HEATING_CO2,
  DEFAULT_GRID_ELECTRICITY_CO2,
  ESPOO_DISTRICT_HEATING_CO2,
  ESPOO_DISTRICT_HEATING_CO2_INVENTORY_2022,
  FI_GRID_ELECTRICITY_CO2,
} from "./emission-factors.js";
import { ESPOO_DISTRICT_HEATING_TARIFF, FI_ELECTRICITY_TAX, FI_VAT_RATE } from "./energy-prices.js";
import * as factors from "./index.js";
import { FI_ENERGY_CARRIER_FACTORS } from "./primary-energy-factors.js";

const DOMAIN = fileURLToPath(new URL("../../../../../shared/domain/", import.meta.url));
const HAS_DOMAIN = existsSync(DOMAIN);

/** Every Cited value exported from factors/, found by walking the exports. */
function allCited(): Array<[string, Cited]> {
  const out: Array<[string, Cited]> = [];
  const walk = (path: string, v: unknown): void => {
    if (v && typeof v === "object" && "value" in v && "source" in v && "unit" in v)
      out.push([path, v as Cited]);
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, c] of Object.entries(v)) walk(`${path}.${k}`, c);
    }
  };
  for (const [k, v] of Object.entries(factors)) if (k !== "SOURCES") walk(k, v);
  return out;
}

describe("factors: every default cites its source", () => {
  it.each(allCited())(
    "%s has a unit, a source with key and https URL, and a verification status",
    (_p, c) => {
      expect(c.unit).not.toBe("");
      expect(c.source.key).not.toBe("");
      expect(c.source.url).toMatch(/^https:\/\//);
      expect(["verified", "secondary", "unverified", "estimate"]).toContain(c.verification);
      if (c.verification === "estimate") expect(c.note ?? "").not.toBe("");
      expect(Number.isFinite(c.value)).toBe(true);
    },
  );
});

describe("energy-carrier factors (decree 788/2017)", () => {
  it("weight the REGULATIONS.md §1 worked example: 180 MWh DH + 52 MWh el on 2400 m2 -> E = 63.5", () => {
    const e =
      (FI_ENERGY_CARRIER_FACTORS.districtHeating.value * 180_000 +
        FI_ENERGY_CARRIER_FACTORS.electricity.value * 52_000) /
      2400;
    expect(e).toBeCloseTo(63.5, 10);
  });

  it.skipIf(!HAS_DOMAIN)(
    `equal the table in REGULATIONS.md §1${HAS_DOMAIN ? "" : " [SKIPPED: shared/domain missing]"}`,
    () => {
      const text = readFileSync(DOMAIN + "REGULATIONS.md", "utf8");
      const row = (label: string): number =>
        Number(new RegExp(`\\| ${label}[^|]*\\| ([0-9.]+) \\|`).exec(text)?.[1]);
      expect(FI_ENERGY_CARRIER_FACTORS.electricity.value).toBe(row("electricity \\(sähkö\\)"));
      expect(FI_ENERGY_CARRIER_FACTORS.districtHeating.value).toBe(row("district heating"));
      expect(FI_ENERGY_CARRIER_FACTORS.districtCooling.value).toBe(row("district cooling"));
      expect(FI_ENERGY_CARRIER_FACTORS.fossilFuels.value).toBe(row("fossil fuels"));
      expect(FI_ENERGY_CARRIER_FACTORS.renewableFuels.value).toBe(row("renewable fuels"));
    },
  );
});

describe(`CO2 factors against the Espoo 2022 inventory CSV${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)(
    "76, 142 and 170 g/kWh are the quotients of the reported emissions and energy",
    () => {
      const rows = new Map(
        readShared("espoo_district_heating_factors/espoo_energy_emissions_2022.csv")
          .trim()
          .split("\n")
          .slice(1)
          .map((l) => l.split(","))
          .map((f) => [`${f[0]}:${f[1]}`, Number(f[2])] as const),
      );
      const q = (em: string, en: string): number =>
        (rows.get(`${em}:2022`) ?? NaN) / (rows.get(`${en}:2022`) ?? NaN);
      expect(q("electricity_consumption_emissions", "electricity_consumed_final_energy")).toBeCloseTo(
        FI_GRID_ELECTRICITY_CO2.espooInventory2022.value,
        3,
      );
      expect(q("electric_heating_emissions", "electric_heating_final_energy")).toBeCloseTo(
        FI_GRID_ELECTRICITY_CO2.espooHeatingElectricity2022.value,
        3,
      );
      expect(q("district_heating_emissions", "district_heating_final_energy")).toBeCloseTo(
        ESPOO_DISTRICT_HEATING_CO2_INVENTORY_2022.value,
        2,
      );
    },
  );
});

describe("defaults", () => {
  it("are Fortum 2023 for DH, Espoo 2022 for grid electricity, class I tax, 25.5 % VAT", () => {
    expect(DEFAULT_DISTRICT_HEATING_CO2.value).toBe(0.1078);
    expect(ESPOO_DISTRICT_HEATING_CO2[2021].value).toBe(0.118);
    expect(DEFAULT_GRID_ELECTRICITY_CO2.value).toBe(0.076);
    expect(FI_ELECTRICITY_TAX.classI.value * (1 + FI_VAT_RATE.value) * 100).toBeCloseTo(2.827515, 6);
    expect(ESPOO_DISTRICT_HEATING_TARIFF.energy.value).toBeCloseTo(0.06538 / 1.255, 4);
  });
});
