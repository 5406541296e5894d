import { describe, expect, it } from "vitest";
import { parseWeatherCsv } from "./weather-csv.js";

const typical = (
  edit?: (rows: string[]) => void,
  header = "temperature [degC],ghi [W/m2],dhi [W/m2],dni [W/m2],rh [%],wind_speed [m/s]",
) => {
  const rows = Array.from({ length: 8760 }, (_, i) => `${(i % 24) - 5},${i % 24 === 12 ? 300 : 0},50,0,80,3`);
  edit?.(rows);
  return [header, ...rows].join("\n");
};

describe("parseWeatherCsv", () => {
  it("reads a typical year without time stamps from 1 January 00:00 UTC (values = mean of the hour starting at the stamp)", () => {
    const r = parseWeatherCsv(typical(), { year: 2025, timeZone: "Europe/Helsinki" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timeline).toEqual({
      startUtcMs: Date.UTC(2025, 0, 1),
      hours: 8760,
      timeZone: "Europe/Helsinki",
    });
    expect(r.value.ghiWm2[12]).toBe(300);
    expect(r.value.temperatureC[0]).toBe(-5);
    expect(r.value.warnings).toEqual([]);
  });

  it("fills missing humidity and wind with TRY2020 means and warns", () => {
    const r = parseWeatherCsv(typical(undefined, "temp [degC],ghi [W/m2],dhi [W/m2],dni [W/m2],x [1],y [1]"));
    expect(r.ok && r.value.warnings.map((w) => [w.code, w.path])).toEqual([
      ["missing-column", "relative_humidity"],
      ["missing-column", "wind_speed"],
    ]);
  });

  it("missing-column, unit-mismatch, out-of-range, wrong-row-count", () => {
    const codes = (text: string) => {
      const r = parseWeatherCsv(text, { fileName: "w.csv" });
      return r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code);
    };
    expect(
      codes(typical(undefined, "temperature [degC],ghi [W/m2],dhi [W/m2],x [W/m2],rh [%],ws [m/s]")),
    ).toEqual(["missing-column"]);
    expect(
      codes(typical(undefined, "temperature [degC],ghi [kW],dhi [W/m2],dni [W/m2],rh [%],ws [m/s]")),
    ).toEqual(["unit-mismatch"]);
    expect(codes(typical((r) => (r[5] = "1,-3,0,0,80,3")))).toEqual(["out-of-range"]);
    expect(codes(typical((r) => r.pop()))).toEqual(["wrong-row-count"]);
    expect(codes(typical((r) => (r[7] = "1,abc,0,0,80,3")))).toEqual(["bad-number"]);
  });
});
