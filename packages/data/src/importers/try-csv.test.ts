import { describe, expect, it } from "vitest";
import { weatherStats } from "@kera/engine";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import { parseTryCsv } from "./try-csv.js";

const HEADER = "#Ilmatieteen laitos, lokakuu 2020\nSTEP;YEAR;MON;DAY;HOUR;TEMP;RH;WS;WDIR;GHI;DHI;DNI";
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A synthetic TRY file: temperature = stamp index / 1000, GHI = 100 at stamp 12 of each day. */
function syntheticTry(edit?: (rows: string[]) => void): string {
  const rows: string[] = [];
  let step = 1;
  DAYS.forEach((days, m) => {
    for (let d = 1; d <= days; d++) {
      for (let h = 0; h < 24; h++) {
        const t = ((step - 1) / 1000).toFixed(3);
        const ghi = h === 12 ? "100.0" : "0.0";
        rows.push(`${step};2002;${m + 1};${d};${h};${t};80.0;3.00;180.0;${ghi};${ghi};0.0`);
        step++;
      }
    }
  });
  edit?.(rows);
  return `${HEADER}\n${rows.join("\n")}\n`;
}

function issuesOf(text: string) {
  const r = parseTryCsv(text, { fileName: "t.csv" });
  if (r.ok) throw new Error("expected failure");
  return r.issues;
}

describe("parseTryCsv: time convention", () => {
  const r = parseTryCsv(syntheticTry());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const w = r.value;

  it("labels the typical year from 1 January 00:00 UTC in Europe/Helsinki", () => {
    expect(w.timeline).toEqual({
      startUtcMs: Date.UTC(2023, 0, 1),
      hours: 8760,
      timeZone: "Europe/Helsinki",
    });
  });

  it("moves radiation of the hour ending at 12:00 UTC+2 to the UTC hour [09:00, 10:00)", () => {
    // Stamp 12:00 local standard (UTC+2) = mean over 11:00-12:00 local = 09:00-10:00 UTC.
    expect(w.ghiWm2[9]).toBe(100);
    expect(w.ghiWm2[10]).toBe(0);
    expect(w.ghiWm2[8]).toBe(0);
    expect(w.ghiWm2.reduce((a, b) => a + b, 0)).toBe(36500);
  });

  it("averages point temperatures at both ends of each UTC hour", () => {
    // UTC 00:00 = stamp 02:00 (index 2), UTC 01:00 = stamp 03:00 (index 3).
    expect(w.temperatureC[0]).toBeCloseTo((0.002 + 0.003) / 2, 12);
    // The last UTC hour (31 Dec 23:00-24:00) wraps to 1 Jan 01:00 and 02:00 local.
    expect(w.temperatureC[8759]).toBeCloseTo((0.001 + 0.002) / 2, 12);
  });

  it("can treat point variables as hour-ending means instead", () => {
    const h = parseTryCsv(syntheticTry(), { pointVariables: "hour-ending" });
    expect(h.ok && h.value.temperatureC[0]).toBeCloseTo(0.003, 12);
  });
});

