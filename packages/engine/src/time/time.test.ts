import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import { civilFromDays, daysFromCivil, isLeapYear, isoWeekdayOfDays, mondayOfIsoWeek } from "./civil-date.js";
import { easterSundayDays, finnishPublicHolidays, finnishSchoolHolidays } from "./finnish-holidays.js";
import { localCalendar } from "./local-calendar.js";
import { checkTimelineOptions, createTimeline, hourIndexAt, MS_PER_HOUR } from "./timeline.js";
import { localToUtcMs, utcOffsetMinutes } from "./zone-offset.js";

const HEL = "Europe/Helsinki";
const iso = (days: number): string => {
  const c = civilFromDays(days);
  return `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
};

describe("civil date arithmetic", () => {
  it("round-trips day numbers and agrees with Date.UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const c = civilFromDays(days);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
        const d = new Date(days * 86_400_000);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(isoWeekdayOfDays(days)).toBe(((d.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });
  it("applies the Gregorian leap-year rule", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });
  it("finds ISO week Mondays (ISO 8601: 2026-W01 starts 2025-12-29, 2020-W53 exists)", () => {
    expect(iso(mondayOfIsoWeek(2026, 1))).toBe("2025-12-29");
    expect(iso(mondayOfIsoWeek(2025, 8))).toBe("2025-02-17");
    expect(iso(mondayOfIsoWeek(2020, 53))).toBe("2020-12-28");
  });
});

describe("time zones via Intl", () => {
  it("gives Helsinki EET/EEST offsets and EU switch instants (01:00 UTC, last Sunday of Mar/Oct)", () => {
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 0, 15))).toBe(120);
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 6, 15))).toBe(180);
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 2, 30, 0, 59))).toBe(120);
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 2, 30, 1, 0))).toBe(180);
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 9, 26, 0, 59))).toBe(180);
    expect(utcOffsetMinutes(HEL, Date.UTC(2025, 9, 26, 1, 0))).toBe(120);
  });
  it("maps local wall time to UTC", () => {
    expect(localToUtcMs(HEL, 2025, 1, 1)).toBe(Date.UTC(2024, 11, 31, 22));
    expect(localToUtcMs(HEL, 2025, 7, 1, 12)).toBe(Date.UTC(2025, 6, 1, 9));
  });
});

describe("createTimeline", () => {
  it("defaults to one local calendar year: 8760, or 8784 in a leap year", () => {
    const t = createTimeline({ start: "2025-01-01", timeZone: HEL });
    expect(t.startUtcMs).toBe(Date.UTC(2024, 11, 31, 22));
    expect(t.hours).toBe(8760);
    expect(createTimeline({ start: "2024-01-01", timeZone: HEL }).hours).toBe(8784);
    expect(createTimeline({ start: "2024-01-01T00:00:00Z", timeZone: "UTC" }).hours).toBe(8784);
    expect(createTimeline({ start: "2025-06-01", timeZone: HEL }).hours).toBe(8760);
  });
  it("accepts instants with an offset and explicit hours", () => {
    const t = createTimeline({ start: "2025-01-01T02:00+02:00", hours: 24, timeZone: HEL });
    expect(t).toEqual({ startUtcMs: Date.UTC(2025, 0, 1, 0), hours: 24, timeZone: HEL });
    expect(hourIndexAt(t, Date.UTC(2025, 0, 1, 5, 30))).toBe(5);
    expect(hourIndexAt(t, Date.UTC(2025, 0, 2, 0))).toBe(-1);
  });
  it("reports every bad option as an issue and throws EngineError from createTimeline", () => {
    const issues = checkTimelineOptions({ start: "2025-02-30", hours: 0, timeZone: "Mars/Olympus" });
    expect(issues.map((i) => i.code).sort()).toEqual(["invalid-hours", "invalid-start", "unknown-time-zone"]);
    expect(() => createTimeline({ start: "nope", timeZone: HEL })).toThrow(EngineError);
  });
});

describe("Finnish holidays", () => {
  it("computes Easter Sunday (published dates 2024-03-31, 2025-04-20, 2026-04-05, 2038-04-25)", () => {
    expect([2024, 2025, 2026, 2038].map((y) => iso(easterSundayDays(y)))).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2038-04-25",
    ]);
  });
  it("lists the 2026 holidays as published (logifie.com/pt/holidays/FI/2026)", () => {
    const got = finnishPublicHolidays(2026).map((h) => `${iso(h.days)} ${h.name}`);
    expect(got).toEqual([
      "2026-01-01 New Year's Day",
      "2026-01-06 Epiphany",
      "2026-04-03 Good Friday",
      "2026-04-05 Easter Sunday",
      "2026-04-06 Easter Monday",
      "2026-05-01 May Day",
      "2026-05-14 Ascension Day",
      "2026-05-24 Whit Sunday",
      "2026-06-19 Midsummer Eve",
      "2026-06-20 Midsummer Day",
      "2026-10-31 All Saints' Day",
      "2026-12-06 Independence Day",
      "2026-12-24 Christmas Eve",
      "2026-12-25 Christmas Day",
      "2026-12-26 St Stephen's Day",
    ]);
  });
  it("puts Midsummer Day on a Saturday 20-26 June and All Saints' Day on a Saturday 31 Oct-6 Nov", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1956, max: 2200 }), (year) => {
        const hs = finnishPublicHolidays(year);
        const mid = hs.find((h) => h.name === "Midsummer Day");
        const saints = hs.find((h) => h.name === "All Saints' Day");
        expect(mid && isoWeekdayOfDays(mid.days)).toBe(6);
        expect(saints && isoWeekdayOfDays(saints.days)).toBe(6);
        const m = civilFromDays(mid?.days ?? 0);
        expect(m.month === 6 && m.day >= 20 && m.day <= 26).toBe(true);
        const s = saints?.days ?? 0;
        expect(s >= daysFromCivil(year, 10, 31) && s <= daysFromCivil(year, 11, 6)).toBe(true);
      }),
    );
  });
  it("school holidays 2026: summer from 31 May, autumn week 42, winter week 8 by default", () => {
    const s = finnishSchoolHolidays(2026);
    const has = (y: number, m: number, d: number): boolean => s.has(daysFromCivil(y, m, d));
    expect(has(2026, 5, 30)).toBe(false);
    expect(has(2026, 5, 31)).toBe(true);
    expect(has(2026, 7, 15)).toBe(true);
    expect(has(2026, 8, 10)).toBe(true);
    expect(has(2026, 8, 11)).toBe(false);
    expect(has(2026, 10, 12)).toBe(true);
    expect(has(2026, 2, 16)).toBe(true);
    expect(has(2026, 2, 23)).toBe(false);
    expect(finnishSchoolHolidays(2026, { winterBreakIsoWeek: 9 }).has(daysFromCivil(2026, 2, 23))).toBe(true);
  });
});

describe("localCalendar", () => {
  const t2025 = createTimeline({ start: "2025-01-01", timeZone: HEL });
  const cal = localCalendar(t2025);

  it("starts at local midnight on Wednesday 1 January and is cached", () => {
    expect([cal.localHour[0], cal.weekday[0], cal.month[0], cal.dayOfYear[0], cal.isHoliday[0]]).toEqual([
      0, 3, 1, 1, 1,
    ]);
    expect(localCalendar(t2025)).toBe(cal);
  });
  it("has the two DST changes of 2025 and skips / repeats a local hour", () => {
    expect(cal.dstChanges).toEqual([
      {
        hourIndex: (Date.UTC(2025, 2, 30, 1) - t2025.startUtcMs) / MS_PER_HOUR,
        fromOffsetMin: 120,
        toOffsetMin: 180,
      },
      {
        hourIndex: (Date.UTC(2025, 9, 26, 1) - t2025.startUtcMs) / MS_PER_HOUR,
        fromOffsetMin: 180,
        toOffsetMin: 120,
      },
    ]);
    const spring = cal.dstChanges[0]?.hourIndex ?? 0;
    expect([cal.localHour[spring - 1], cal.localHour[spring]]).toEqual([2, 4]);
    const autumn = cal.dstChanges[1]?.hourIndex ?? 0;
    expect([cal.localHour[autumn - 1], cal.localHour[autumn]]).toEqual([3, 3]);
    expect(cal.isDstChange.reduce((a, b) => a + b, 0)).toBe(2);
    expect(cal.isDst[spring]).toBe(1);
    expect(cal.isDst[autumn]).toBe(0);
  });
  it("counts 24 local hours on every day except the two DST days (23 and 25)", () => {
    const perDay = new Map<number, number>();
    for (let i = 0; i < t2025.hours; i++) {
      const d = cal.dayOfYear[i] ?? 0;
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    expect(perDay.size).toBe(365);
    expect([...perDay.values()].filter((n) => n !== 24).sort()).toEqual([23, 25]);
  });
  it("agrees with Intl for arbitrary timelines, zones and hours (property)", () => {
    const zones = [HEL, "UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / MS_PER_HOUR, max: Date.UTC(2060, 0, 1) / MS_PER_HOUR }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 2999 }),
        (startHour, hours, timeZone, probe) => {
          const t = { startUtcMs: startHour * MS_PER_HOUR, hours, timeZone };
          const c = localCalendar(t);
          const i = probe % hours;
          const utc = t.startUtcMs + i * MS_PER_HOUR;
          const off = utcOffsetMinutes(timeZone, utc);
          expect(c.utcOffsetMin[i]).toBe(off);
          const local = new Date(utc + off * 60_000);
          expect(c.localHour[i]).toBe(local.getUTCHours());
          expect(c.month[i]).toBe(local.getUTCMonth() + 1);
          expect(c.weekday[i]).toBe(((local.getUTCDay() + 6) % 7) + 1);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("handles a leap year: 29 February exists and day 366 is 31 December", () => {
    const t = createTimeline({ start: "2024-01-01", timeZone: HEL });
    const c = localCalendar(t);
    const last = t.hours - 1;
    expect([c.dayOfYear[last], c.month[last], c.dayOfMonth[last], c.localHour[last]]).toEqual([
      366, 12, 31, 23,
    ]);
    const feb29 = c.dayOfMonth.findIndex((d, i) => d === 29 && c.month[i] === 2);
    expect(feb29).toBeGreaterThan(0);
  });
  it("marks Christmas Eve and Midsummer Eve 2025 as holidays, and a plain Tuesday not", () => {
    const at = (m: number, d: number, h = 12): number => hourIndexAt(t2025, localToUtcMs(HEL, 2025, m, d, h));
    expect(cal.isHoliday[at(12, 24)]).toBe(1);
    expect(cal.isHoliday[at(6, 20)]).toBe(1);
    expect(cal.isHoliday[at(11, 4)]).toBe(0);
    expect(cal.isSchoolHoliday[at(7, 1)]).toBe(1);
    expect(localCalendar(t2025, { holidays: "none" }).isHoliday[at(12, 24)]).toBe(0);
  });
});
