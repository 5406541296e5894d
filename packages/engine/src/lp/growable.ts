/**
 * Append-only typed-array buffers that double their capacity (amortised O(1) push). Two monomorphic classes on
 * purpose: a generic class over both array types (tried 2026-11-27) made `push` polymorphic and the Kera plan LP
 * build slower in every paired run (e.g. median 0.96 s vs 0.75 s on a loaded 2-core machine).
 */
export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;
  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
  set(i: number, value: number): void {
    this.data[i] = value;
  }
  /** A trimmed copy of the content. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
  set(i: number, value: number): void {
    this.data[i] = value;
  }
  /** Ensures indices [0, size) exist (new entries are 0); does not change `length`. */
  reserve(size: number): void {
    while (this.data.length < size) this.grow();
  }
  /** The live buffer (valid in [0, length)); callers must not keep it across pushes. */
  view(): Int32Array {
    return this.data;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}
