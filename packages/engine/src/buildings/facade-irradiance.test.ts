import { describe, expect, it } from "vitest";
import { solarPosition } from "../solar/index.js";
import { createTimeline } from "../time/timeline.js";
import type { Weather } from "../weather/weather.js";
import { facadeIrradiance, FACADE_ALBEDO, simpleSunPosition } from "./facade-irradiance.js";

const site = { latitude: 60.22, longitude: 24.66 };

describe("facade irradiance", () => {
  it("simple Spencer sun position agrees with the NREL SPA within 1 degree", () => {
    for (const ms of [Date.UTC(2025, 5, 21, 10), Date.UTC(2025, 0, 15, 10, 30), Date.UTC(2025, 8, 23, 6)]) {
      const spa = solarPosition(ms, site);
      const simple = simpleSunPosition(ms, site.latitude, site.longitude);
      expect(Math.abs((Math.acos(simple.cosZenith) * 180) / Math.PI - spa.zenithDeg)).toBeLessThan(1);
      expect(Math.abs((simple.azimuthRad * 180) / Math.PI - spa.azimuthDeg)).toBeLessThan(1.5);
    }
  });
  it("is isotropic diffuse + ground reflection at night-free diffuse-only hours and puts noon sun on the south facade", () => {
    const timeline = createTimeline({ start: "2025-06-21T00:00:00Z", hours: 24, timeZone: "UTC" });
    const n = 24;
    const ghi = new Float64Array(n).fill(100);
    const dhi = new Float64Array(n).fill(100);
    const dni = new Float64Array(n);
    dni[10] = 800; // 10:00-11:00 UTC = solar noon at 24.66 E (about 10:20 UTC)
    const w: Weather = {
      source: "test",
      timeline,
      temperatureC: new Float64Array(n),
      relativeHumidityPct: new Float64Array(n),
      windSpeedMs: new Float64Array(n),
      ghiWm2: ghi,
      dhiWm2: dhi,
      dniWm2: dni,
    };
    const f = facadeIrradiance(w, site);
    const diffuse = 0.5 * 100 + 0.5 * FACADE_ALBEDO * 100;
    expect(f.northWm2[3]).toBeCloseTo(diffuse, 9);
    expect(f.southWm2[3]).toBeCloseTo(diffuse, 9);
    // Midsummer noon: zenith about 36.8 deg, so the south facade gets DNI·sin(zenith) ≈ 0.6·DNI.
    expect(f.southWm2[10]! - diffuse).toBeGreaterThan(0.55 * 800);
    expect(f.southWm2[10]! - diffuse).toBeLessThan(0.62 * 800);
    expect(f.northWm2[10]).toBeCloseTo(diffuse, 9);
    expect(facadeIrradiance(w, site)).toBe(f);
  });
});
