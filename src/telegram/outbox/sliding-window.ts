/** A rate limit: at most `max` events in any `windowMs` span. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/**
 * Timestamps of recent events, to tell when the next event may happen without going
 * over the limit. A sliding log rather than a token bucket, so "20 per minute" means
 * exactly that: the 21st waits until the first leaves the window.
 */
export class SlidingWindow {
  private readonly stamps: number[] = [];

  constructor(readonly limit: RateWindow) {
    if (!(limit.max >= 1) || !(limit.windowMs > 0))
      throw new RangeError("a rate window needs max >= 1 and windowMs > 0");
  }

  private prune(now: number): void {
    const cutoff = now - this.limit.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && (this.stamps[drop] ?? 0) <= cutoff) drop++;
    if (drop > 0) this.stamps.splice(0, drop);
  }

  /** The earliest time (ms) at or after `now` when one more event fits. */
  nextFreeAt(now: number): number {
    this.prune(now);
    if (this.stamps.length < this.limit.max) return now;
    const oldestThatMatters = this.stamps[this.stamps.length - this.limit.max] ?? now;
    return oldestThatMatters + this.limit.windowMs;
  }

  /** Counts one event at `now` against the limit (kept until it leaves the window). */
  countEvent(now: number): void {
    this.stamps.push(now);
  }

  /** True when no event is inside the window any more. */
  isEmpty(now: number): boolean {
    this.prune(now);
    return this.stamps.length === 0;
  }
}
