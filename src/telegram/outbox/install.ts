import type { Context, Telegraf, Telegram } from "telegraf";
import { createOutbox, type Outbox, type OutboxOptions } from "./outbox.js";

/** Calls that must not wait in the queue: telegraf's long poll has its own retry and abort. */
const BYPASS = new Set(["getUpdates"]);
const INSTALLED = Symbol.for("nhatthe-bot.outbox");

type CallApi = (
  method: string,
  payload: Record<string, unknown>,
  options?: { signal?: AbortSignal },
) => Promise<unknown>;
type Wrapped = Telegram & { [INSTALLED]?: Outbox };

function isOutbox(value: Outbox | OutboxOptions): value is Outbox {
  return typeof (value as Outbox).send === "function" && typeof (value as Outbox).drain === "function";
}

function isStream(value: unknown): boolean {
  return !!value && typeof value === "object" && typeof (value as { pipe?: unknown }).pipe === "function";
}

/** A payload that uploads a stream cannot be sent twice: the stream is consumed. */
function uploadsStream(payload: Record<string, unknown>): boolean {
  return Object.values(payload).some((value) => {
    if (!value || typeof value !== "object") return false;
    const v = value as { source?: unknown; media?: { source?: unknown } };
    return isStream(v.source) || isStream(v.media?.source);
  });
}

/**
 * Routes every call made through `telegram` (ctx.reply, sendDocument, editMessageText,
 * ...) through an outbox, by wrapping `telegram.callApi`. Installing twice on the same
 * instance is a no-op that returns the outbox already installed.
 *
 * Note: telegraf gives each update its own `Telegram` instance (`ctx.telegram`), so to
 * cover `ctx.reply` as well use {@link installOutboxOnBot}.
 */
export function installOutbox(telegram: Telegram, outboxOrOptions: Outbox | OutboxOptions = {}): Outbox {
  const target = telegram as Wrapped;
  const existing = target[INSTALLED];
  if (existing) return existing;
  const outbox = isOutbox(outboxOrOptions) ? outboxOrOptions : createOutbox(outboxOrOptions);
  const original = (telegram.callApi as unknown as CallApi).bind(telegram);
  const wrapped: CallApi = (method, payload, options) => {
    if (BYPASS.has(method)) return original(method, payload, options);
    return outbox.send({ method, payload, retryable: !uploadsStream(payload ?? {}) }, () =>
      original(method, payload, options),
    );
  };
  telegram.callApi = wrapped as unknown as Telegram["callApi"];
  target[INSTALLED] = outbox;
  return outbox;
}

/**
 * The one place a bot is wired to the outbox: wraps `bot.telegram` and makes every
 * update's `ctx.telegram` that same instance (telegraf copies `bot.context` onto each
 * context), so all replies go through the queue. Webhook replies (answering inside the
 * webhook's HTTP response) are given up in exchange, which also means every call
 * returns its real result.
 *
 * @example
 * const bot = new Telegraf(token, { telegram: { apiRoot } });
 * const outbox = installOutboxOnBot(bot, { onEvent: (e) => logger.warn(e, "outbox") });
 * // ... on shutdown: bot.stop(); await outbox.drain();
 */
export function installOutboxOnBot<C extends Context>(
  bot: Telegraf<C>,
  outboxOrOptions: Outbox | OutboxOptions = {},
): Outbox {
  const outbox = installOutbox(bot.telegram, outboxOrOptions);
  Object.assign(bot.context, { telegram: bot.telegram });
  return outbox;
}

/** The outbox installed on a `Telegram` instance, if any. */
export function outboxOf(telegram: Telegram): Outbox | undefined {
  return (telegram as Wrapped)[INSTALLED];
}
