import type { Issue, Result } from "@kera/schema";
import { localCalendar } from "../time/local-calendar.js";
import type { Timeline } from "../time/timeline.js";
import { EV_DEFAULTS, type HourOfDayDistribution } from "./distributions.js";
import { dayPlan, patternWeights, type DayPlan, type PlugPattern } from "./day-plan.js";
import { departureIndex, localDays, type EvCalendar, type LocalDay } from "./local-days.js";
import { createPrng } from "./prng.js";

export type { EvCalendar } from "./local-days.js";
export type { PlugPattern } from "./day-plan.js";

/** Input of {@link evChargingProfile}. Defaults are in {@link EV_DEFAULTS}. */
export interface EvChargingInput {
  readonly timeline: Timeline;
  /** Local hours, weekdays and holidays; default `localCalendar(timeline)`. */
  readonly calendar?: EvCalendar;
  /** Number of electric cars charging here (may be fractional in "expected" mode). */
  readonly cars: number;
  /** Kilometres driven per car and year, km. */
  readonly kmPerYear?: number;
  /** Electricity per km at the plug, kWh/km. */
  readonly kwhPerKm?: number;
  /** Energy charged per year by all cars together, kWh; when given it replaces cars × kmPerYear × kwhPerKm. */
  readonly annualDemandKwh?: number;
  /** Charger power per car, kW. */
  readonly chargerKw?: number;
  /** When cars plug in (probability per local hour). */
  readonly arrival?: HourOfDayDistribution;
  /** When cars leave (probability per local hour). */
  readonly departure?: HourOfDayDistribution;
  /**
   * "expected" (default): the expected value over the arrival/departure distributions — smooth, for fleets.
   * "sampled": each car draws its own arrival and departure every day from a seeded generator — peaky, for
   * few cars. Both give exactly the same total energy.
   */
  readonly mode?: "expected" | "sampled";
  /** Seed of the generator in "sampled" mode (default 1). */
  readonly seed?: number;
  /**
   * "overnight" (home charging) or "sameDay" (workplace charging); default: whichever order most workday
   * arrival/departure pairs follow.
   */
  readonly pattern?: PlugPattern;
}

/**
 * Flexibility envelope of the fleet. Any charging schedule x (kWh per hour) with x[t] ≤ maxPowerKw[t] and
 * minCumulativeKwh[t] ≤ Σ_{s ≤ t} x[s] ≤ maxCumulativeKwh[t] gives every car its energy before it leaves
 * (aggregated over cars: a relaxation, as usual for fleet envelopes).
 */
export interface EvEnvelope {
  /** Energy that must have been charged by the end of hour t (every car charging as late as possible), kWh. */
  readonly minCumulativeKwh: Float64Array;
  /** Energy that can have been charged by the end of hour t (every car charging at once on arrival), kWh. */
  readonly maxCumulativeKwh: Float64Array;
  /** Plugged-in charger power in hour t, kW. */
  readonly maxPowerKw: Float64Array;
}

/** Result of {@link evChargingProfile}. */
export interface EvChargingProfile {
  /** Uncontrolled charging (full power from plug-in until the car is full), kWh per hour. */
  readonly uncontrolledKwh: Float64Array;
  readonly envelope: EvEnvelope;
  /** Energy over the timeline: cars × kmPerYear × kwhPerKm / 365 × hours / 24 (or annualDemandKwh × hours / 8760), kWh. */
  readonly totalKwh: number;
  /** Mean energy per charging session and car, kWh. */
  readonly sessionKwh: number;
  /** The plug pattern used. */
  readonly pattern: PlugPattern;
}

/**
 * Hourly EV charging demand and its flexibility envelope.
 *
 * Each car drives kmPerYear/365 km a day and recharges once a day. Its day plan (an arrival and a departure
 * hour, drawn from `arrival` and `departure` by day type) follows the plug pattern: "overnight" (home: leaves
 * in the morning, comes back later, plugged in until the next day's departure) or "sameDay" (workplace:
 * arrives, leaves later the same day). A session lasts at least ⌈session energy / charger power⌉ hours, so it
 * is always feasible, and a car is never plugged in twice at once. Session energies are scaled so the total is
 * exactly cars × kmPerYear × kwhPerKm / 365 × hours / 24 (kWh). The timeline is treated as periodic (a typical
 * year): sessions still open at the end continue at the start; such a session is split at the boundary, the
 * part before the end being what uncontrolled charging delivers there.
 */
