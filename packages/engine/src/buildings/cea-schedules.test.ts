import { fileURLToPath } from "node:url";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CEA_FOODSTORE, CEA_MULTI_RES, CEA_OFFICE, CEA_RETAIL, CEA_SCHOOL } from "./cea-schedules.js";

const DIR = fileURLToPath(
  new URL("../../../../../shared/data/building_load_schedules/cea_sia2024", import.meta.url),
);
const MODE: Record<string, number> = { OFF: 0, SETBACK: 1, SETPOINT: 2 };

describe.skipIf(!existsSync(DIR))("embedded CEA schedules equal the CEA CSV files", () => {
  for (const s of [CEA_MULTI_RES, CEA_OFFICE, CEA_RETAIL, CEA_FOODSTORE, CEA_SCHOOL]) {
    it(s.file, () => {
      const [head, ...rows] = readFileSync(`${DIR}/${s.file}.csv`, "utf8").trim().split(/\r?\n/);
      const cols = (head ?? "").split(",");
      const get = (name: string): string[] => rows.map((r) => r.split(",")[cols.indexOf(name)] ?? "");
      expect(rows.length).toBe(72);
      expect(s.occupancy).toEqual(get("occupancy").map(Number));
      expect(s.appliances).toEqual(get("appliances").map(Number));
      expect(s.lighting).toEqual(get("lighting").map(Number));
      expect(s.hotWater).toEqual(get("hot_water").map(Number));
      expect(s.heating).toEqual(get("heating").map((m) => MODE[m]));
      expect(s.cooling).toEqual(get("cooling").map((m) => MODE[m]));
    });
  }
});
