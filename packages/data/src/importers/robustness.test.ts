import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { WEATHER_ASSETS_DIR } from "../weather/load-weather.js";
import { parseEpw } from "./epw.js";
import { parseTryCsv } from "./try-csv.js";
import { parseCeaSchedule } from "../schedules/cea-schedule.js";
import { parseSeriesCsv } from "./series-csv.js";

const TRY = readFileSync(WEATHER_ASSETS_DIR + "Vantaa-TRY2020.csv", "utf8");
const TRY_LINES = TRY.split("\n");

describe("importers never throw and always point inside the file (fast-check)", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        for (const r of [parseTryCsv(text), parseEpw(text), parseCeaSchedule(text), parseSeriesCsv(text)]) {
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("on the shipped TRY2020 file with random single-character damage", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: TRY_LINES.length - 2 }),
        fc.nat(),
        fc.constantFrom("x", ";", "", "-", "9", ",", " "),
        (lineIndex, pos, ch) => {
          const lines = [...TRY_LINES];
          const line = lines[lineIndex] ?? "";
          const at = pos % Math.max(1, line.length);
          lines[lineIndex] = line.slice(0, at) + ch + line.slice(at + 1);
          const r = parseTryCsv(lines.join("\n"), { fileName: "try.csv" });
          if (r.ok) {
            expect(r.value.ghiWm2).toHaveLength(8760);
            return;
          }
          for (const i of r.issues) {
            expect(i.severity).toBe("error");
            // The damaged line, or the next one when a damaged time shows up as a gap there.
            if (i.line !== undefined && i.code !== "wrong-row-count") {
              expect([lineIndex + 1, lineIndex + 2]).toContain(i.line);
            }
            expect(i.message.startsWith("try.csv:")).toBe(true);
          }
        },
      ),
      { seed: 2, numRuns: 40 },
    );
  });
});
