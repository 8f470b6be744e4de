import { EventEmitter } from "node:events";

/**
 * The emulator's one event bus: "message" (a bot message sent, edited or deleted), "call"
 * (a Bot API call answered) and `update:<token>` (an update queued for a bot). Long polls,
 * webhook retries and the tests' waits all wake up on it.
 */
export class EmulatorEvents extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  /** Resolves on the event, after `ms`, or when `signal` aborts. */
  waitFor(event: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.off(event, done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.on(event, done);
      signal.addEventListener("abort", done);
    });
  }

  /**
   * The first value `find` gives, looked for now and again on every `event`; rejects with
   * `describe()` after `timeoutMs`.
   */
  waitUntil<T>(
    event: string,
    find: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off(event, check);
      };
      this.on(event, check);
    });
  }
}
