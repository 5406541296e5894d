import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readSeriesFile, readSeriesFileSync } from "./read-series-file.js";

describe("readSeriesFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "kera-series-"));
  const text = "time,load [MW]\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n";
  writeFileSync(join(dir, "load.csv"), text);
  writeFileSync(join(dir, "load.csv.gz"), gzipSync(text));
  writeFileSync(join(dir, "bad.csv"), "time,load [MW]\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,x\n");

  it("reads plain and gzip files into canonical units", async () => {
    const a = await readSeriesFile(join(dir, "load.csv"));
    const b = readSeriesFileSync(join(dir, "load.csv.gz"));
    expect(a.ok && Array.from(a.value.columns[0]?.values ?? [])).toEqual([1000, 2000]);
    expect(b.ok && b.value.columns[0]?.unit).toBe("kW");
  });

  it("names the file in messages and reports unreadable files", async () => {
    const bad = await readSeriesFile(join(dir, "bad.csv"));
    expect(!bad.ok && bad.issues[0]?.message).toBe('bad.csv:3:19: load "x" is not a number');
    const missing = readSeriesFileSync(join(dir, "nope.csv"));
    expect(!missing.ok && missing.issues[0]?.code).toBe("file-not-readable");
  });
});
