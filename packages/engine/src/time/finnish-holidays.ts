import { daysFromCivil, isoWeekdayOfDays, mondayOfIsoWeek } from "./civil-date.js";

/**
 * Finnish public holidays and school holidays as day numbers (days since 1970-01-01, local dates).
 *
 * Public holidays (official "pyhäpäivät" plus the two de facto non-working eves):
 * - Church holidays: Church Act (kirkkolaki 1054/1993, ch. 4 § 2; carried into kirkkolaki 652/2023) — New Year's
 *   Day, Epiphany (6 Jan), Good Friday, Easter Sunday and Monday, Ascension Day (Easter + 39 d), Whit Sunday
 *   (Easter + 49 d), Midsummer Day, All Saints' Day, Christmas Day, St Stephen's Day. Since the 1955 reform
 *   Midsummer Day is the Saturday between 20 and 26 June and All Saints' Day the Saturday between 31 October
 *   and 6 November (the 1973 moves of Epiphany and Ascension were reversed in 1991).
 * - May Day (1 May) and Independence Day (6 Dec): secular holidays set by their own Acts of Parliament
 *   (statute numbers not verified in the stored sources).
 * - Midsummer Eve (Friday between 19 and 25 June) and Christmas Eve (24 Dec): not official holidays but
 *   non-working days under the Annual Holidays Act (vuosilomalaki 162/2005, § 4) and in practice closed.
 * Secondary source for the list and the moving rules: "Public holidays in Finland" (Wikipedia, stored copy
 * http://w.owiki.org/wiki/Public_holidays_in_Finland) and the University of Helsinki Almanac Office calendar
 * (https://hameenlinna.myintegration.fi/en/everyday-life-in-finland/finnish-holidays/).
 * Easter Sunday: Gregorian computus, anonymous algorithm (Meeus, "Astronomical Algorithms", 2nd ed., ch. 8).
 */

