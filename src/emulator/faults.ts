import { ApiError, defaultDescription } from "./api-objects.js";
import type { Fault } from "./types.js";

/**
 * Errors a test asks for: the next call(s) of a method are answered with a Bot API error
 * (or a dropped connection) instead of being handled.
 */
export class FaultQueue {
  private readonly faults = new Map<string, Fault[]>();

  add(method: string, fault: Fault, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.faults.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(key, queue);
  }

  clear(): void {
    this.faults.clear();
  }

  /** The fault for this call of `method`, if one is pending; it is used up. */
  take(method: string): Fault | undefined {
    const queue = this.faults.get(method.toLowerCase());
    const fault = queue?.shift();
    if (queue && queue.length === 0) this.faults.delete(method.toLowerCase());
    return fault;
  }
}

/** The Bot API error a status fault answers with (`retry_after` for a 429). */
export function faultError(fault: Exclude<Fault, { network: "reset" }>): ApiError {
  const retryAfter = "retryAfter" in fault ? fault.retryAfter : undefined;
  return new ApiError(
    fault.status,
    fault.description ?? defaultDescription(fault.status, retryAfter),
    retryAfter,
  );
}
