import * as z from "zod";
import { num, strict, text, withMeta } from "../metadata.js";

/** True when `zone` is an IANA time zone known to this runtime's Intl database. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const siteSchema = strict(
  {
    name: text("Name of the site, e.g. `Kera, Espoo`."),
    latitude: num({ description: "Latitude, WGS84, north positive.", unit: "deg", min: -90, max: 90 }),
    longitude: num({ description: "Longitude, WGS84, east positive.", unit: "deg", min: -180, max: 180 }),
    altitude: num({
      description: "Altitude above sea level (default 0 m).",
      unit: "m",
      min: -500,
      max: 9000,
    }).default(0),
    timeZone: withMeta(
      z.string().refine(isValidTimeZone, {
        params: { code: "invalid-time-zone", expected: "an IANA time zone such as Europe/Helsinki" },
        error: (iss) => `must be an IANA time zone such as Europe/Helsinki, got ${JSON.stringify(iss.input)}`,
      }),
      { description: "IANA time zone of the site, used for local time, schedules and display." },
    ),
  },
  "Where the district is.",
);
export type Site = z.output<typeof siteSchema>;
