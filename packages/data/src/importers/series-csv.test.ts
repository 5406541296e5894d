import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import { parseSeriesCsv, type SeriesCsvOptions } from "./series-csv.js";

function ok(text: string, options: SeriesCsvOptions = {}) {
  const r = parseSeriesCsv(text, { fileName: "s.csv", ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
}
function codes(text: string, options: SeriesCsvOptions = {}): string[] {
  const r = parseSeriesCsv(text, { fileName: "s.csv", ...options });
  if (r.ok) throw new Error("expected failure");
  return r.issues.filter((i) => i.severity === "error").map((i) => i.code);
}
const hourly = (n: number, start = Date.UTC(2025, 0, 1), f = (i: number) => String(i)): string[] =>
  Array.from({ length: n }, (_, i) => `${new Date(start + i * 3_600_000).toISOString()},${f(i)}`);

describe("parseSeriesCsv: reading", () => {
  it("reads UTC stamps, a unit in the header and converts to canonical units", () => {
    const s = ok(
      ["time,demand [MWh],price (EUR/MWh)", "2025-01-01T00:00Z,1.5,50", "2025-01-01T01:00Z,2,60"].join("\n"),
    );
    expect(s.timeline).toEqual({ startUtcMs: Date.UTC(2025, 0, 1), hours: 2, timeZone: "UTC" });
    expect(s.columns.map((c) => [c.name, c.unit, Array.from(c.values)])).toEqual([
      ["demand", "kWh", [1500, 2000]],
      ["price", "EUR/kWh", [0.05, 0.06]],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it("takes the unit from a '# unit:' comment and reads a file without time stamps", () => {
    const s = ok("# unit: kW\nload\n1\n2\n3\n", { start: "2024-03-01T00:00+02:00" });
    expect(s.columns[0]).toMatchObject({ name: "load", unit: "kW" });
    expect(s.timeline?.startUtcMs).toBe(Date.UTC(2024, 1, 29, 22));
    expect(ok("# unit: kW\n5\n6\n").columns[0]?.name).toBe("value");
    expect(ok("# unit: kW\n5\n6\n").timeline).toBeUndefined();
  });

  it("reads ';' files with decimal commas and keeps unknown units with a warning", () => {
    const s = ok(
      "aika;kulutus [kWh];x [furlong]\n2025-01-01T00:00+02:00;1,5;2\n2025-01-01T01:00+02:00;2,5;3\n",
    );
    expect(Array.from(s.columns[0]?.values ?? [])).toEqual([1.5, 2.5]);
    expect(s.timeline?.startUtcMs).toBe(Date.UTC(2024, 11, 31, 22));
    expect(s.warnings.map((w) => [w.code, w.path])).toEqual([["unknown-unit", "x"]]);
    expect(ok("t,v\n2025-01-01T00:00Z,1\n").warnings.map((w) => w.code)).toEqual(["missing-unit"]);
  });

  it("aggregates 15-minute data to hours: energies summed, powers averaged", () => {
    const rows = Array.from({ length: 8 }, (_, i) => {
      const t = new Date(Date.UTC(2025, 9, 1) + i * 900_000).toISOString();
      return `${t},${i},${i}`;
    });
    const s = ok(["t,e [kWh],p [kW]", ...rows].join("\n"));
    expect(s.hours).toBe(2);
    expect(Array.from(s.columns[0]?.values ?? [])).toEqual([6, 22]);
    expect(Array.from(s.columns[1]?.values ?? [])).toEqual([1.5, 5.5]);
  });

  it("reads naive local stamps across both DST changes in Europe/Helsinki", () => {
    // 2025-03-30: 03:00 local does not exist; 2025-10-26: 03:00 local occurs twice.
    const spring = ["t,v [kW]", "2025-03-30 01:00,1", "2025-03-30 02:00,2", "2025-03-30 04:00,3"].join("\n");
    const s = ok(spring, { timestampZone: "Europe/Helsinki" });
    expect(s.timeline).toEqual({
      startUtcMs: Date.UTC(2025, 2, 29, 23),
      hours: 3,
      timeZone: "Europe/Helsinki",
    });
    const autumn = [
      "t,v [kW]",
      "2025-10-26 02:00,1",
      "2025-10-26 03:00,2",
      "2025-10-26 03:00,3",
      "2025-10-26 04:00,4",
    ];
    const a = ok(autumn.join("\n"), { timestampZone: "Europe/Helsinki" });
    expect(a.hours).toBe(4);
    expect(a.timeline?.startUtcMs).toBe(Date.UTC(2025, 9, 25, 23));
  });

  it("reads only the requested columns, with unit overrides", () => {
    const s = ok("when_utc,label,value\n2025-01-01 00:00,abc,7\n", {
      columns: ["value"],
      units: { value: "c/kWh" },
    });
    expect(s.columns.map((c) => [c.name, c.unit, c.values[0]])).toEqual([["value", "EUR/kWh", 0.07]]);
  });

  it("never throws on arbitrary text (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseSeriesCsv(text);
        expect(typeof r.ok).toBe("boolean");
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("parseSeriesCsv: malformed files (every error code)", () => {
  it("empty-file", () => {
    expect(codes("")).toEqual(["empty-file"]);
    expect(codes("t,v [kW]\n")).toEqual(["empty-file"]);
  });
  it("missing-column", () => {
    expect(codes("t,v\n2025-01-01T00:00Z,1\n", { columns: ["w"] })).toEqual(["missing-column"]);
    expect(codes("a,v\n1,2\n", { timestampColumn: "time" })).toEqual(["missing-column"]);
  });
  it("wrong-column-count, bad-number, missing-value with line and column", () => {
    const r = parseSeriesCsv("t,v [kW]\n2025-01-01T00:00Z,1,9\n2025-01-01T01:00Z,x\n2025-01-01T02:00Z,\n", {
      fileName: "s.csv",
    });
    expect(!r.ok && r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["wrong-column-count", 2, 1],
      ["bad-number", 3, 19],
      ["missing-value", 4, 19],
    ]);
  });
  it("out-of-range with min/max", () => {
    expect(codes("v [kW]\n-1\n", { min: 0 })).toEqual(["out-of-range"]);
  });
  it("bad-timestamp and timestamp-without-zone", () => {
    expect(codes("time,v\n2025-13-01T00:00Z,1\n")).toEqual(["bad-timestamp"]);
    expect(codes("time,v\n2025-01-01 00:00,1\n")).toEqual(["timestamp-without-zone"]);
  });
  it("time-gap, duplicate-time, time-out-of-order", () => {
    const rows = hourly(6);
    expect(codes(["t,v [kW]", ...rows.slice(0, 2), ...rows.slice(4)].join("\n"))).toEqual(["time-gap"]);
    expect(codes(["t,v [kW]", ...rows.slice(0, 3), rows[2] ?? "", ...rows.slice(3)].join("\n"))).toEqual([
      "duplicate-time",
    ]);
    expect(codes(["t,v [kW]", rows[0], rows[2], rows[1], rows[3]].join("\n"))).toEqual([
      "time-gap",
      "time-out-of-order",
      "time-gap",
    ]);
    const r = parseSeriesCsv(["t,v [kW]", ...rows.slice(0, 2), ...rows.slice(4)].join("\n"), {
      fileName: "g.csv",
    });
    expect(!r.ok && r.issues[0]?.message).toBe("g.csv:4:1: 2 steps of 60 min missing after line 3");
  });
  it("irregular-time-step and time-not-on-hour", () => {
    expect(codes("t,v [kW]\n2025-01-01T00:00Z,1\n2025-01-01T00:20Z,1\n2025-01-01T00:40Z,1\n")).toContain(
      "irregular-time-step",
    );
    expect(codes("t,v [kW]\n2025-01-01T00:30Z,1\n2025-01-01T01:30Z,1\n")).toEqual(["time-not-on-hour"]);
  });
  it("wrong-row-count: expected hours and incomplete last hour of 15-min data", () => {
    expect(codes(["t,v [kW]", ...hourly(5)].join("\n"), { expectedHours: 8760 })).toEqual([
      "wrong-row-count",
    ]);
    const q = Array.from(
      { length: 5 },
      (_, i) => `${new Date(Date.UTC(2025, 0, 1) + i * 900_000).toISOString()},1`,
    );
    expect(codes(["t,v [kW]", ...q].join("\n"))).toEqual(["wrong-row-count"]);
  });
  it("invalid-option", () => {
    expect(codes("t,v\n2025-01-01T00:00Z,1\n", { timeZone: "Mars/Olympus" })).toEqual(["invalid-option"]);
    expect(codes("v [kW]\n1\n", { start: "2025-01-01 00:00" })).toEqual(["invalid-option"]);
  });
});

describe(`parseSeriesCsv on real files${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)(
    "Fingrid 2016-2023 (+02:00/+03:00 offsets): 2021 consumption 84.7 TWh (SOURCE.md)",
    () => {
      const text = readShared("fi_grid_fingrid_2016_2023/energy_data_fi_2016_2023.csv.gz");
      const s = ok(text, {
        units: { consumption_total_hourly: "MWh/h" },
        columns: ["consumption_total_hourly"],
      });
      expect(s.hours).toBe(70_128);
      const tl = s.timeline;
      expect(tl?.startUtcMs).toBe(Date.UTC(2015, 11, 31, 22));
      const start2021 = (Date.UTC(2020, 11, 31, 22) - (tl?.startUtcMs ?? 0)) / 3_600_000;
      const kw = s.columns[0]?.values.subarray(start2021, start2021 + 8760) ?? new Float64Array();
      const twh = kw.reduce((a, b) => a + b, 0) / 1e9;
      expect(twh).toBeCloseTo(84.7, 1);
    },
  );

  it.skipIf(!HAS_SHARED_DATA)(
    "FI day-ahead derived file: 10,176 gap-free hours, 2023 mean 56.47 EUR/MWh",
    () => {
      const s = ok(readShared("fi_spot_price_2023/fi_dayahead_price_2023-01_2024-02_eur_mwh.csv"), {
        timestampColumn: "timestamp_utc",
        columns: ["price_eur_mwh_excl_vat"],
        units: { price_eur_mwh_excl_vat: "EUR/MWh" },
      });
      expect(s.hours).toBe(10_176);
      const y = s.columns[0]?.values.subarray(0, 8760) ?? new Float64Array();
      expect((y.reduce((a, b) => a + b, 0) / 8760) * 1000).toBeCloseTo(56.47, 2);
    },
  );
});