/** Gregorian Easter Sunday of a year as a day number (Meeus/Jones/Butcher algorithm). */
export function easterSundayDays(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** First day number in [from, from + 6] with the given ISO weekday (1 = Monday .. 7 = Sunday). */
function weekdayOnOrAfter(fromDays: number, isoWeekday: number): number {
  return fromDays + ((isoWeekday - isoWeekdayOfDays(fromDays) + 7) % 7);
}

/** A named holiday on a local date. */
export interface NamedDay {
  /** Days since 1970-01-01 of the local date. */
  readonly days: number;
  /** English name, e.g. "Midsummer Eve". */
  readonly name: string;
  /** False for the de facto holidays (Midsummer Eve, Christmas Eve). */
  readonly official: boolean;
}

/** Finnish public holidays of a year (see the module comment for sources), in date order. */
export function finnishPublicHolidays(year: number): NamedDay[] {
  const easter = easterSundayDays(year);
  const midsummerDay = weekdayOnOrAfter(daysFromCivil(year, 6, 20), 6);
  const list: NamedDay[] = [
    { days: daysFromCivil(year, 1, 1), name: "New Year's Day", official: true },
    { days: daysFromCivil(year, 1, 6), name: "Epiphany", official: true },
    { days: easter - 2, name: "Good Friday", official: true },
    { days: easter, name: "Easter Sunday", official: true },
    { days: easter + 1, name: "Easter Monday", official: true },
    { days: daysFromCivil(year, 5, 1), name: "May Day", official: true },
    { days: easter + 39, name: "Ascension Day", official: true },
    { days: easter + 49, name: "Whit Sunday", official: true },
    { days: midsummerDay - 1, name: "Midsummer Eve", official: false },
    { days: midsummerDay, name: "Midsummer Day", official: true },
    { days: weekdayOnOrAfter(daysFromCivil(year, 10, 31), 6), name: "All Saints' Day", official: true },
    { days: daysFromCivil(year, 12, 6), name: "Independence Day", official: true },
    { days: daysFromCivil(year, 12, 24), name: "Christmas Eve", official: false },
    { days: daysFromCivil(year, 12, 25), name: "Christmas Day", official: true },
    { days: daysFromCivil(year, 12, 26), name: "St Stephen's Day", official: true },
  ];
  return list.sort((x, y) => x.days - y.days);
}

/** Options for the school-holiday calendar; every default is an ESTIMATE of the Espoo pattern. */
export interface SchoolHolidayOptions {
  /**
   * ISO week of the winter break ("talviloma"). Finnish municipalities use weeks 8, 9 or 10 by region.
   * Default 8: the Uusimaa / Helsinki-region week (e.g. Lohja, Espoo's neighbour: 17–23 Feb 2025, week 8,
   * https://peda.net/lohja/peruskoulut/yhtenaiskoulut/my/koulu/luku-ja-loma-ajat). Estimate: Espoo's own
   * calendar was not in the stored sources; the issue text suggested week 9 (the central-Finland week, e.g.
   * Parkano 24 Feb – 2 Mar 2025) — set 9 here to follow it.
   */
  readonly winterBreakIsoWeek?: number;
  /** ISO week of the autumn break ("syysloma"); default 42 (southern Finland, e.g. 13–19 Oct 2025; estimate). */
  readonly autumnBreakIsoWeek?: number;
  /** Last day (in August) of the summer break; default 10 (schools restart about 6–12 Aug; estimate). */
  readonly summerBreakLastAugustDay?: number;
  /** First day (in December) of the Christmas break; default 21 (estimate); it runs to 6 January. */
  readonly christmasBreakFirstDecemberDay?: number;
}

/**
 * School-holiday day numbers of a calendar year (Finnish basic education, Espoo pattern; ESTIMATE):
 * - summer: from the Sunday after the Saturday of ISO week 22 (the spring term ends on that Saturday,
 *   e.g. 30 May 2026, 31 May 2025, 1 Jun 2024) to `summerBreakLastAugustDay` August;
 * - autumn break: Monday–Sunday of ISO week `autumnBreakIsoWeek`;
 * - Christmas: `christmasBreakFirstDecemberDay` December – 6 January;
 * - winter break: Monday–Sunday of ISO week `winterBreakIsoWeek`;
 * - Easter: Good Friday – Easter Monday; plus May Day and Ascension Day.
 * Sources for the pattern (other municipalities' published 2025–2027 calendars, same national frame): e.g.
 * https://peda.net/id/3b671b7e9a0, https://koski.fi/tyo-ja-loma-ajat-2025-2026/ . Weekends outside breaks are
 * not included (use `weekday`).
 */
export function finnishSchoolHolidays(year: number, options: SchoolHolidayOptions = {}): Set<number> {
  const winterWeek = options.winterBreakIsoWeek ?? 8;
  const autumnWeek = options.autumnBreakIsoWeek ?? 42;
  const summerLastAug = options.summerBreakLastAugustDay ?? 10;
  const xmasFirstDec = options.christmasBreakFirstDecemberDay ?? 21;
  const out = new Set<number>();
  const addRange = (from: number, to: number): void => {
    for (let d = from; d <= to; d++) out.add(d);
  };
  // Christmas break continuing from the previous year, up to and including Epiphany.
  addRange(daysFromCivil(year, 1, 1), daysFromCivil(year, 1, 6));
  const winterMonday = mondayOfIsoWeek(year, winterWeek);
  addRange(winterMonday, winterMonday + 6);
  const easter = easterSundayDays(year);
  addRange(easter - 2, easter + 1);
  out.add(daysFromCivil(year, 5, 1));
  out.add(easter + 39);
  const termEndSaturday = mondayOfIsoWeek(year, 22) + 5;
  addRange(termEndSaturday + 1, daysFromCivil(year, 8, summerLastAug));
  const autumnMonday = mondayOfIsoWeek(year, autumnWeek);
  addRange(autumnMonday, autumnMonday + 6);
  addRange(daysFromCivil(year, 12, xmasFirstDec), daysFromCivil(year, 12, 31));
  return out;
}
