import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { localCalendar } from "../time/local-calendar.js";
import type { Timeline } from "../time/timeline.js";
import { EV_DEFAULTS, wrappedNormalHours } from "./distributions.js";
import { evChargingProfile, type EvChargingInput, type EvChargingProfile } from "./ev-charging.js";

// 2025 in Helsinki: local midnight 1 January = 22:00 UTC on 31 December 2024.
const year: Timeline = { startUtcMs: Date.UTC(2024, 11, 31, 22), hours: 8760, timeZone: "Europe/Helsinki" };

function run(input: EvChargingInput): EvChargingProfile {
  const r = evChargingProfile(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function sum(a: Float64Array): number {
  return a.reduce((s, v) => s + v, 0);
}

/** Checks the envelope invariants and returns nothing; throws with a message on the first violation. */
function expectConsistent(p: EvChargingProfile, totalKwh: number): void {
  const { uncontrolledKwh, envelope } = p;
  const { minCumulativeKwh: lo, maxCumulativeKwh: hi, maxPowerKw } = envelope;
  const tol = 1e-9 * Math.max(1, totalKwh);
  let cum = 0;
  for (let t = 0; t < uncontrolledKwh.length; t++) {
    const x = uncontrolledKwh[t]!;
    cum += x;
    expect(Number.isFinite(x) && x >= 0).toBe(true);
    expect(x).toBeLessThanOrEqual(maxPowerKw[t]! + tol);
    expect(cum).toBeGreaterThanOrEqual(lo[t]! - tol);
    expect(cum).toBeLessThanOrEqual(hi[t]! + tol);
    const minStep = lo[t]! - (t > 0 ? lo[t - 1]! : 0);
    expect(minStep).toBeGreaterThanOrEqual(-tol);
    expect(minStep).toBeLessThanOrEqual(maxPowerKw[t]! + tol); // the latest schedule is itself feasible
  }
  expect(lo[lo.length - 1]!).toBeCloseTo(totalKwh, 6);
  expect(hi[hi.length - 1]!).toBeCloseTo(totalKwh, 6);
}

describe("evChargingProfile", () => {
  const base = { timeline: year, cars: 100, kmPerYear: 13_700, kwhPerKm: 0.2 };

  it("total energy = cars × km × kWh/km / 365 × days (expected mode)", () => {
    const p = run(base);
    const expected = (100 * 13_700 * 0.2 * 365) / 365;
    expect(p.totalKwh).toBeCloseTo(expected, 6);
    expect(sum(p.uncontrolledKwh)).toBeCloseTo(expected, 4);
    expectConsistent(p, expected);
  });

  it("total energy holds for a partial timeline and in sampled mode", () => {
    const tenDays: Timeline = { ...year, hours: 240 + 7 };
    const expected = (12 * 20_000 * 0.18 * (247 / 24)) / 365;
    for (const mode of ["expected", "sampled"] as const) {
      const p = run({ timeline: tenDays, cars: 12, kmPerYear: 20_000, kwhPerKm: 0.18, mode, seed: 9 });
      expect(sum(p.uncontrolledKwh)).toBeCloseTo(expected, 6);
      expectConsistent(p, expected);
    }
  });

  it("accepts the annual demand of all cars instead of km and kWh/km", () => {
    const p = run({ timeline: year, cars: 40, annualDemandKwh: 100_000 });
    expect(sum(p.uncontrolledKwh)).toBeCloseTo(100_000, 4);
    expectConsistent(p, 100_000);
  });

  it("uncontrolled charging peaks in the evening on workdays", () => {
    const p = run(base);
    const cal = localCalendar(year);
    const byHour = new Float64Array(24);
    for (let t = 0; t < year.hours; t++) {
      if (cal.weekday[t]! <= 5 && cal.isHoliday[t] === 0) byHour[cal.localHour[t]!]! += p.uncontrolledKwh[t]!;
    }
    const peak = byHour.indexOf(Math.max(...byHour));
    expect(peak).toBeGreaterThanOrEqual(16);
    expect(peak).toBeLessThanOrEqual(20);
    expect(byHour[4]!).toBeLessThan(byHour[peak]! / 10);
  });

  it("never has more cars plugged in than there are (both modes)", () => {
    for (const mode of ["expected", "sampled"] as const) {
      const p = run({ ...base, cars: 20, mode });
      expect(Math.max(...p.envelope.maxPowerKw)).toBeLessThanOrEqual(20 * EV_DEFAULTS.chargerKw + 1e-6);
      // at 03:00 on a workday nearly every car is home
      expect(p.envelope.maxPowerKw[24 * 14 + 3]!).toBeGreaterThan(0.8 * 20 * EV_DEFAULTS.chargerKw);
    }
  });

  it("the envelope allows shifting into the night: at 22:00 less must be charged than uncontrolled charging did", () => {
    const p = run(base);
    const t = 24 * 14 + 22; // a Wednesday, 22:00 local
    expect(p.envelope.minCumulativeKwh[t]!).toBeLessThan(p.envelope.maxCumulativeKwh[t]! - 100);
  });

  it("scales linearly with the number of cars (expected mode)", () => {
    const a = run({ ...base, cars: 10 });
    const b = run({ ...base, cars: 30 });
    for (let t = 0; t < 200; t++) expect(b.uncontrolledKwh[t]!).toBeCloseTo(3 * a.uncontrolledKwh[t]!, 9);
  });

  it("is deterministic in sampled mode and depends on the seed", () => {
    const small: Timeline = { ...year, hours: 24 * 14 };
    const a = run({ timeline: small, cars: 5, mode: "sampled", seed: 42 });
    const b = run({ timeline: small, cars: 5, mode: "sampled", seed: 42 });
    const c = run({ timeline: small, cars: 5, mode: "sampled", seed: 43 });
    expect(Array.from(a.uncontrolledKwh)).toEqual(Array.from(b.uncontrolledKwh));
    expect(Array.from(a.uncontrolledKwh)).not.toEqual(Array.from(c.uncontrolledKwh));
    expect(sum(c.uncontrolledKwh)).toBeCloseTo(sum(a.uncontrolledKwh), 6);
    // sampled sessions charge at full power: every hourly value is a multiple of the charger power or a remainder
    expect(Math.max(...a.uncontrolledKwh)).toBeLessThanOrEqual(5 * EV_DEFAULTS.chargerKw + 1e-9);
  });

  it("respects the charger power: a slow charger spreads the same energy over more hours", () => {
    const fast = run({ ...base, chargerKw: 22 });
    const slow = run({ ...base, chargerKw: 1.5 });
    expect(Math.max(...slow.uncontrolledKwh)).toBeLessThan(Math.max(...fast.uncontrolledKwh));
    expect(sum(slow.uncontrolledKwh)).toBeCloseTo(sum(fast.uncontrolledKwh), 4);
    expectConsistent(slow, slow.totalKwh);
  });

  it("accepts custom distributions and a calendar", () => {
    const arrival = { workday: wrappedNormalHours(9, 1), freeDay: wrappedNormalHours(9, 1) };
    const departure = { workday: wrappedNormalHours(16, 1), freeDay: wrappedNormalHours(16, 1) };
    const week: Timeline = { ...year, hours: 24 * 7 };
    const p = run({ timeline: week, calendar: localCalendar(week), cars: 50, arrival, departure });
    expect(p.pattern).toBe("sameDay"); // workplace charging: plugged in from arrival to departure the same day
    expect(p.envelope.maxPowerKw[3]!).toBeLessThan(0.01);
    expect(p.envelope.maxPowerKw[12]!).toBeGreaterThan(0.9 * 50 * EV_DEFAULTS.chargerKw);
    expect(p.uncontrolledKwh.indexOf(Math.max(...p.uncontrolledKwh)) % 24).toBeGreaterThanOrEqual(7);
    expect(p.uncontrolledKwh.indexOf(Math.max(...p.uncontrolledKwh)) % 24).toBeLessThanOrEqual(10);
    expectConsistent(p, p.totalKwh);
  });

  it("reports bad input as issues", () => {
    const r = evChargingProfile({
      timeline: { ...year, hours: 48 },
      cars: 2.5,
      mode: "sampled",
      chargerKw: 0,
      kwhPerKm: -1,
      arrival: { workday: [1, 2], freeDay: new Array<number>(24).fill(0) },
      calendar: localCalendar({ ...year, hours: 24 }),
    });
    expect(!r.ok && r.issues.map((i) => `${i.code}:${i.path}`)).toEqual([
      "out-of-range:kwhPerKm",
      "out-of-range:chargerKw",
      "not-an-integer:cars",
      "length-mismatch:arrival.workday",
      "invalid-distribution:arrival.freeDay",
      "length-mismatch:calendar.localHour",
      "length-mismatch:calendar.weekday",
      "length-mismatch:calendar.isHoliday",
    ]);
  });

  it("reports a timeline too short to charge in", () => {
    const r = evChargingProfile({
      timeline: { ...year, hours: 3 },
      cars: 1,
      kmPerYear: 100_000,
      chargerKw: 2,
    });
    expect(!r.ok && r.issues[0]?.code).toBe("timeline-too-short");
  });

  it("property: no NaN or negative energy, exact total, envelope consistent", () => {
    fc.assert(
      fc.property(
        fc.record({
          hours: fc.integer({ min: 24, max: 24 * 10 }),
          startHour: fc.integer({ min: 0, max: 24 * 365 }),
          cars: fc.integer({ min: 0, max: 40 }),
          kmPerYear: fc.double({ min: 0, max: 40_000, noNaN: true }),
          kwhPerKm: fc.double({ min: 0, max: 0.4, noNaN: true }),
          chargerKw: fc.double({ min: 1.4, max: 50, noNaN: true }),
          mode: fc.constantFrom("expected" as const, "sampled" as const),
          seed: fc.integer(),
        }),
        (c) => {
          const timeline = { ...year, startUtcMs: year.startUtcMs + c.startHour * 3_600_000, hours: c.hours };
          const p = run({ ...c, timeline });
          const expected = (c.cars * c.kmPerYear * c.kwhPerKm * (c.hours / 24)) / 365;
          expect(sum(p.uncontrolledKwh)).toBeCloseTo(expected, 6);
          expectConsistent(p, expected);
        },
      ),
      { seed: 5, numRuns: 60 },
    );
  });
});
