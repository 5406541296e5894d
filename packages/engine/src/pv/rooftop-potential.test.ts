import { describe, expect, it } from "vitest";
import { rooftopPvPotential, rowGroundCoverageRatio } from "./rooftop-potential.js";

describe("rooftopPvPotential", () => {
  it("row spacing geometry: flat modules cover the roof, steeper rows need wider spacing", () => {
    expect(rowGroundCoverageRatio(0, 30)).toBeCloseTo(1, 12);
    // tilt 30, sun at 30 degrees: pitch = L (cos 30 + sin 30 / tan 30) = 1.732 L
    expect(rowGroundCoverageRatio(30, 30)).toBeCloseTo(
      1 / (Math.cos(Math.PI / 6) + 0.5 / Math.tan(Math.PI / 6)),
      12,
    );
    expect(rowGroundCoverageRatio(40, 29.8)).toBeLessThan(rowGroundCoverageRatio(20, 29.8));
  });

  it("reproduces the Elo cross-check of the docs: ~12,000 m2 roof, 15 degree rows, 2016 modules -> ~1 MWp", () => {
    // KERA.md [B18], [B19]: Elo shopping centre (Ylojarvi), first > 1 MW roof PV in Finland, ~12,000 m2 roof.
    const elo = rooftopPvPotential({
      roofAreaM2: 12_000,
      layout: "south",
      tiltDeg: 15,
      moduleEfficiency: 0.165,
    });
    expect(elo.capacityKwp).toBeGreaterThan(850);
    expect(elo.capacityKwp).toBeLessThan(1150);
  });

  it("splits east-west into two halves and packs denser than south rows", () => {
    const ew = rooftopPvPotential({ roofAreaM2: 1000, layout: "east-west" });
    const south = rooftopPvPotential({ roofAreaM2: 1000, layout: "south" });
    expect(ew.arrays.map((a) => a.azimuthDeg)).toEqual([90, 270]);
    expect(ew.arrays[0]!.capacityKwp + ew.arrays[1]!.capacityKwp).toBeCloseTo(ew.capacityKwp, 12);
    expect(ew.capacityKwp).toBeGreaterThan(south.capacityKwp);
    expect(south.arrays).toEqual([{ tiltDeg: 30, azimuthDeg: 180, capacityKwp: south.capacityKwp }]);
    // 1000 m2 x 0.7 x 0.9 x 0.204 kWp/m2
    expect(ew.capacityKwp).toBeCloseTo(1000 * 0.7 * 0.9 * 0.204, 9);
    expect(rooftopPvPotential({ roofAreaM2: 1000, layout: "flat" }).tiltDeg).toBe(0);
  });

  it("scales linearly with roof area and rejects a negative area", () => {
    const a = rooftopPvPotential({ roofAreaM2: 500, layout: "south" });
    const b = rooftopPvPotential({ roofAreaM2: 1500, layout: "south" });
    expect(b.capacityKwp).toBeCloseTo(3 * a.capacityKwp, 9);
    expect(() => rooftopPvPotential({ roofAreaM2: -1, layout: "flat" })).toThrow(/invalid-roof-area/);
  });
});
