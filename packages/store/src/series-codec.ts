/**
 * Compact binary form of named hourly series for `run_results.series`.
 *
 * Layout before compression (all integers little-endian):
 *   bytes 0..3   magic "KSR1"
 *   bytes 4..7   uint32 header length H
 *   bytes 8..8+H UTF-8 JSON header: { "series": [{ "name", "dtype": "f32"|"f64", "length" }] }
 *   then, per series in header order, padded to an 8-byte boundary: the values (Float32 or Float64, LE),
 *   byte-shuffled when the header says `"shuffle": true` (all first bytes, then all second bytes, ...:
 *   the "shuffle" filter of Blosc/HDF5, which lets gzip find the repetition in sign/exponent bytes)
 * The whole buffer is gzip-compressed (node:zlib). Float64 round-trips exactly; Float32 (about 7
 * significant digits) halves the size and is chosen per series by passing a Float32Array or the
 * `precision: "f32"` option.
 */
import { gunzipSync, gzipSync } from "node:zlib";

export type SeriesDtype = "f32" | "f64";
export type SeriesInput = Readonly<Record<string, ArrayLike<number>>>;
export type DecodedSeries = Record<string, Float32Array | Float64Array>;

export interface EncodeSeriesOptions {
  /** Force every series to this precision; default: Float32Array stays f32, everything else f64. */
  readonly precision?: SeriesDtype;
  /** gzip level 0..9 (default 6). */
  readonly level?: number;
}

const MAGIC = "KSR1";

interface HeaderEntry {
  name: string;
  dtype: SeriesDtype;
  length: number;
}

interface Header {
  series: HeaderEntry[];
  shuffle?: boolean;
}

/** Byte-plane transpose of `n` items of `size` bytes: out[b * n + i] = in[i * size + b]. */
function shuffleBytes(bytes: Uint8Array, size: number): Uint8Array {
  const n = bytes.length / size;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < n; i++) for (let b = 0; b < size; b++) out[b * n + i] = bytes[i * size + b] as number;
  return out;
}

function unshuffleBytes(bytes: Uint8Array, size: number): Uint8Array {
  const n = bytes.length / size;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < n; i++) for (let b = 0; b < size; b++) out[i * size + b] = bytes[b * n + i] as number;
  return out;
}

export function encodeSeries(series: SeriesInput, options: EncodeSeriesOptions = {}): Uint8Array {
  const names = Object.keys(series);
  const entries: HeaderEntry[] = names.map((name) => {
    const values = series[name] as ArrayLike<number>;
    const dtype: SeriesDtype = options.precision ?? (values instanceof Float32Array ? "f32" : "f64");
    return { name, dtype, length: values.length };
  });
  const header = new TextEncoder().encode(
    JSON.stringify({ series: entries, shuffle: true } satisfies Header),
  );
  let size = align8(8 + header.length);
  for (const e of entries) size = align8(size + e.length * bytesPer(e.dtype));
  const buffer = new ArrayBuffer(size);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  let offset = align8(8 + header.length);
  for (const e of entries) {
    const values = series[e.name] as ArrayLike<number>;
    const size = bytesPer(e.dtype);
    const plain = new Uint8Array(e.length * size);
    const plainView = new DataView(plain.buffer);
    for (let i = 0; i < e.length; i++) {
      const v = Number(values[i]);
      if (e.dtype === "f32") plainView.setFloat32(i * 4, v, true);
      else plainView.setFloat64(i * 8, v, true);
    }
    bytes.set(shuffleBytes(plain, size), offset);
    offset = align8(offset + e.length * size);
  }
  return new Uint8Array(gzipSync(bytes, { level: options.level ?? 6 }));
}

export function decodeSeries(encoded: Uint8Array): DecodedSeries {
  const raw = gunzipSync(encoded);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const magic = String.fromCharCode(raw[0] ?? 0, raw[1] ?? 0, raw[2] ?? 0, raw[3] ?? 0);
  if (magic !== MAGIC) throw new Error(`decodeSeries: bad magic ${JSON.stringify(magic)}`);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(8, 8 + headerLength))) as Header;
  const out: DecodedSeries = {};
  let offset = align8(8 + headerLength);
  for (const e of header.series) {
    const n = bytesPer(e.dtype) * e.length;
    if (offset + n > raw.byteLength) throw new Error(`decodeSeries: truncated series ${e.name}`);
    const size = bytesPer(e.dtype);
    const stored = raw.subarray(offset, offset + n);
    const plain = header.shuffle ? unshuffleBytes(stored, size) : stored;
    const plainView = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
    const values = e.dtype === "f32" ? new Float32Array(e.length) : new Float64Array(e.length);
    for (let i = 0; i < e.length; i++) {
      values[i] = e.dtype === "f32" ? plainView.getFloat32(i * 4, true) : plainView.getFloat64(i * 8, true);
    }
    out[e.name] = values;
    offset = align8(offset + n);
  }
  return out;
}

function bytesPer(dtype: SeriesDtype): number {
  return dtype === "f32" ? 4 : 8;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