describe("parseTryCsv: malformed files (every error code)", () => {
  it("empty-file", () => {
    expect(issuesOf("# only a comment\n").map((i) => i.code)).toEqual(["empty-file"]);
  });

  it("missing-column names the column", () => {
    const i = issuesOf("STEP;YEAR;MON;DAY;HOUR;TEMP;RH;WS;WDIR;GHI;DNI\n");
    expect(i[0]).toMatchObject({ code: "missing-column", path: "DHI", line: 1 });
  });

  it("bad-number with file, line and column", () => {
    const i = issuesOf(syntheticTry((r) => (r[9] = "10;2002;1;1;9;-1.2x;82.0;4.0;320.0;0.0;0.0;0.0")));
    expect(i).toHaveLength(1);
    expect(i[0]).toMatchObject({ code: "bad-number", line: 12, column: 15, path: "TEMP", value: "-1.2x" });
    expect(i[0]?.message).toBe('t.csv:12:15: TEMP "-1.2x" is not a number');
  });

  it("out-of-range: RH above 100 % and negative GHI", () => {
    const i = issuesOf(
      syntheticTry((r) => {
        r[0] = "1;2002;1;1;0;-6.15;100.5;4.50;4.3;0.0;0.0;0.0";
        r[1] = "2;2002;1;1;1;-7.03;82.5;4.04;357.7;-1.0;0.0;0.0";
      }),
    );
    expect(i.map((x) => [x.code, x.path, x.line])).toEqual([
      ["out-of-range", "RH", 3],
      ["out-of-range", "GHI", 4],
    ]);
  });

  it("wrong-column-count", () => {
    const i = issuesOf(syntheticTry((r) => (r[5] = "6;2002;1;1;5;-13.30;84.2;2.75;330.0;0.0;0.0")));
    expect(i[0]).toMatchObject({ code: "wrong-column-count", line: 8, value: 11, expected: "12" });
  });

  it("time-gap and wrong-row-count when an hour is missing", () => {
    const i = issuesOf(syntheticTry((r) => r.splice(100, 1)));
    expect(i.map((x) => x.code)).toEqual(["time-gap", "wrong-row-count"]);
    expect(i[0]).toMatchObject({ line: 103, expected: "01-05 04:00", value: "01-05 05:00" });
  });

  it("duplicate-time", () => {
    const i = issuesOf(syntheticTry((r) => r.splice(50, 1, r[49] ?? "")));
    expect(i.map((x) => x.code)).toEqual(["duplicate-time", "time-gap"]);
  });

  it("time-out-of-order", () => {
    const i = issuesOf(
      syntheticTry((r) => {
        const a = r[200] ?? "";
        r[200] = r[201] ?? "";
        r[201] = a;
      }),
    );
    expect(i.map((x) => x.code)).toContain("time-out-of-order");
  });

  it("bad-timestamp for 29 February and impossible dates", () => {
    const i = issuesOf(syntheticTry((r) => r.push("8761;2004;2;29;0;1.0;80.0;3.0;0.0;0.0;0.0;0.0")));
    expect(i[0]).toMatchObject({
      code: "bad-timestamp",
      message: "t.csv:8763:11: 29 February is not part of a typical year",
    });
    expect(
      issuesOf(syntheticTry((r) => (r[0] = "1;2002;13;1;0;1.0;80.0;3.0;0.0;0.0;0.0;0.0")))[0]?.code,
    ).toBe("bad-timestamp");
  });

  it("unsupported-utc-offset", () => {
    const r = parseTryCsv(syntheticTry(), { utcOffsetHours: 5.5 });
    expect(!r.ok && r.issues[0]?.code).toBe("unsupported-utc-offset");
  });

  it("caps the issue list and says how many were left out", () => {
    const text = syntheticTry((r) => r.forEach((_, k) => (r[k] = (r[k] ?? "").replace(";80.0;", ";101;"))));
    const i = issuesOf(text);
    expect(i).toHaveLength(101);
    expect(i[100]).toMatchObject({ code: "too-many-issues", message: "t.csv: 8660 more errors not listed" });
  });
});

describe(`parseTryCsv on the real FMI files${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)(
    "Vantaa TRY2020 matches SOURCE.md: mean T 5.85 degC, GHI 975 kWh/m2/a, HDD17 4207 Kd, T -24.9..29.9",
    () => {
      const r = parseTryCsv(readShared("weather_vantaa_try2020_fmi/Vantaa-TRY2020.csv"));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const s = weatherStats(r.value);
      expect(s.meanTemperatureC).toBeCloseTo(5.85, 2);
      expect(Math.round(s.ghiTotalKwhM2)).toBe(975);
      // Hourly means from interpolated point temperatures shift HDD17 by ~1 Kd from the raw-stamp figure.
      expect(Math.abs(s.hdd17Kd - 4207) / 4207).toBeLessThan(0.002);
      expect(s.meanWindSpeedMs).toBeCloseTo(4.15, 1);
      const raw = parseTryCsv(readShared("weather_vantaa_try2020_fmi/Vantaa-TRY2020.csv"), {
        pointVariables: "hour-ending",
      });
      const rs = raw.ok ? weatherStats(raw.value) : undefined;
      expect(rs?.minTemperatureC).toBe(-24.9);
      expect(rs?.maxTemperatureC).toBe(29.9);
      expect(Math.round(rs?.hdd17Kd ?? 0)).toBe(4207);
    },
  );
});
