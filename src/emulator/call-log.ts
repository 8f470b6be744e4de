import type { EmulatorEvents } from "./events.js";
import type { RecordedCall } from "./types.js";

/** Every Bot API call the bot made, in arrival order, for the tests to read and wait on. */
export class CallLog {
  private readonly calls: RecordedCall[] = [];

  constructor(
    private readonly events: EmulatorEvents,
    /** How many calls to keep (oldest dropped first). */
    private readonly max: number,
  ) {}

  /** Records a call once answered, with the HTTP status (0: connection dropped) and error. */
  finish(call: RecordedCall, status: number, error?: string): void {
    call.status = status;
    if (error !== undefined) call.error = error;
    this.calls.push(call);
    if (this.calls.length > this.max) this.calls.splice(0, this.calls.length - this.max);
    this.events.emit("call", call);
  }

  /** Calls of `method` (any case), or all, oldest first. */
  list(method?: string): RecordedCall[] {
    const m = method?.toLowerCase();
    return this.calls.filter((c) => m === undefined || c.method.toLowerCase() === m);
  }

  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean,
    timeoutMs: number,
  ): Promise<RecordedCall> {
    const find = () => this.list(method).find(predicate);
    return this.events.waitUntil(
      "call",
      find,
      timeoutMs,
      () => `no matching ${method} call within ${timeoutMs} ms`,
    );
  }
}
