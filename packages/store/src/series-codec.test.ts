import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeSeries, encodeSeries } from "./series-codec.js";

describe("series codec", () => {
  it("round-trips Float64 exactly and keeps Float32 as Float32", () => {
    const a = Float64Array.from([0, -0, 1.5, Math.PI, -1e300, 5e-324, Number.MAX_VALUE]);
    const b = Float32Array.from([0.1, 2.5, -3.25]);
    const out = decodeSeries(encodeSeries({ a, b, empty: [] }));
    expect(Object.keys(out)).toEqual(["a", "b", "empty"]);
    expect(out.a).toBeInstanceOf(Float64Array);
    expect(Array.from(out.a ?? [])).toEqual(Array.from(a));
    expect(Object.is(out.a?.[1], -0)).toBe(true);
    expect(out.b).toBeInstanceOf(Float32Array);
    expect(out.b).toEqual(b);
    expect(out.empty?.length).toBe(0);
  });

  it("precision f32 rounds to the nearest float32", () => {
    const out = decodeSeries(encodeSeries({ x: [0.1, 1 / 3] }, { precision: "f32" }));
    expect(out.x).toBeInstanceOf(Float32Array);
    expect(Array.from(out.x ?? [])).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
  });

  it("is compact: an 8760 h smooth profile compresses below its raw size", () => {
    const hourly = Float64Array.from({ length: 8760 }, (_, h) => Math.round(100 * Math.sin(h / 24)) / 4);
    const encoded = encodeSeries({ load: hourly });
    expect(encoded.byteLength).toBeLessThan(8760 * 8);
    expect(decodeSeries(encoded).load).toEqual(hourly);
  });

  it("rejects data that is not an encoded series", () => {
    expect(() => decodeSeries(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it("round-trips arbitrary named series (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 20 }), fc.array(fc.double(), { maxLength: 50 }), { maxKeys: 6 }),
        (input) => {
          const out = decodeSeries(encodeSeries(input));
          expect(Object.keys(out)).toEqual(Object.keys(input));
          for (const [k, v] of Object.entries(input)) expect(Array.from(out[k] ?? [])).toEqual(v);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("series codec format", () => {
  it("shuffles bytes before gzip, which shrinks noisy float64 series", () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const noisy = Float64Array.from(
      { length: 8760 },
      (_, h) => 50 + 40 * Math.sin((h / 24) * 2 * Math.PI) + 10 * rnd(),
    );
    const encoded = encodeSeries({ noisy });
    expect(decodeSeries(encoded).noisy).toEqual(noisy);
    expect(encoded.byteLength).toBeLessThan(0.9 * 8760 * 8);
  });

  it("still reads unshuffled data (header without shuffle)", () => {
    // hand-built: magic, header length, header, padding, one f64 value 2.5 little-endian, then gzip
    const header = new TextEncoder().encode(
      JSON.stringify({ series: [{ name: "x", dtype: "f64", length: 1 }] }),
    );
    const start = (8 + header.length + 7) & ~7;
    const raw = new Uint8Array(start + 8);
    raw.set(new TextEncoder().encode("KSR1"), 0);
    new DataView(raw.buffer).setUint32(4, header.length, true);
    raw.set(header, 8);
    new DataView(raw.buffer).setFloat64(start, 2.5, true);
    expect(Array.from(decodeSeries(gzipSync(raw)).x ?? [])).toEqual([2.5]);
  });
});
