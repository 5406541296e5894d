import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Timeline } from "../time/timeline.js";
import { upgradeWasteHeat } from "./upgrade-waste-heat.js";
import { wasteHeatFromAnnual } from "./waste-heat-from-annual.js";
import { WATER_HEAT_CAPACITY_KWH_PER_M3K, wasteHeatAvailability, type WasteHeatInput } from "./waste-heat.js";

const day: Timeline = { startUtcMs: Date.UTC(2025, 0, 1), hours: 24, timeZone: "Europe/Helsinki" };

function ok<T>(r: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("wasteHeatAvailability", () => {
  it("supermarket: condenser heat = electricity × (1 + COP) × recoverable share", () => {
    const w = ok(
      wasteHeatAvailability({
        kind: "supermarketRefrigeration",
        timeline: day,
        refrigerationElectricityKw: 50,
      }),
    );
    expect(w.heatKwh[5]).toBeCloseTo(50 * 3.5 * 0.8, 12);
    expect(w.temperatureC[5]).toBe(30);
    const custom = ok(
      wasteHeatAvailability({
        kind: "supermarketRefrigeration",
        timeline: day,
        refrigerationElectricityKw: 10,
        coolingCop: 3,
        recoverableShare: 1,
      }),
    );
    expect(custom.heatKwh[0]).toBeCloseTo(40, 12);
  });

  it("data centre: IT load × recoverable share, following an hourly IT load", () => {
    const it = Float64Array.from({ length: 24 }, (_, h) => 1000 + 10 * h);
    const w = ok(
      wasteHeatAvailability({ kind: "dataCentre", timeline: day, itLoadKw: it, temperatureC: 45 }),
    );
    expect(w.heatKwh[0]).toBeCloseTo(900, 12);
    expect(w.heatKwh[23]).toBeCloseTo(0.9 * 1230, 12);
    expect(w.temperatureC[23]).toBe(45);
  });

  it("sewage: ρ·c_p·flow·ΔT, ΔT limited by the minimum outlet temperature", () => {
    expect(WATER_HEAT_CAPACITY_KWH_PER_M3K).toBeCloseTo(1.1639, 4);
    const temps = new Float64Array(24).fill(10);
    temps[1] = 4;
    temps[2] = 1;
    const w = ok(
      wasteHeatAvailability({ kind: "sewage", timeline: day, flowM3PerH: 1000, temperatureC: temps }),
    );
    expect(w.heatKwh[0]).toBeCloseTo(1000 * 1.16389 * 5, 1);
    expect(w.heatKwh[1]).toBeCloseTo(1000 * 1.16389 * 2, 1);
    expect(w.heatKwh[2]).toBe(0);
  });

  it("custom heat is passed through", () => {
    const w = ok(wasteHeatAvailability({ kind: "custom", timeline: day, heatKw: 12, temperatureC: 22 }));
    expect(w.heatKwh[0]).toBe(12);
    expect(w.temperatureC[0]).toBe(22);
  });

  it("reports bad input as issues", () => {
    const r = wasteHeatAvailability({
      kind: "supermarketRefrigeration",
      timeline: day,
      refrigerationElectricityKw: new Float64Array(3),
      recoverableShare: 1.5,
    });
    expect(!r.ok && r.issues.map((i) => `${i.code}:${i.path}`)).toEqual([
      "length-mismatch:refrigerationElectricityKw",
      "out-of-range:recoverableShare",
    ]);
    const c = wasteHeatAvailability({
      kind: "sewage",
      timeline: day,
      flowM3PerH: -1,
      temperatureC: Number.NaN,
    });
    expect(!c.ok && c.issues.map((i) => i.code)).toEqual(["non-finite-value", "out-of-range"]);
  });

  it("property: never NaN or negative", () => {
    const input = fc.oneof(
      fc.record({
        kind: fc.constant("supermarketRefrigeration" as const),
        refrigerationElectricityKw: fc.double({ min: 0, max: 1e4, noNaN: true }),
        coolingCop: fc.double({ min: 0, max: 8, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant("dataCentre" as const),
        itLoadKw: fc.double({ min: 0, max: 1e5, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant("sewage" as const),
        flowM3PerH: fc.double({ min: 0, max: 1e5, noNaN: true }),
        temperatureC: fc.double({ min: -5, max: 30, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(input, (i) => {
        const w = ok(wasteHeatAvailability({ ...i, timeline: day } as WasteHeatInput));
        return w.heatKwh.every((v) => Number.isFinite(v) && v >= 0) && w.temperatureC.every(Number.isFinite);
      }),
      { seed: 17 },
    );
  });
});

describe("upgradeWasteHeat", () => {
  it("raises data-centre heat to network temperature with a Carnot-fraction COP", () => {
    const waste = ok(wasteHeatAvailability({ kind: "dataCentre", timeline: day, itLoadKw: 1000 }));
    const op = ok(upgradeWasteHeat({ wasteHeat: waste, sinkTempC: 75, capacityKw: 5000 }));
    const cop = (0.5 * (75 + 273.15)) / (75 - 25); // source = 30 degC − 5 K heat exchanger
    expect(op.cop[0]).toBeCloseTo(cop, 12);
    // Source-limited: all 900 kWh of waste heat is used.
    expect(op.sourceHeatKwh[0]).toBeCloseTo(900, 9);
    expect(op.heatKwh[0]).toBeCloseTo((900 * cop) / (cop - 1), 9);
  });

  it("is capacity-limited when the heat pump is small", () => {
    const waste = ok(wasteHeatAvailability({ kind: "sewage", timeline: day, flowM3PerH: 1000 }));
    const op = ok(
      upgradeWasteHeat({ wasteHeat: waste, sinkTempC: 65, capacityKw: 1000, model: "when2heat" }),
    );
    expect(op.heatKwh[0]).toBeCloseTo(1000, 9);
    expect(op.sourceHeatKwh[0]!).toBeLessThan(waste.heatKwh[0]!);
  });

  it("conserves energy every hour (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 30, max: 110, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        (heat, temp, sink, cap) => {
          const waste = ok(
            wasteHeatAvailability({ kind: "custom", timeline: day, heatKw: heat, temperatureC: temp }),
          );
          const op = ok(upgradeWasteHeat({ wasteHeat: waste, sinkTempC: sink, capacityKw: cap }));
          for (let t = 0; t < 24; t++) {
            const tol = 1e-9 * Math.max(1, op.heatKwh[t]!);
            if (Math.abs(op.heatKwh[t]! - op.electricityKwh[t]! - op.sourceHeatKwh[t]!) > tol) return false;
            if (op.sourceHeatKwh[t]! > heat + tol || op.heatKwh[t]! > cap + tol) return false;
            if (op.electricityKwh[t]! < 0 || op.sourceHeatKwh[t]! < 0) return false;
          }
          return true;
        },
      ),
      { seed: 23 },
    );
  });
});

describe("wasteHeatFromAnnual", () => {
  it("spreads the annual heat pro rata over the timeline, flat or by a shape", () => {
    const flat = ok(wasteHeatFromAnnual({ kind: "dataCentre", timeline: day, annualHeatKwh: 8760 * 100 }));
    expect(flat.heatKwh.every((v) => Math.abs(v - 100) < 1e-9)).toBe(true);
    expect(flat.temperatureC[0]).toBe(30);
    const shape = Float64Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 21 ? 1 : 0));
    const shaped = ok(
      wasteHeatFromAnnual({
        kind: "supermarketRefrigeration",
        timeline: day,
        annualHeatKwh: 8760 * 100,
        shape,
      }),
    );
    expect(shaped.heatKwh.reduce((s, v) => s + v, 0)).toBeCloseTo(2400, 9);
    expect(shaped.heatKwh[3]).toBe(0);
    expect(shaped.heatKwh[10]).toBeCloseTo(2400 / 13, 9);
  });

  it("needs a temperature for industrial waste heat", () => {
    const r = wasteHeatFromAnnual({ kind: "industrial", timeline: day, annualHeatKwh: 1000 });
    expect(!r.ok && r.issues[0]?.code).toBe("missing-waste-heat-temperature");
    const ok2 = wasteHeatFromAnnual({
      kind: "industrial",
      timeline: day,
      annualHeatKwh: 1000,
      temperatureC: 60,
    });
    expect(ok2.ok).toBe(true);
  });
});