export function evChargingProfile(input: EvChargingInput): Result<EvChargingProfile> {
  const issues = validate(input);
  if (issues.length > 0) return { ok: false, issues };
  const hours = input.timeline.hours;
  const cal = input.calendar ?? localCalendar(input.timeline);
  const chargerKw = input.chargerKw ?? EV_DEFAULTS.chargerKw;
  const dailyKwh =
    input.annualDemandKwh !== undefined
      ? input.cars > 0
        ? input.annualDemandKwh / input.cars / 365
        : 0
      : ((input.kmPerYear ?? EV_DEFAULTS.kmPerYear) / 365) * (input.kwhPerKm ?? EV_DEFAULTS.kwhPerKm);
  const days = hours / 24;
  const minDwellFor = (kwh: number): number => Math.max(1, Math.ceil(kwh / chargerKw - 1e-9));

  // Sufficient for every session to fit: even one session carrying a car's energy for the whole timeline
  // (the worst case of a sampled car with a single arrival) can be charged within the timeline.
  const worstSessionHours = minDwellFor(dailyKwh * Math.max(1, days));
  if (worstSessionHours > hours) {
    return {
      ok: false,
      issues: [
        issue(
          "timeline-too-short",
          "timeline.hours",
          `(${hours} h) is shorter than the charging time it needs (${worstSessionHours} h at ${chargerKw} kW)`,
        ),
      ],
    };
  }

  const arrival = normalise(input.arrival ?? EV_DEFAULTS.arrival);
  const departure = normalise(input.departure ?? EV_DEFAULTS.departure);
  const pattern = input.pattern ?? detectPattern(arrival, departure);
  const plans = {
    workday: dayPlan(arrival.workday, departure.workday, pattern),
    freeDay: dayPlan(arrival.freeDay, departure.freeDay, pattern),
  };
  const dayList = localDays(cal, hours);
  const n = dayList.length;
  const planOf = (day: LocalDay): DayPlan => (day.freeDay ? plans.freeDay : plans.workday);
  // Where the session starting on day `d` ends: the same day, or the next (the last day's: the first, a period later).
  const endDay = (d: number): { day: LocalDay; shift: number } =>
    pattern === "sameDay"
      ? { day: dayList[d] as LocalDay, shift: 0 }
      : { day: dayList[(d + 1) % n] as LocalDay, shift: d + 1 === n ? hours : 0 };

  const envelope = createEnvelopeBuilder(hours, chargerKw);
  let sessionKwh = 0;
  if ((input.mode ?? "expected") === "expected") {
    let arrivalsPerCar = 0;
    for (const day of dayList) {
      const pA = planOf(day).arrive;
      for (let a = 0; a < 24; a++) if ((day.index[a] as number) >= 0) arrivalsPerCar += pA[a] as number;
    }
    sessionKwh = arrivalsPerCar > 0 ? (dailyKwh * days) / arrivalsPerCar : 0;
    const minDwell = minDwellFor(sessionKwh);
    for (let d = 0; d < n && sessionKwh > 0 && input.cars > 0; d++) {
      const day = dayList[d] as LocalDay;
      const plan = planOf(day);
      const end = endDay(d);
      // Departure probabilities given the arrival hour: from the joint plan (same day) or the next day's marginal.
      const nextDepart = planOf(end.day).depart;
      for (let a = 0; a < 24; a++) {
        const arrive = day.index[a] as number;
        const pa = plan.arrive[a] as number;
        if (arrive < 0 || pa <= 0) continue;
        for (let h = 0; h < 24; h++) {
          const share =
            pattern === "sameDay" ? (plan.joint[a * 24 + h] as number) / pa : (nextDepart[h] as number);
          if (share <= 0) continue;
          const leave = Math.max(departureIndex(end.day, h) + end.shift, arrive + minDwell);
          envelope.add(arrive, leave, input.cars * pa * share, sessionKwh);
        }
      }
    }
  } else {
    const random = createPrng(input.seed ?? 1);
    const arriveHour = new Int32Array(n);
    const leaveHour = new Int32Array(n);
    let total = 0;
    let count = 0;
    for (let car = 0; car < input.cars; car++) {
      let arrivals = 0;
      for (let d = 0; d < n; d++) {
        const day = dayList[d] as LocalDay;
        const k = draw(planOf(day).joint, random());
        const a = Math.floor(k / 24);
        leaveHour[d] = k % 24;
        arriveHour[d] = (day.index[a] as number) >= 0 ? a : -1;
        if (arriveHour[d]! >= 0) arrivals++;
      }
      if (arrivals === 0) continue;
      const kwh = (dailyKwh * days) / arrivals;
      const minDwell = minDwellFor(kwh);
      for (let d = 0; d < n; d++) {
        const a = arriveHour[d] as number;
        if (a < 0) continue;
        const arrive = (dayList[d] as LocalDay).index[a] as number;
        const end = endDay(d);
        const h = leaveHour[pattern === "sameDay" ? d : (d + 1) % n] as number;
        const leave = Math.max(departureIndex(end.day, h) + end.shift, arrive + minDwell);
        envelope.add(arrive, leave, 1, kwh);
        total += kwh;
        count++;
      }
    }
    sessionKwh = count > 0 ? total / count : 0;
  }
  return {
    ok: true,
    value: {
      ...envelope.finish(),
      totalKwh: input.cars * dailyKwh * days,
      sessionKwh,
      pattern,
    },
  };
}

