/**
 * A per-process queue that runs async jobs one at a time, in arrival order. Corpus
 * changes from Telegram (uploads, replacements, deletions) go through one, so two admins
 * sending files at once cannot interleave their checks ("is this a duplicate?", "does
 * this number exist?") with each other's writes: the second waits, then both land.
 */
export interface SerialQueue {
  /** Runs `job` after every job queued before it; settles as the job does. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs waiting or running. */
  readonly size: number;
  /** Resolves once every job queued so far has settled. */
  drain(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      size++;
      const result = tail.then(job).finally(() => {
        size--;
      });
      // The chain continues whatever this job's outcome; the caller sees the outcome.
      tail = result.catch(() => undefined);
      return result;
    },
    get size() {
      return size;
    },
    async drain() {
      let seen: Promise<unknown>;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
  };
}
