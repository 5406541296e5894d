import { describe, expect, it } from "vitest";
import { weatherStats } from "@kera/engine";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import { fixedOffsetZone, parseEpw } from "./epw.js";

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HEADER = [
  "LOCATION,TESTVILLE,-,FIN,Synthetic,000001,60.00,25.00,2.0,10.0",
  "DESIGN CONDITIONS,0",
  "TYPICAL/EXTREME PERIODS,0",
  "GROUND TEMPERATURES,0",
  "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
  "COMMENTS 1,synthetic",
  "COMMENTS 2,",
  "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
];

/** A 35-field EPW row; fields 6 (T), 8 (RH), 13 (GHI), 14 (DNI), 15 (DHI), 21 (wind) are set. */
function row(m: number, d: number, h: number, t: number, ghi: number): string {
  const f = Array.from({ length: 35 }, () => "0");
  f[0] = "1999";
  f[1] = String(m);
  f[2] = String(d);
  f[3] = String(h);
  f[4] = "60";
  f[5] = "A7A7";
  f[6] = t.toFixed(3);
  f[8] = "80";
  f[13] = String(ghi);
  f[14] = "0";
  f[15] = String(ghi);
  f[21] = "3.5";
  return f.join(",");
}

function syntheticEpw(edit?: (rows: string[]) => void): string {
  const rows: string[] = [];
  let k = 0;
  DAYS.forEach((days, m) => {
    for (let d = 1; d <= days; d++) {
      for (let h = 1; h <= 24; h++) rows.push(row(m + 1, d, h, k++ / 1000, h === 13 ? 200 : 0));
    }
  });
  edit?.(rows);
  return [...HEADER, ...rows].join("\r\n") + "\r\n";
}

function issuesOf(text: string) {
  const r = parseEpw(text, { fileName: "x.epw" });
  if (r.ok) throw new Error("expected failure");
  return r.issues;
}

describe("parseEpw: time convention and header", () => {
  const r = parseEpw(syntheticEpw());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const w = r.value;

  it("reads the LOCATION header and uses its fixed offset as the zone", () => {
    expect(w.location).toEqual({
      city: "TESTVILLE",
      country: "FIN",
      wmo: "000001",
      latitudeDeg: 60,
      longitudeDeg: 25,
      utcOffsetHours: 2,
      elevationM: 10,
    });
    expect(w.timeline.timeZone).toBe("Etc/GMT-2");
    expect(fixedOffsetZone(-5)).toBe("Etc/GMT+5");
    expect(fixedOffsetZone(0)).toBe("UTC");
  });

  it("moves radiation of hour 13 (12:00-13:00 UTC+2) to the UTC hour [10:00, 11:00)", () => {
    expect(w.ghiWm2[10]).toBe(200);
    expect(w.ghiWm2[11]).toBe(0);
    expect(w.dhiWm2[10]).toBe(200);
  });

  it("averages point temperatures at both ends of each UTC hour", () => {
    // Row k has hour k+1 (ending); the point at UTC 00:00 = 02:00 local = row index 1.
    expect(w.temperatureC[0]).toBeCloseTo((0.001 + 0.002) / 2, 12);
  });
});

describe("parseEpw: malformed files", () => {
  it("empty-file and missing-header", () => {
    expect(issuesOf("")[0]?.code).toBe("empty-file");
    expect(issuesOf("NOT AN EPW\n1,2,3")[0]).toMatchObject({ code: "missing-header", line: 1 });
    expect(issuesOf(HEADER.slice(0, 7).join("\n"))[0]?.code).toBe("missing-header");
  });

  it("bad header numbers and unsupported offsets", () => {
    const bad = syntheticEpw().replace("60.00,25.00", "north,25.00");
    expect(issuesOf(bad)[0]).toMatchObject({
      code: "bad-number",
      line: 1,
      column: 43,
      path: "LOCATION.latitude",
    });
    expect(issuesOf(syntheticEpw().replace("25.00,2.0", "25.00,5.5"))[0]?.code).toBe(
      "unsupported-utc-offset",
    );
    expect(issuesOf(syntheticEpw().replace("60.00,25.00", "95.00,25.00"))[0]?.code).toBe("out-of-range");
  });

  it("missing-value for the EPW missing codes, out-of-range, bad-number with line and column", () => {
    const i = issuesOf(
      syntheticEpw((r) => {
        r[0] = row(1, 1, 1, 99.9, 0);
        r[1] = (r[1] ?? "").replace(",80,", ",180,");
        r[2] = (r[2] ?? "").replace(",80,", ",8o,");
      }),
    );
    expect(i.map((x) => [x.code, x.path, x.line])).toEqual([
      ["missing-value", "Dry Bulb Temperature", 9],
      ["out-of-range", "Relative Humidity", 10],
      ["bad-number", "Relative Humidity", 11],
    ]);
  });

  it("wrong-column-count, time-gap, duplicate-time, bad-timestamp, wrong-row-count", () => {
    expect(issuesOf(syntheticEpw((r) => (r[3] = "1999,1,1,4,60")))[0]).toMatchObject({
      code: "wrong-column-count",
      line: 12,
    });
    expect(issuesOf(syntheticEpw((r) => r.splice(10, 2))).map((x) => x.code)).toEqual([
      "time-gap",
      "wrong-row-count",
    ]);
    expect(issuesOf(syntheticEpw((r) => (r[5] = r[4] ?? ""))).map((x) => x.code)).toEqual([
      "duplicate-time",
      "time-gap",
    ]);
    expect(issuesOf(syntheticEpw((r) => (r[0] = row(1, 1, 0, 0, 0))))[0]?.code).toBe("bad-timestamp");
    expect(issuesOf(syntheticEpw((r) => r.push(row(2, 29, 1, 0, 0))))[0]).toMatchObject({
      code: "bad-timestamp",
      message: "x.epw:8769:6: 29 February is not part of a typical year",
    });
  });
});

describe(`parseEpw on the ASHRAE IWEC Helsinki file${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)(
    "matches SOURCE.md: mean T 5.18 degC, GHI 947 kWh/m2/a, UTC+2 at 60.32 N 24.97 E",
    () => {
      const r = parseEpw(readShared("weather_helsinki_iwec_epw/FIN_Helsinki.029740_IWEC.epw"), {
        timeZone: "Europe/Helsinki",
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const s = weatherStats(r.value);
      expect(s.meanTemperatureC).toBeCloseTo(5.18, 2);
      expect(Math.round(s.ghiTotalKwhM2)).toBe(947);
      expect(r.value.location).toMatchObject({ latitudeDeg: 60.32, longitudeDeg: 24.97, utcOffsetHours: 2 });
      expect(r.value.timeline.timeZone).toBe("Europe/Helsinki");
      // Irradiance-weighted mean UTC hour (midpoint) is near solar noon at 24.97 E: 12:00 - 1.66 h = ~10.3 UTC.
      let wsum = 0;
      let hsum = 0;
      r.value.ghiWm2.forEach((g, i) => {
        wsum += g;
        hsum += g * ((i % 24) + 0.5);
      });
      expect(hsum / wsum).toBeGreaterThan(10.0);
      expect(hsum / wsum).toBeLessThan(10.7);
    },
  );
});
