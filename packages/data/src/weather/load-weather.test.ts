import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignWeatherToTimeline, fmiHeatingDegreeDays, weatherStats } from "@kera/engine";
import { HAS_SHARED_DATA, SHARED_DATA_DIR, SHARED_SKIP_NOTE } from "../test-support/shared-data.js";
import {
  detectWeatherFormat,
  loadDefaultWeather,
  loadWeather,
  loadWeatherSync,
  readWeatherFile,
} from "./load-weather.js";
import { WEATHER_DATASET_LIST, findWeatherDataset } from "./weather-datasets.js";

describe("shipped weather data sets", () => {
  it("has the present climate and 9 future climates with ids agreed with the schema", () => {
    expect(WEATHER_DATASET_LIST.map((d) => d.id)).toEqual([
      "fmi-try2020-vantaa",
      "fmi-try2020-vantaa-rcp26-2030",
      "fmi-try2020-vantaa-rcp26-2050",
      "fmi-try2020-vantaa-rcp26-2080",
      "fmi-try2020-vantaa-rcp45-2030",
      "fmi-try2020-vantaa-rcp45-2050",
      "fmi-try2020-vantaa-rcp45-2080",
      "fmi-try2020-vantaa-rcp85-2030",
      "fmi-try2020-vantaa-rcp85-2050",
      "fmi-try2020-vantaa-rcp85-2080",
    ]);
    expect(findWeatherDataset("fmi-try2020-vantaa-rcp45-2050")?.title).toBe(
      "FMI TRY2020 Vantaa, future climate RCP4.5 2050",
    );
  });

  // Reference: sanity-check table of shared/data/weather_vantaa_try2020_fmi/SOURCE.md (computed from FMI's files).
  it.each(WEATHER_DATASET_LIST.map((d) => [d.id, d] as const))(
    "%s loads and matches its SOURCE.md sanity checks",
    (_id, d) => {
      const r = loadWeatherSync(d.id);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const s = weatherStats(r.value);
      expect(s.hours).toBe(8760);
      expect(s.meanTemperatureC).toBeCloseTo(d.check.meanTemperatureC, 1);
      expect(Math.abs(s.ghiTotalKwhM2 - d.check.ghiKwhM2)).toBeLessThan(0.6);
      expect(Math.abs(s.hdd17Kd - d.check.hdd17Kd) / d.check.hdd17Kd).toBeLessThan(0.002);
      expect(r.value.source).toContain("CC BY 4.0");
      expect(r.value.timeline.timeZone).toBe("Europe/Helsinki");
    },
  );

  it("loadDefaultWeather is TRY2020 Vantaa and maps onto a leap-year timeline", () => {
    const w = loadDefaultWeather();
    expect(w.source).toMatch(/^FMI TRY2020 Vantaa, present climate/);
    const y2024 = alignWeatherToTimeline(w, {
      startUtcMs: Date.UTC(2024, 0, 1),
      hours: 8784,
      timeZone: "Europe/Helsinki",
    });
    const s = weatherStats(y2024);
    expect(s.hours).toBe(8784);
    // One extra day (a copy of 28 February) adds its degree days.
    expect(s.hdd17Kd).toBeGreaterThan(weatherStats(w).hdd17Kd);
  });

  it("FMI S17 of TRY2020 Vantaa lies below the Hyvinkää 1981-2010 normal 4306 Kd by a few hundred (REGULATIONS.md §5)", () => {
    const s17 = fmiHeatingDegreeDays(loadDefaultWeather());
    expect(s17.days).toBe(366); // 8760 UTC hours starting 02:00 local touch 366 local days
    expect(s17.totalKd).toBeLessThan(4306);
    expect(s17.totalKd).toBeGreaterThan(4306 - 600);
    // January is the coldest month in the S17 profile, as in the Hyvinkää monthly normals (712 Kd).
    expect(Math.max(...s17.monthlyKd)).toBe(s17.monthlyKd[0]);
  });

  it("async and {dataset} forms agree with the sync loader", async () => {
    const a = await loadWeather({ dataset: "fmi-try2020-vantaa-rcp85-2080" });
    const b = loadWeatherSync("fmi-try2020-vantaa-rcp85-2080");
    expect(a.ok && b.ok && Array.from(a.value.temperatureC.subarray(0, 48))).toEqual(
      b.ok ? Array.from(b.value.temperatureC.subarray(0, 48)) : [],
    );
  });

  it("decodes a shipped data set once per process and options; a user's file is read every time", async () => {
    const a = loadWeatherSync("fmi-try2020-vantaa-rcp45-2050");
    const b = await loadWeather({ dataset: "fmi-try2020-vantaa-rcp45-2050" });
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    const utc = loadWeatherSync("fmi-try2020-vantaa-rcp45-2050", { timeZone: "UTC" });
    expect(utc.ok && a.ok && utc.value !== a.value).toBe(true);
    expect(utc.ok && utc.value.timeline.timeZone).toBe("UTC");
    const dir = mkdtempSync(join(tmpdir(), "kera-weather-cache-"));
    const file = join(dir, "w.csv");
    const csv = (t: number) =>
      [
        "time,temperature [degC],ghi [W/m2],dhi [W/m2],dni [W/m2]",
        ...Array.from({ length: 24 }, (_, h) => `2025-06-01T${String(h).padStart(2, "0")}:00Z,${t},0,0,0`),
      ].join("\n");
    writeFileSync(file, csv(1));
    const first = loadWeatherSync({ file });
    writeFileSync(file, csv(2));
    const second = loadWeatherSync({ file });
    expect(first.ok && first.value.temperatureC[0]).toBe(1);
    expect(second.ok && second.value.temperatureC[0]).toBe(2);
  });

  it("reports unknown data sets and unreadable files as issues", async () => {
    const u = await loadWeather({ dataset: "fmi-try2020-vantaa-rcp45-2051" });
    expect(!u.ok && u.issues[0]).toMatchObject({ code: "unknown-weather-dataset", path: "weather.dataset" });
    const s = loadWeatherSync("fmi-try2020-helsinki");
    expect(!s.ok && s.issues[0]?.code).toBe("unknown-weather-dataset");
    const f = await loadWeather({ file: "no/such/file.epw" }, { baseDir: "/nonexistent" });
    expect(!f.ok && f.issues[0]).toMatchObject({
      code: "file-not-readable",
      value: "/nonexistent/no/such/file.epw",
    });
  });

  it("reads a generic weather CSV file relative to baseDir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kera-weather-"));
    const rows = Array.from(
      { length: 24 },
      (_, h) => `2025-06-01T${String(h).padStart(2, "0")}:00Z,${10 + h / 2},500,100,600`,
    );
    writeFileSync(
      join(dir, "w.csv"),
      ["time,temperature [degC],ghi [W/m2],dhi [W/m2],dni [W/m2]", ...rows].join("\n"),
    );
    const r = await loadWeather({ file: "w.csv" }, { baseDir: dir, timeZone: "Europe/Helsinki" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timeline).toEqual({
      startUtcMs: Date.UTC(2025, 5, 1),
      hours: 24,
      timeZone: "Europe/Helsinki",
    });
    expect(r.value.windSpeedMs[0]).toBe(4.15);
    const bad = await readWeatherFile(join(dir, "w.csv"), { format: "epw" });
    expect(!bad.ok && bad.issues[0]?.code).toBe("missing-header");
  });

  it("detects formats from extension and header", () => {
    expect(detectWeatherFormat("a.EPW", "")).toBe("epw");
    expect(detectWeatherFormat("x.csv.gz", "#c\nSTEP;YEAR;MON;DAY;HOUR;TEMP;RH")).toBe("fmiTry");
    expect(detectWeatherFormat("x.csv", "time,temperature [degC]")).toBe("csv");
  });
});

describe(`loadWeather on dev-only files${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)("reads the IWEC EPW by path with the format detected", async () => {
    const r = await readWeatherFile(
      join(SHARED_DATA_DIR, "weather_helsinki_iwec_epw/FIN_Helsinki.029740_IWEC.epw"),
    );
    expect(r.ok && r.value.timeline.timeZone).toBe("Etc/GMT-2");
    expect(r.ok && Math.round(weatherStats(r.value).ghiTotalKwhM2)).toBe(947);
  });
});
