import type { LocalCalendar } from "../time/local-calendar.js";

/** The calendar fields EV charging needs (a `LocalCalendar` from `localCalendar(timeline)` fits). */
export type EvCalendar = Pick<LocalCalendar, "localHour" | "weekday" | "isHoliday">;

/**
 * One local day of a timeline. `index[h]` is the hour index of local hour h (its first occurrence), or −1
 * when the day has no such hour (a partial day at either end, the hour skipped when clocks go forward).
 * Indices may reach past the timeline's end (≥ hours) in a day joined across the end of a periodic timeline.
 */
export interface LocalDay {
  readonly index: Int32Array;
  /** Saturday, Sunday or a public holiday. */
  readonly freeDay: boolean;
  /** One past the last hour index of the day. */
  readonly end: number;
}

/**
 * Splits a timeline into local days (runs of hours whose local hour does not go back). The timeline is treated
 * as periodic: a partial first day and a partial last day whose local hours do not overlap (a year starting
 * at 00:00 UTC, i.e. 02:00 in Helsinki) are joined into one day at the end.
 */
export function localDays(cal: EvCalendar, hours: number): LocalDay[] {
  interface Building {
    index: Int32Array;
    freeDay: boolean;
    count: number;
  }
  const days: Building[] = [];
  let cur: Building | undefined;
  for (let i = 0; i < hours; i++) {
    const h = cal.localHour[i] as number;
    if (cur === undefined || h < (cal.localHour[i - 1] as number)) {
      const freeDay = (cal.weekday[i] as number) >= 6 || (cal.isHoliday[i] as number) === 1;
      cur = { index: new Int32Array(24).fill(-1), freeDay, count: 0 };
      days.push(cur);
    }
    if ((cur.index[h] as number) < 0) cur.index[h] = i;
    cur.count++;
  }
  const first = days[0];
  const last = days[days.length - 1];
  if (first !== undefined && last !== undefined && first !== last) {
    let overlap = false;
    for (let h = 0; h < 24; h++) {
      if ((first.index[h] as number) >= 0 && (last.index[h] as number) >= 0) overlap = true;
    }
    if (!overlap) {
      for (let h = 0; h < 24; h++) {
        const i = first.index[h] as number;
        if (i >= 0) last.index[h] = i + hours;
      }
      if (first.count > last.count) last.freeDay = first.freeDay;
      last.count += first.count;
      days.shift();
    }
  }
  return days.map((d) => {
    let end = 0;
    for (let h = 0; h < 24; h++) end = Math.max(end, (d.index[h] as number) + 1);
    return { index: d.index, freeDay: d.freeDay, end };
  });
}

/** Hour index at which a car leaving at local hour h of `day` unplugs: that hour, else the next present one. */
export function departureIndex(day: LocalDay, h: number): number {
  for (let k = h; k < 24; k++) {
    const i = day.index[k] as number;
    if (i >= 0) return i;
  }
  return day.end;
}