/** The plug pattern most workday plans follow (home charging unless cars mostly arrive before they leave). */
function detectPattern(arrival: Normalised, departure: Normalised): PlugPattern {
  const w = patternWeights(arrival.workday, departure.workday);
  return w.sameDay > w.overnight ? "sameDay" : "overnight";
}

/** Index drawn from weights `p` (summing to ≥ u) with u uniform in [0, Σp). */
function draw(p: ArrayLike<number>, u: number): number {
  let acc = 0;
  for (let k = 0; k < p.length; k++) {
    acc += p[k] as number;
    if (u < acc) return k;
  }
  let last = p.length - 1;
  while (last > 0 && (p[last] as number) <= 0) last--;
  return last;
}

interface Normalised {
  workday: Float64Array;
  freeDay: Float64Array;
}

function normalise(d: HourOfDayDistribution): Normalised {
  const n = (p: readonly number[]): Float64Array => {
    const sum = p.reduce((s, v) => s + v, 0);
    return Float64Array.from(p, (v) => v / sum);
  };
  return { workday: n(d.workday), freeDay: n(d.freeDay) };
}

/** Accumulates charging sessions into the uncontrolled profile and the envelope without storing them. */
interface EnvelopeBuilder {
  /** Cars plugged in from the start of hour `arrive` to the start of hour `leave`, each needing `kwhPerCar`. */
  add(arrive: number, leave: number, cars: number, kwhPerCar: number): void;
  finish(): Pick<EvChargingProfile, "uncontrolledKwh" | "envelope">;
}

