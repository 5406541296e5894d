import { describe, expect, it } from "vitest";
import { geoJsonRing, layoutSite } from "./site-layout.js";

describe("layoutSite", () => {
  it("lays out a schematic plan when groups have no footprints; assets sit in their location's cell", () => {
    const model = {
      buildingGroups: [
        { id: "a", heatedFloorArea: 10000 },
        { id: "b", heatedFloorArea: 400 },
      ],
      assets: [
        { id: "pv-a", kind: "pv", location: "a" },
        { id: "grid", kind: "gridConnection" },
      ],
    };
    const plan = layoutSite(model);
    expect(plan.schematic).toBe(true);
    const a = plan.items.find((i) => i.id === "a")!;
    const b = plan.items.find((i) => i.id === "b")!;
    expect(a.size).toBeGreaterThan(b.size);
    const pv = plan.items.find((i) => i.id === "pv-a")!;
    expect(Math.abs(pv.x - a.x)).toBeLessThanOrEqual(a.size / 2);
    const grid = plan.items.find((i) => i.id === "grid")!;
    expect(grid.y).toBeGreaterThan(a.y + a.size / 2);
    for (const i of plan.items) {
      expect(i.x).toBeGreaterThanOrEqual(0);
      expect(i.x).toBeLessThanOrEqual(plan.width);
      expect(i.y).toBeLessThanOrEqual(plan.height);
    }
  });

  it("uses GeoJSON footprints when every group has one (metres, north up)", () => {
    const square = (lon: number, lat: number) => ({
      type: "Polygon",
      coordinates: [
        [
          [lon, lat],
          [lon + 0.001, lat],
          [lon + 0.001, lat + 0.001],
          [lon, lat + 0.001],
          [lon, lat],
        ],
      ],
    });
    const plan = layoutSite({
      buildingGroups: [
        { id: "south", footprint: square(24.73, 60.217) },
        { id: "north", footprint: square(24.73, 60.219) },
      ],
    });
    expect(plan.schematic).toBe(false);
    const south = plan.items.find((i) => i.id === "south")!;
    const north = plan.items.find((i) => i.id === "north")!;
    expect(north.y).toBeLessThan(south.y);
    // 0.002 degrees of latitude is about 221 m.
    expect(south.y - north.y).toBeCloseTo(221, -1);
  });

  it("reads rings from features and rejects other values", () => {
    expect(
      geoJsonRing({
        type: "Feature",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
            ],
          ],
        },
      }),
    ).toHaveLength(3);
    expect(geoJsonRing({ type: "Point", coordinates: [0, 0] })).toBeUndefined();
    expect(geoJsonRing("x")).toBeUndefined();
  });
});
