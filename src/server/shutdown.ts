import type { Logger } from "../logger.js";
import type { Outbox } from "../telegram/outbox/index.js";
import type { HttpServer } from "./http-server.js";

/**
 * The update receiver a stop works on (the bot's `RunningBot`), declared here so that the
 * server does not depend on the bot.
 */
export interface UpdateReceiver {
  /** Stops taking updates (long polling ends; the webhook answers 503); handlers go on. */
  stopReceiving(reason: string): void;
  /** Updates being handled now. */
  inFlight(): number;
  /** Resolves true once no update is being handled, or false after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
  /** Settles when receiving has ended. */
  readonly done: Promise<void>;
}

/** What a graceful stop works through, in this order. */
export interface ShutdownDeps {
  logger: Logger;
  /**
   * The budget for the answers in flight and the outbox together (SHUTDOWN_TIMEOUT_MS).
   * What is not done by then is given up (and logged); the store is still closed.
   */
  timeoutMs: number;
  bot?: UpdateReceiver;
  server?: Pick<HttpServer, "close">;
  /** Other work to let finish within the budget, after the updates (uploads being indexed, ...). */
  pending?: Array<{ name: string; wait: () => Promise<void> }>;
  outbox?: Pick<Outbox, "drain" | "stats">;
  /** Run last, in order (stop the digest timers, close the store, ...). */
  closers?: Array<{ name: string; close: () => Promise<void> }>;
}

export interface ShutdownOutcome {
  /** True when every answer in flight and pending work finished and the outbox emptied in time. */
  clean: boolean;
  /** Updates still being handled when the budget ran out. */
  abandonedUpdates: number;
  /** Bot API calls still queued when the budget ran out. */
  abandonedCalls: number;
}

/** Resolves with `value` after `ms`, unless `promise` settles first (its rejection is ignored). */
async function within<T>(promise: Promise<T>, ms: number, value: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise.catch(() => value),
      new Promise<T>((resolve) => {
        timer = setTimeout(() => resolve(value), Math.max(0, ms));
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * The graceful stop: stop taking updates (polling ends, the webhook answers 503 and the
 * HTTP server closes), let the answers in flight and other pending work finish, let the
 * outbox send what they queued, then run the closers (the store last). Bounded by
 * `timeoutMs`; never throws.
 */
export async function shutdownGracefully(deps: ShutdownDeps, reason: string): Promise<ShutdownOutcome> {
  const { logger } = deps;
  const deadline = Date.now() + deps.timeoutMs;
  const left = () => deadline - Date.now();
  logger.info({ reason, inFlight: deps.bot?.inFlight() ?? 0 }, "shutting down");

  deps.bot?.stopReceiving(reason);
  const serverClosed = deps.server?.close().catch((error: unknown) => {
    logger.warn({ err: error }, "http server did not close cleanly");
  });

  let abandonedUpdates = 0;
  if (deps.bot) {
    const idle = await deps.bot.idle(left());
    if (!idle) {
      abandonedUpdates = deps.bot.inFlight();
      logger.warn(
        { updates: abandonedUpdates, timeoutMs: deps.timeoutMs },
        "answers still in flight given up",
      );
    }
    // Long polling confirms the last batch to Telegram as it ends; give it a moment.
    await within(deps.bot.done, Math.max(left(), 1000), undefined);
  }

  const unfinished: string[] = [];
  for (const work of deps.pending ?? []) {
    const finished = await within(
      work.wait().then(() => true),
      left(),
      false,
    );
    if (!finished) unfinished.push(work.name);
  }
  if (unfinished.length > 0) logger.warn({ work: unfinished }, "work in progress given up");

  let abandonedCalls = 0;
  if (deps.outbox) {
    // The outbox gets what is left of the budget, and at least a second for the last replies.
    const drained = await within(
      deps.outbox.drain().then(() => true),
      Math.max(left(), 1000),
      false,
    );
    if (!drained) {
      abandonedCalls = deps.outbox.stats().pending;
      logger.warn({ calls: abandonedCalls }, "queued Telegram calls given up");
    }
  }

  await serverClosed;
  for (const closer of deps.closers ?? []) {
    try {
      await closer.close();
    } catch (error) {
      logger.error({ err: error, part: closer.name }, "close failed");
    }
  }
  const clean = abandonedUpdates === 0 && abandonedCalls === 0 && unfinished.length === 0;
  logger.info({ clean }, "stopped");
  return { clean, abandonedUpdates, abandonedCalls };
}

/** Exit code of a stop forced by a second signal (as a shell reports Ctrl-C: 128 + SIGINT). */
export const FORCED_EXIT_CODE = 130;

export interface StopSignalOptions {
  /** Where signals come from. Default: the process. */
  source?: Pick<NodeJS.Process, "on" | "off">;
  /** Ends the process. Default: process.exit. */
  exit?: (code: number) => void;
  /**
   * A repeat within this window is taken for the same signal delivered twice (npm, npx
   * and tsx pass signals on to their child, which may also get them from the terminal)
   * and ignored. Default 1 s.
   */
  repeatWindowMs?: number;
  /** Told about a forced exit (the process is about to end). */
  onForced?: (signal: NodeJS.Signals) => void;
  now?: () => number;
}

/**
 * Calls `stop` on the first SIGINT or SIGTERM. A second one (after `repeatWindowMs`)
 * exits at once with {@link FORCED_EXIT_CODE}. Returns a function that removes the handlers.
 */
export function onStopSignals(
  stop: (signal: NodeJS.Signals) => void,
  options: StopSignalOptions = {},
): () => void {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  const repeatWindowMs = options.repeatWindowMs ?? 1000;
  let firstAt: number | undefined;
  const handle = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = now();
      stop(signal);
      return;
    }
    if (now() - firstAt < repeatWindowMs) return;
    options.onForced?.(signal);
    exit(FORCED_EXIT_CODE);
  };
  source.on("SIGINT", handle);
  source.on("SIGTERM", handle);
  return () => {
    source.off("SIGINT", handle);
    source.off("SIGTERM", handle);
  };
}
