import { ApiError } from "./api-objects.js";
import type { ParsedRequest } from "./http-body.js";

/** One Bot API call as a method handler sees it. */
export interface CallContext {
  token: string;
  params: Record<string, unknown>;
  files: ParsedRequest["files"];
  /** Aborts when the client goes away or the emulator stops (long polls end on it). */
  signal: AbortSignal;
}

/** A Bot API method: its result, or an {@link ApiError}. Synchronous where it can be. */
export type Handler = (c: CallContext) => unknown;

export type Handlers = Record<string, Handler>;

/** Calls a method by name; the Bot API reads method names in any case. */
export type Invoke = (method: string, c: CallContext) => unknown;

export function methodTable(...groups: Handlers[]): Invoke {
  const handlers = new Map<string, Handler>();
  for (const group of groups)
    for (const [name, handler] of Object.entries(group)) handlers.set(name.toLowerCase(), handler);
  return (method, c) => {
    const handler = handlers.get(method.toLowerCase());
    if (!handler) throw new ApiError(404, "Not Found: method not found");
    return handler(c);
  };
}
