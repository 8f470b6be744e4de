/** All bot → Telegram traffic goes through one outbox: limits, 429 waits, retries. */
export { classifyFailure, type Failure } from "../errors.js";
export { installOutbox, installOutboxOnBot, outboxOf } from "./install.js";
export {
  chatKeyOf,
  createOutbox,
  DEFAULT_LIMITS,
  isMessageMethod,
  type Outbox,
  type OutboxCall,
  type OutboxEvent,
  type OutboxLimits,
  type OutboxOptions,
  type OutboxStats,
} from "./outbox.js";
export { type RateWindow, SlidingWindow } from "./sliding-window.js";
