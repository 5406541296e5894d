import fc from "fast-check";
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
