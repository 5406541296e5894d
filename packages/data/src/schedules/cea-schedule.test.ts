import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as engine from "@kera/engine";
import {
  HAS_SHARED_DATA,
  SHARED_DATA_DIR,
  SHARED_SKIP_NOTE,
  readShared,
} from "../test-support/shared-data.js";
import { parseCeaSchedule } from "./cea-schedule.js";

const HEADER =
  "hour,occupancy,appliances,lighting,hot_water,heating,cooling,processes,servers,electromobility";
function schedule(edit?: (rows: string[]) => void): string {
  const rows: string[] = [];
  for (const day of ["Weekday", "Saturday", "Sunday"]) {
    for (let h = 0; h < 24; h++) {
      const f = (h / 23).toFixed(3);
      rows.push(
        `${day}_${String(h).padStart(2, "0")},${f},0.1,0.1,0.0,${h < 8 ? "SETBACK" : "SETPOINT"},OFF,0.0,0.0,0.0`,
      );
    }
  }
  edit?.(rows);
  return [HEADER, ...rows].join("\n") + "\n";
}
const codes = (text: string): string[] => {
  const r = parseCeaSchedule(text, { fileName: "X.csv" });
  return r.ok ? [] : r.issues.map((i) => i.code);
};

describe("parseCeaSchedule", () => {
  it("reads 72 values per column and codes the set-point modes", () => {
    const r = parseCeaSchedule(schedule(), { fileName: "path/to/OFFICE.csv" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.file).toBe("OFFICE");
    expect(r.value.occupancy).toHaveLength(72);
    expect(r.value.occupancy[23]).toBe(1);
    expect(r.value.heating.slice(6, 10)).toEqual([1, 1, 2, 2]);
    expect(r.value.cooling[50]).toBe(0);
  });

  it("reports every error code with line and column", () => {
    expect(codes("")).toEqual(["empty-file"]);
    expect(codes("hour,occupancy\n")).toContain("missing-column");
    expect(codes(schedule((r) => (r[3] = "Weekday_03,0.1")))).toEqual(["wrong-column-count"]);
    expect(codes(schedule((r) => (r[3] = (r[3] ?? "").replace("Weekday_03", "Monday_03"))))).toEqual([
      "bad-timestamp",
    ]);
    expect(codes(schedule((r) => (r[4] = r[3] ?? "")))).toEqual(["duplicate-time"]);
    expect(codes(schedule((r) => (r[5] = (r[5] ?? "").replace(",0.1,", ",x,"))))).toEqual(["bad-number"]);
    expect(codes(schedule((r) => (r[5] = (r[5] ?? "").replace(",0.1,", ",1.5,"))))).toEqual(["out-of-range"]);
    expect(codes(schedule((r) => (r[6] = (r[6] ?? "").replace("SETBACK", "ON"))))).toEqual(["unknown-mode"]);
    expect(codes(schedule((r) => r.pop()))).toEqual(["wrong-row-count"]);
    const r = parseCeaSchedule(
      schedule((rows) => (rows[5] = (rows[5] ?? "").replace(",0.1,", ",x,"))),
      { fileName: "X.csv" },
    );
    expect(!r.ok && r.issues[0]).toMatchObject({
      line: 7,
      column: 18,
      message: 'X.csv:7:18: appliances "x" is not a number',
    });
  });
});

describe(`CEA schedule files and the engine's embedded constants${SHARED_SKIP_NOTE}`, () => {
  const dir = "building_load_schedules/cea_sia2024/";
  const files = HAS_SHARED_DATA
    ? readdirSync(SHARED_DATA_DIR + dir).filter((f) => f.endsWith(".csv") && !/MONTHLY|USE_TYPES/.test(f))
    : [];

  it.skipIf(!HAS_SHARED_DATA)("all 6 shared schedule files parse", () => {
    expect(files.sort()).toEqual([
      "FOODSTORE.csv",
      "MULTI_RES.csv",
      "OFFICE.csv",
      "RETAIL.csv",
      "SCHOOL.csv",
      "SINGLE_RES.csv",
    ]);
    for (const f of files) expect(parseCeaSchedule(readShared(dir + f), { fileName: f }).ok).toBe(true);
  });

  // The engine (packages/engine/src/buildings/cea-schedules.ts) embeds CEA_<FILE> constants; they must equal the files.
  const embedded = Object.entries(engine as Record<string, unknown>).filter(
    (e): e is [string, { file: string } & Record<string, unknown>] =>
      e[0].startsWith("CEA_") && typeof e[1] === "object" && e[1] !== null && "file" in e[1],
  );
  it.skipIf(!HAS_SHARED_DATA || embedded.length === 0)(
    `engine constants ${embedded.map((e) => e[0]).join(", ") || "(none yet)"} equal the shared CSV files`,
    () => {
      for (const [name, constant] of embedded) {
        const r = parseCeaSchedule(readShared(`${dir}${constant.file}.csv`), {
          fileName: `${constant.file}.csv`,
        });
        expect(r.ok, name).toBe(true);
        if (!r.ok) continue;
        for (const key of [
          "occupancy",
          "appliances",
          "lighting",
          "hotWater",
          "heating",
          "cooling",
        ] as const) {
          if (key in constant) expect(constant[key], `${name}.${key}`).toEqual(r.value[key]);
        }
      }
    },
  );
});
