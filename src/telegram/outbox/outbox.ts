import type { Clock } from "../../clock.js";
import { classifyFailure } from "../errors.js";
import { type RateWindow, SlidingWindow } from "./sliding-window.js";

/** Telegram's sending limits the outbox keeps to. */
export interface OutboxLimits {
  /** All chats together (Telegram: about 30 messages per second). */
  global: RateWindow;
  /** One private chat (Telegram: about 1 per second; short bursts are fine). */
  privateChat: RateWindow;
  /** One group, supergroup or channel (Telegram: 20 per minute). */
  groupChat: RateWindow;
}

export const DEFAULT_LIMITS: OutboxLimits = {
  global: { max: 30, windowMs: 1000 },
  privateChat: { max: 5, windowMs: 5000 },
  groupChat: { max: 20, windowMs: 60_000 },
};

/** Something that happened in the outbox, for logs and metrics. */
export type OutboxEvent =
  | { type: "flood"; method: string; chatId?: string; retryAfterMs: number; scope: "chat" | "global" }
  | { type: "retry"; method: string; chatId?: string; attempt: number; delayMs: number; reason: string }
  | { type: "failed"; method: string; chatId?: string; attempts: number; error: unknown };

export interface OutboxOptions {
  clock?: Clock;
  /** Waits `ms`; injectable so tests run on a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  limits?: Partial<OutboxLimits>;
  /** Attempts for 5xx and network errors, the first included. Default 5. */
  maxAttempts?: number;
  /** First backoff delay; doubles each retry (with jitter) up to `maxDelayMs`. Defaults 500 ms, 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How many 429s one call may wait out. Default 5. */
  maxFloodRetries?: number;
  /**
   * A 429 asking to wait longer than this is not waited out by the call: the chat (or
   * everything) is still paused, but the error goes back to the caller. Default 120 s.
   */
  maxRetryAfterMs?: number;
  onEvent?: (event: OutboxEvent) => void;
}

/** One Bot API call as the outbox sees it. */
export interface OutboxCall {
  method: string;
  payload?: Readonly<Record<string, unknown>>;
  /** False when the call cannot be repeated (e.g. it uploads a stream that is now consumed). */
  retryable?: boolean;
}

export interface OutboxStats {
  /** Calls waiting for their turn or in flight. */
  pending: number;
  /** Chats with queued messages. */
  busyChats: number;
  /** Chats paused by a 429. */
  pausedChats: number;
  /** Epoch ms until which every call waits (0 when not paused). */
  globalPausedUntil: number;
}

/**
 * The single way out to Telegram. Messages to one chat leave in order and within that
 * chat's limit; all chats share the global limit; a 429 pauses the chat (or everything,
 * for a call without a chat) for `retry_after` and the same call is sent again; 5xx and
 * network errors are retried with exponential backoff and jitter; other errors (400,
 * 403, ...) go straight back to the caller, who may e.g. unsubscribe a group that
 * removed the bot.
 */
export interface Outbox {
  /** Runs `perform` (one Bot API call) under the outbox's limits and retry rules. */
  send<T>(call: OutboxCall, perform: () => Promise<T>): Promise<T>;
  pauseChat(chatId: number | string, ms: number): void;
  pauseAll(ms: number): void;
  stats(): OutboxStats;
  /** Resolves when nothing is pending (for a graceful shutdown). */
  drain(): Promise<void>;
}

interface Job {
  call: OutboxCall;
  chatId: string | undefined;
  perform: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  window: SlidingWindow;
  queue: Job[];
  running: boolean;
}

/** Methods that count as sending a message (and so against the per-chat limits). */
export function isMessageMethod(method: string): boolean {
  return /^(send|forward|copy|edit)/i.test(method) && method.toLowerCase() !== "sendchataction";
}

/** The chat a call is addressed to, as a string key, or undefined (inline messages, getters). */
export function chatKeyOf(payload: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const chatId = payload?.chat_id;
  if (typeof chatId === "number" || (typeof chatId === "string" && chatId !== "")) return String(chatId);
  return undefined;
}

