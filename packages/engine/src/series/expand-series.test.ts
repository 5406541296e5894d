import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localCalendar } from "../time/local-calendar.js";
import { createTimeline } from "../time/timeline.js";
import { expandSeries } from "./expand-series.js";

const year = createTimeline({ start: "2025-01-01", timeZone: "Europe/Helsinki" });
const day = createTimeline({ start: "2025-01-31T12:00", hours: 24, timeZone: "Europe/Helsinki" });

describe("expandSeries", () => {
  it("expands constants", () => {
    for (const spec of [3.5, { constant: 3.5, unit: "kW" }]) {
      const r = expandSeries(spec, day);
      expect(r.ok && [...r.value]).toEqual(new Array(24).fill(3.5));
    }
  });
  it("picks monthly values by LOCAL month (Helsinki midnight 31 Jan/1 Feb is 22:00 UTC)", () => {
    const monthly = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const r = expandSeries({ monthly }, day);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 12:00..23:00 local on 31 Jan are January, 00:00..11:00 on 1 Feb are February.
    expect([...r.value]).toEqual([...new Array(12).fill(1), ...new Array(12).fill(2)]);
    const full = expandSeries({ monthly }, year, localCalendar(year));
    expect(full.ok && full.value.reduce((a, b) => a + b, 0)).toBe(
      31 * 24 * 1 +
        28 * 24 * 2 +
        (31 * 24 - 1) * 3 +
        30 * 24 * 4 +
        31 * 24 * 5 +
        30 * 24 * 6 +
        31 * 24 * 7 +
        31 * 24 * 8 +
        30 * 24 * 9 +
        (31 * 24 + 1) * 10 +
        30 * 24 * 11 +
        31 * 24 * 12,
    );
  });
  it("copies hourly series of the right length", () => {
    const hourly = Array.from({ length: 24 }, (_, i) => i * 0.5);
    const r = expandSeries({ hourly }, day);
    expect(r.ok && [...r.value]).toEqual(hourly);
  });
  it("reports wrong lengths, non-finite and negative values with paths", () => {
    const a = expandSeries({ hourly: [1, 2, 3] }, day, undefined, { path: "demand" });
    expect(!a.ok && a.issues.map((i) => [i.code, i.path])).toEqual([["hourly-length", "demand.hourly"]]);
    const b = expandSeries({ monthly: [1, 2] }, day);
    expect(!b.ok && b.issues[0]?.code).toBe("monthly-length");
    const c = expandSeries({ monthly: [1, 2, 3, 4, 5, Number.NaN, 7, 8, 9, 10, 11, -1] }, day, undefined, {
      nonNegative: true,
    });
    expect(!c.ok && c.issues.map((i) => [i.code, i.path])).toEqual([
      ["not-finite", "monthly[5]"],
      ["negative-value", "monthly[11]"],
    ]);
    const d = expandSeries({ foo: 1 } as never, day);
    expect(!d.ok && d.issues[0]?.code).toBe("invalid-series");
  });
  it("never throws and yields finite values on success for arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.anything(), (spec) => {
        const r = expandSeries(spec as never, day);
        if (r.ok) {
          expect(r.value.length).toBe(24);
          expect(r.value.every(Number.isFinite)).toBe(true);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
