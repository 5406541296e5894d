import { describe, expect, it } from "vitest";
import { solarPosition } from "./solar-position.js";
import { solarPositionSeries } from "./solar-position-series.js";

describe("solarPositionSeries", () => {
  it("agrees with the exact SPA within 1e-4 degrees over a year in Kera and across a year boundary", () => {
    const site = { latitude: 60.22, longitude: 24.66, altitude: 30 };
    const startUtcMs = Date.UTC(2019, 0, 1, 0, 30);
    const count = 8760 + 48;
    const s = solarPositionSeries({ startUtcMs, count, site });
    let worst = 0;
    for (let i = 0; i < count; i += 5) {
      const p = solarPosition(startUtcMs + i * 3_600_000, site);
      worst = Math.max(worst, Math.abs(p.apparentZenithDeg - s.apparentZenithDeg[i]!));
      worst = Math.max(worst, Math.abs(p.zenithDeg - s.zenithDeg[i]!));
      if (p.zenithDeg < 89.5) {
        worst = Math.max(worst, Math.abs(((p.azimuthDeg - s.azimuthDeg[i]! + 540) % 360) - 180));
      }
      expect(Math.abs(p.equationOfTimeMin - s.equationOfTimeMin[i]!)).toBeLessThan(1e-3);
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it("reproduces the SPA example at a 15-minute step and handles gaps in days", () => {
    const site = {
      latitude: 39.742476,
      longitude: -105.1786,
      altitude: 1830.14,
      pressurePa: 82000,
      temperatureC: 11,
      deltaTSeconds: 67,
    };
    const t = Date.UTC(2003, 9, 17, 19, 30, 30);
    const s = solarPositionSeries({ startUtcMs: t - 4 * 900_000, count: 9, stepMs: 900_000, site });
    expect(Math.abs(s.apparentZenithDeg[4]! - 50.11162)).toBeLessThan(1e-4);
    expect(Math.abs(s.azimuthDeg[4]! - 194.34024)).toBeLessThan(1e-4);
    const weekly = solarPositionSeries({ startUtcMs: t, count: 3, stepMs: 7 * 86_400_000, site });
    expect(Math.abs(weekly.apparentZenithDeg[0]! - 50.11162)).toBeLessThan(1e-4);
    const p = solarPosition(t + 14 * 86_400_000, site);
    expect(Math.abs(weekly.apparentZenithDeg[2]! - p.apparentZenithDeg)).toBeLessThan(1e-4);
  });
});
