import { describe, expect, it } from "vitest";
import { localCalendar } from "../time/local-calendar.js";
import type { Timeline } from "../time/timeline.js";
import { dayPlan, patternWeights } from "./day-plan.js";
import { departureIndex, localDays } from "./local-days.js";
import { EV_DEFAULTS } from "./distributions.js";

describe("localDays", () => {
  it("joins the partial first and last local days of a UTC-aligned year (periodic timeline)", () => {
    const tl: Timeline = { startUtcMs: Date.UTC(2025, 0, 1), hours: 8760, timeZone: "Europe/Helsinki" };
    const days = localDays(localCalendar(tl), tl.hours);
    expect(days).toHaveLength(365);
    const last = days[days.length - 1]!;
    expect(last.index[0]).toBe(8760 - 2); // 00:00 local on 1 January 2026
    expect(last.index[2]).toBe(8760 + 0); // 02:00 local on 1 January 2025, one period later
    expect(last.end).toBe(8760 + 22);
  });

  it("handles daylight saving days: 23 and 25 local hours", () => {
    const tl: Timeline = { startUtcMs: Date.UTC(2024, 11, 31, 22), hours: 8760, timeZone: "Europe/Helsinki" };
    const days = localDays(localCalendar(tl), tl.hours);
    expect(days).toHaveLength(365);
    const spring = days[88]!; // 30 March 2025: 03:00 is skipped
    expect(spring.index[3]).toBe(-1);
    expect(departureIndex(spring, 3)).toBe(spring.index[4]);
    const autumn = days[298]!; // 26 October 2025: 03:00 occurs twice, the first is used
    expect(autumn.index[4]! - autumn.index[3]!).toBe(2);
  });

  it("marks weekends and holidays as free days", () => {
    const tl: Timeline = {
      startUtcMs: Date.UTC(2024, 11, 31, 22),
      hours: 24 * 7,
      timeZone: "Europe/Helsinki",
    };
    const days = localDays(localCalendar(tl), tl.hours);
    // Wed 1 Jan (New Year, holiday), Thu, Fri, Sat, Sun, Mon 6 Jan (Epiphany, holiday), Tue
    expect(days.map((d) => d.freeDay)).toEqual([true, false, false, true, true, true, false]);
  });
});

describe("dayPlan", () => {
  it("orders home-charging days: leave before coming back", () => {
    const plan = dayPlan(EV_DEFAULTS.arrival.workday, EV_DEFAULTS.departure.workday, "overnight");
    let sum = 0;
    for (let a = 0; a < 24; a++) {
      for (let d = 0; d < 24; d++) {
        const p = plan.joint[a * 24 + d]!;
        sum += p;
        if (d >= a) expect(p).toBe(0);
      }
    }
    expect(sum).toBeCloseTo(1, 12);
    expect(plan.arrive.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("detects the pattern from the distributions", () => {
    const home = patternWeights(EV_DEFAULTS.arrival.workday, EV_DEFAULTS.departure.workday);
    expect(home.overnight).toBeGreaterThan(home.sameDay);
  });

  it("falls back to independent hours when no pair is ordered", () => {
    const at = (h: number): number[] => Array.from({ length: 24 }, (_, i) => (i === h ? 1 : 0));
    const plan = dayPlan(at(5), at(20), "overnight");
    expect(plan.joint[5 * 24 + 20]).toBe(1);
  });
});
