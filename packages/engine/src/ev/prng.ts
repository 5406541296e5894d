/**
 * Seeded pseudo-random numbers for the pure engine (mulberry32: 32-bit state, period 2^32; public-domain
 * algorithm by Tommy Ettinger). Returns a function giving uniform numbers in [0, 1).
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
