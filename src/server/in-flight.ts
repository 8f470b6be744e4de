/**
 * Counts work in progress (updates being handled) so a shutdown can wait for it, and a
 * webhook can refuse updates beyond a bound.
 */
export interface InFlight {
  /** Runs `work`, counting it until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  count(): number;
  /** Resolves true once nothing is in flight, or false after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    count -= 1;
    if (count === 0) {
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    }
  };
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      count += 1;
      let promise: Promise<T>;
      try {
        promise = Promise.resolve(work());
      } catch (error) {
        promise = Promise.reject(error);
      }
      return promise.finally(settle);
    },
    count: () => count,
    idle(timeoutMs = Number.POSITIVE_INFINITY) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const wake = () => {
          if (timer) clearTimeout(timer);
          resolve(true);
        };
        waiters.push(wake);
        if (Number.isFinite(timeoutMs)) {
          timer = setTimeout(() => {
            waiters = waiters.filter((w) => w !== wake);
            resolve(false);
          }, timeoutMs);
          timer.unref();
        }
      });
    },
  };
}