function createEnvelopeBuilder(hours: number, chargerKw: number): EnvelopeBuilder {
  const asap = new Float64Array(hours);
  const alap = new Float64Array(hours);
  // Plugged-in power as a difference array: +kW at plug-in, −kW at departure (prefix-summed in finish).
  const pluggedDelta = new Float64Array(hours + 1);
  const plug = (from: number, to: number, kw: number): void => {
    pluggedDelta[from] = (pluggedDelta[from] as number) + kw;
    pluggedDelta[to] = (pluggedDelta[to] as number) - kw;
  };
  // Charges `kwh` at up to `kw` within hours [from, to): as soon as possible, or as late as possible. The
  // energy fits by construction; a rounding residue goes into the window's last (first) hour.
  const forwards = (from: number, to: number, kwh: number, kw: number): void => {
    let left = kwh;
    for (let t = from; t < to && left > 0; t++) {
      const e = Math.min(kw, left);
      asap[t] = (asap[t] as number) + e;
      left -= e;
    }
    if (left > 0) asap[to - 1] = (asap[to - 1] as number) + left;
  };
  const backwards = (from: number, to: number, kwh: number, kw: number): void => {
    let left = kwh;
    for (let t = to - 1; t >= from && left > 0; t--) {
      const e = Math.min(kw, left);
      alap[t] = (alap[t] as number) + e;
      left -= e;
    }
    if (left > 0) alap[from] = (alap[from] as number) + left;
  };
  return {
    add(arriveAt, leaveAt, cars, kwhPerCar) {
      const kw = cars * chargerKw;
      const kwh = cars * kwhPerCar;
      if (!(kw > 0) || !(kwh > 0)) return;
      // Normalise onto the periodic timeline; a session may not wrap onto itself.
      const shift = arriveAt >= hours ? hours : 0;
      const arrive = arriveAt - shift;
      const leave = Math.min(leaveAt - shift, arrive + hours);
      if (leave <= hours) {
        forwards(arrive, leave, kwh, kw);
        backwards(arrive, leave, kwh, kw);
        plug(arrive, leave, kw);
        return;
      }
      // Split at the end of the timeline; the tail continues at hour 0 (periodic year). The part before the
      // end is what uncontrolled charging delivers there.
      const beforeEnd = Math.min(kwh, (hours - arrive) * kw);
      const afterEnd = kwh - beforeEnd;
      const tail = leave - hours;
      forwards(arrive, hours, beforeEnd, kw);
      backwards(arrive, hours, beforeEnd, kw);
      if (afterEnd > 0) {
        forwards(0, tail, afterEnd, kw);
        backwards(0, tail, afterEnd, kw);
      }
      plug(arrive, hours, kw);
      plug(0, tail, kw);
    },
    finish() {
      const maxPowerKw = new Float64Array(hours);
      let plugged = 0;
      for (let t = 0; t < hours; t++) {
        plugged += pluggedDelta[t] as number;
        maxPowerKw[t] = Math.max(plugged, 0); // guard rounding after many +/− pairs
      }
      const minCumulativeKwh = new Float64Array(hours);
      const maxCumulativeKwh = new Float64Array(hours);
      let lo = 0;
      let hi = 0;
      for (let t = 0; t < hours; t++) {
        lo += alap[t] as number;
        hi += asap[t] as number;
        minCumulativeKwh[t] = Math.min(lo, hi); // equal in exact arithmetic at the end; guard rounding
        maxCumulativeKwh[t] = hi;
      }
      return { uncontrolledKwh: asap, envelope: { minCumulativeKwh, maxCumulativeKwh, maxPowerKw } };
    },
  };
}

function validate(input: EvChargingInput): Issue[] {
  const issues: Issue[] = [];
  const hours = input.timeline.hours;
  if (!Number.isInteger(hours) || hours <= 0) {
    issues.push(issue("out-of-range", "timeline.hours", `must be a positive whole number, got ${hours}`));
  }
  const nonNegative = (v: number | undefined, path: string): void => {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
      issues.push(issue("out-of-range", path, `must be a finite number ≥ 0, got ${v}`));
    }
  };
  nonNegative(input.cars, "cars");
  nonNegative(input.kmPerYear, "kmPerYear");
  nonNegative(input.kwhPerKm, "kwhPerKm");
  nonNegative(input.annualDemandKwh, "annualDemandKwh");
  if ((input.annualDemandKwh ?? 0) > 0 && input.cars === 0) {
    issues.push(issue("out-of-range", "cars", "must be > 0 when annualDemandKwh is given"));
  }
  if (input.chargerKw !== undefined && !(Number.isFinite(input.chargerKw) && input.chargerKw > 0)) {
    issues.push(issue("out-of-range", "chargerKw", `must be a finite number > 0, got ${input.chargerKw}`));
  }
  if (input.mode === "sampled" && !Number.isInteger(input.cars)) {
    issues.push(
      issue("not-an-integer", "cars", `sampled mode needs a whole number of cars, got ${input.cars}`),
    );
  }
  for (const [name, d] of [
    ["arrival", input.arrival],
    ["departure", input.departure],
  ] as const) {
    if (d === undefined) continue;
    for (const kind of ["workday", "freeDay"] as const) {
      const p = d[kind];
      const path = `${name}.${kind}`;
      if (p.length !== 24) {
        issues.push(issue("length-mismatch", path, `needs 24 hourly values, got ${p.length}`));
      } else if (p.some((v) => !(Number.isFinite(v) && v >= 0)) || !(p.reduce((s, v) => s + v, 0) > 0)) {
        issues.push(issue("invalid-distribution", path, "values must be finite, ≥ 0 and not all zero"));
      }
    }
  }
  if (input.calendar !== undefined) {
    for (const key of ["localHour", "weekday", "isHoliday"] as const) {
      if (input.calendar[key].length !== hours) {
        issues.push(
          issue(
            "length-mismatch",
            `calendar.${key}`,
            `has ${input.calendar[key].length} hours, expected ${hours}`,
          ),
        );
      }
    }
  }
  return issues;
}

function issue(code: string, path: string, message: string): Issue {
  return { code, severity: "error", path, message: `${path} ${message}` };
}
