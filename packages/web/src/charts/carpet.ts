/** Colour ramp of the carpet plot (light to dark blue: the darkest steps reach 3:1 against white). */
const RAMP: readonly (readonly [number, number, number])[] = [
  [247, 251, 255],
  [198, 219, 239],
  [107, 174, 214],
  [33, 113, 181],
  [8, 48, 107],
];

export function rampColour(fraction: number): [number, number, number] {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(f));
  const t = f - i;
  const a = RAMP[i] ?? [0, 0, 0];
  const b = RAMP[i + 1] ?? a;
  return [0, 1, 2].map((k) => Math.round((a[k] ?? 0) + ((b[k] ?? 0) - (a[k] ?? 0)) * t)) as [
    number,
    number,
    number,
  ];
}

export interface CarpetImage {
  readonly days: number;
  /** RGBA pixels, one per (day, hour): row = hour of day (0 at the top), column = day of year. */
  readonly rgba: Uint8ClampedArray;
  readonly min: number;
  readonly max: number;
}

/**
 * Pixels of a carpet plot: x day of the year, y local hour of day (hour t of the series is local hour
 * t + offsetHours). Hours outside the series stay transparent.
 */
export function carpetImage(values: ArrayLike<number>, offsetHours = 0): CarpetImage {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < n; t++) {
    const v = values[t] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) min = 0;
  if (!Number.isFinite(max) || max <= min) max = min + 1;
  const days = Math.max(1, Math.ceil((n + offsetHours) / 24));
  const rgba = new Uint8ClampedArray(days * 24 * 4);
  for (let t = 0; t < n; t++) {
    const local = t + offsetHours;
    const day = Math.floor(local / 24);
    const hour = local % 24;
    const [r, g, b] = rampColour(((values[t] ?? 0) - min) / (max - min));
    const p = (hour * days + day) * 4;
    rgba[p] = r;
    rgba[p + 1] = g;
    rgba[p + 2] = b;
    rgba[p + 3] = 255;
  }
  return { days, rgba, min, max };
}
