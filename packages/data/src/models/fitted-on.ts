import { MS_PER_HOUR, type Timeline } from "@kera/engine";

/** The hours a statistical model was fitted on: ISO 8601 UTC bounds (end exclusive) and the count. */
export interface FittedOn {
  readonly fromUtc: string;
  readonly toUtc: string;
  readonly hours: number;
}

/** `fittedOn` of a model fitted on the first `hours` hours of `timeline`. */
export function fittedOnOf(timeline: Timeline, hours: number): FittedOn {
  return {
    fromUtc: new Date(timeline.startUtcMs).toISOString(),
    toUtc: new Date(timeline.startUtcMs + hours * MS_PER_HOUR).toISOString(),
    hours,
  };
}