/** Negative ids are groups and supergroups; "@name" is a public channel or supergroup. */
function isGroupKey(key: string): boolean {
  return key.startsWith("-") || key.startsWith("@");
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates an outbox; usually through `installOutbox` rather than directly. */
export function createOutbox(options: OutboxOptions = {}): Outbox {
  const clock = options.clock ?? { now: () => Date.now() };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const limits: OutboxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxFloodRetries = options.maxFloodRetries ?? 5;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const emit = (event: OutboxEvent) => options.onEvent?.(event);

  const global = new SlidingWindow(limits.global);
  const lanes = new Map<string, Lane>();
  const chatPauses = new Map<string, number>();
  let globalPausedUntil = 0;
  let pending = 0;
  let drainWaiters: Array<() => void> = [];

  const laneFor = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        window: new SlidingWindow(isGroupKey(key) ? limits.groupChat : limits.privateChat),
        queue: [],
        running: false,
      };
      lanes.set(key, lane);
    }
    return lane;
  };

  const pausedUntilFor = (key: string | undefined): number =>
    Math.max(globalPausedUntil, key === undefined ? 0 : (chatPauses.get(key) ?? 0));

  /** How long until `job` may go: pauses, then (for messages) the global and the chat's window. */
  const waitMs = (job: Job, counted: boolean, window: SlidingWindow | undefined): number => {
    const now = clock.now();
    let until = pausedUntilFor(job.chatId);
    if (counted) until = Math.max(until, global.nextFreeAt(now), window?.nextFreeAt(now) ?? now);
    return until - now;
  };

  const backoffMs = (failures: number): number => {
    const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1));
    return Math.round(cap / 2 + (random() * cap) / 2);
  };

  const settle = () => {
    pending -= 1;
    if (pending === 0) {
      const waiters = drainWaiters;
      drainWaiters = [];
      for (const w of waiters) w();
    }
  };

  /** Sends one job until it succeeds or fails for good; never throws. */
  const runJob = async (job: Job, counted: boolean, window?: SlidingWindow): Promise<void> => {
    const method = job.call.method;
    const retryable = job.call.retryable !== false;
    let transientFailures = 0;
    let floods = 0;
    for (;;) {
      for (let wait = waitMs(job, counted, window); wait > 0; wait = waitMs(job, counted, window))
        await sleep(wait);
      if (counted) {
        const now = clock.now();
        global.countEvent(now);
        window?.countEvent(now);
      }
      try {
        job.resolve(await job.perform());
        return;
      } catch (error) {
        const failure = classifyFailure(error);
        const chatField = job.chatId === undefined ? {} : { chatId: job.chatId };
        if (failure.kind === "flood") {
          floods += 1;
          const until = clock.now() + failure.retryAfterMs;
          const scope = job.chatId === undefined ? "global" : "chat";
          if (scope === "global") globalPausedUntil = Math.max(globalPausedUntil, until);
          else if (job.chatId !== undefined)
            chatPauses.set(job.chatId, Math.max(chatPauses.get(job.chatId) ?? 0, until));
          emit({ type: "flood", method, ...chatField, retryAfterMs: failure.retryAfterMs, scope });
          if (retryable && floods <= maxFloodRetries && failure.retryAfterMs <= maxRetryAfterMs) continue;
        } else if (failure.kind === "transient") {
          transientFailures += 1;
          if (retryable && transientFailures < maxAttempts) {
            const delayMs = backoffMs(transientFailures);
            emit({
              type: "retry",
              method,
              ...chatField,
              attempt: transientFailures,
              delayMs,
              reason: failure.reason,
            });
            await sleep(delayMs);
            continue;
          }
        }
        emit({ type: "failed", method, ...chatField, attempts: transientFailures + floods, error });
        job.reject(error);
        return;
      }
    }
  };

  const runLane = async (key: string, lane: Lane): Promise<void> => {
    if (lane.running) return;
    lane.running = true;
    try {
      for (let job = lane.queue[0]; job !== undefined; job = lane.queue[0]) {
        await runJob(job, true, lane.window);
        lane.queue.shift();
      }
    } finally {
      lane.running = false;
      const now = clock.now();
      if (lane.queue.length === 0 && lane.window.isEmpty(now)) lanes.delete(key);
      if ((chatPauses.get(key) ?? 0) <= now) chatPauses.delete(key);
    }
  };

  /** Forgets idle chats whose windows and pauses have expired, so memory follows activity. */
  let sendsSinceSweep = 0;
  const sweep = () => {
    const now = clock.now();
    for (const [key, lane] of lanes) {
      if (!lane.running && lane.queue.length === 0 && lane.window.isEmpty(now)) lanes.delete(key);
    }
    for (const [key, until] of chatPauses) if (until <= now) chatPauses.delete(key);
  };

  return {
    send<T>(call: OutboxCall, perform: () => Promise<T>): Promise<T> {
      pending += 1;
      sendsSinceSweep += 1;
      if (sendsSinceSweep >= 1000) {
        sendsSinceSweep = 0;
        sweep();
      }
      return new Promise<T>((resolve, reject) => {
        const chatId = chatKeyOf(call.payload);
        const job: Job = {
          call,
          chatId,
          perform,
          resolve: (value) => {
            settle();
            resolve(value as T);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        };
        if (chatId !== undefined && isMessageMethod(call.method)) {
          const lane = laneFor(chatId);
          lane.queue.push(job);
          void runLane(chatId, lane);
        } else {
          // Inline-message edits have no chat: they only count against the global window.
          void runJob(job, isMessageMethod(call.method));
        }
      });
    },
    pauseChat(chatId, ms) {
      const key = String(chatId);
      chatPauses.set(key, Math.max(chatPauses.get(key) ?? 0, clock.now() + ms));
    },
    pauseAll(ms) {
      globalPausedUntil = Math.max(globalPausedUntil, clock.now() + ms);
    },
    stats() {
      const now = clock.now();
      let busyChats = 0;
      for (const lane of lanes.values()) if (lane.queue.length > 0) busyChats += 1;
      let pausedChats = 0;
      for (const until of chatPauses.values()) if (until > now) pausedChats += 1;
      return {
        pending,
        busyChats,
        pausedChats,
        globalPausedUntil: globalPausedUntil > now ? globalPausedUntil : 0,
      };
    },
    drain() {
      if (pending === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
  };
}
