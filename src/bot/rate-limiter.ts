import type { Clock } from "../clock.js";

export type RateDecision =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

/**
 * A sliding-window limit per key (user id): at most `limit` events in any `windowMs`.
 * Time comes from the injected clock so tests can move it. `firstRefusal` is true for
 * the first refused event of a burst, so the caller can answer politely once instead of
 * replying to every message of a flood.
 */
export interface RateLimiter {
  hit(key: number): RateDecision;
  /** Keys currently tracked (for tests and metrics). */
  size(): number;
}

export function createRateLimiter(options: { limit: number; windowMs?: number; clock: Clock }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const hits = new Map<number, { times: number[]; refused: boolean }>();
  let lastSweep = options.clock.now();

  const sweep = (now: number) => {
    // Drop idle keys now and then so the map stays bounded by active users.
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, entry] of hits) {
      const last = entry.times[entry.times.length - 1];
      if (last === undefined || now - last >= windowMs) hits.delete(key);
    }
  };

  return {
    hit(key) {
      const now = options.clock.now();
      sweep(now);
      let entry = hits.get(key);
      if (!entry) {
        entry = { times: [], refused: false };
        hits.set(key, entry);
      }
      while (entry.times.length > 0 && now - entry.times[0]! >= windowMs) entry.times.shift();
      if (entry.times.length < options.limit) {
        entry.times.push(now);
        entry.refused = false;
        return { allowed: true };
      }
      const firstRefusal = !entry.refused;
      entry.refused = true;
      return { allowed: false, retryAfterMs: entry.times[0]! + windowMs - now, firstRefusal };
    },
    size() {
      return hits.size;
    },
  };
}
