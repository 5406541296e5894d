/** A fixed-window counter per key (login attempts per IP + e-mail). One instance per app: no global state. */
export interface RateLimiter {
  /** Counts one attempt; returns the seconds to wait when the limit is exceeded, else 0. */
  hit(key: string, nowMs: number): number;
  reset(key: string): void;
}

export function createRateLimiter(limit: number, windowS: number): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  const windowMs = windowS * 1000;
  return {
    hit(key, nowMs) {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (nowMs - w.startMs >= windowMs) windows.delete(k);
      }
      const w = windows.get(key);
      if (!w || nowMs - w.startMs >= windowMs) {
        windows.set(key, { startMs: nowMs, count: 1 });
        return 0;
      }
      w.count++;
      if (w.count <= limit) return 0;
      return Math.max(1, Math.ceil((w.startMs + windowMs - nowMs) / 1000));
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
