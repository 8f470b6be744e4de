import type { Telegraf } from "telegraf";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { HttpServer } from "../server/http-server.js";
import { createInFlight } from "../server/in-flight.js";
import { createWebhookHandler, webhookPathOf } from "../server/webhook.js";
import type { BotContext } from "./context.js";

/** How the bot receives updates. */
export type LaunchMode =
  | { mode: "polling" }
  | {
      mode: "webhook";
      /** The public HTTPS URL Telegram posts to; its path is the route served on `server`. */
      url: string;
      /** Sent to setWebhook; Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
      secretToken: string;
      /** The HTTP server the webhook route is added to (listening, or about to). */
      server: HttpServer;
      /** Updates handled at once; beyond it Telegram is told to retry (503). Default 40. */
      maxInFlight?: number;
      metrics?: Pick<Metrics, "recordWebhookRequest">;
    };

/**
 * A running bot. For a graceful stop: `stopReceiving`, then `idle` (bounded) for the
 * updates being handled, then drain the outbox. `stop` does the first two unbounded.
 */
export interface RunningBot {
  readonly mode: LaunchMode["mode"];
  /** Stops taking updates (long polling ends; the webhook answers 503); handlers go on. */
  stopReceiving(reason: string): void;
  /** Updates being handled now. */
  inFlight(): number;
  /** Resolves true once no update is being handled, or false after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
  /** `stopReceiving`, then waits until receiving has ended and the handlers are done. */
  stop(reason: string): Promise<void>;
  /** Settles when receiving has ended (rejects when long polling failed, e.g. a revoked token). */
  readonly done: Promise<void>;
}

/** The update kinds the bot handles; others are not even fetched. */
type UpdateType = NonNullable<
  NonNullable<Parameters<Telegraf<BotContext>["launch"]>[0]>["allowedUpdates"]
>[number];

export const ALLOWED_UPDATES: readonly UpdateType[] = ["message", "callback_query", "my_chat_member"];

/**
 * Starts receiving updates. Resolves once the bot is connected (getMe succeeded and, for
 * a webhook, setWebhook did); a bad token or an unreachable API rejects.
 *
 * Polling uses telegraf's long polling loop. Webhook mode adds the route to `server`,
 * registers the webhook with its secret and the allowed updates, and hands each update
 * to `bot.handleUpdate` after Telegram got its 200 (telegraf's webhook reply is off: the
 * outbox makes every call itself).
 */
/** How long a polled update may hold up the polling loop before it is handed to the background. */
export const POLLING_HANDOFF_MS = 1500;

export async function launchBot(
  bot: Telegraf<BotContext>,
  how: LaunchMode,
  logger: Logger,
): Promise<RunningBot> {
  const tracker = createInFlight();
  const handleUpdate = bot.handleUpdate.bind(bot);
  // Both telegraf's polling loop and the webhook call `bot.handleUpdate`: count them there.
  // Telegraf's polling loop waits for a whole batch of updates before it fetches the next,
  // so one slow answer (an LLM taking seconds) would hold up every other chat. In polling
  // mode an update's handler therefore gets POLLING_HANDOFF_MS in the loop, then goes on in
  // the background (still counted, so shutdown waits for it). The price: an update whose
  // handler outlives the hand-off is confirmed before it finishes, so a crash in that
  // moment loses it instead of having Telegram deliver it again.
  bot.handleUpdate = ((update, webhookResponse) => {
    const running = tracker.run(() => handleUpdate(update, webhookResponse));
    if (how.mode !== "polling") return running;
    running.catch((error: unknown) =>
      logger.error({ err: error, update_id: update.update_id }, "update failed"),
    );
    return Promise.race([
      running,
      new Promise<void>((resolve) => setTimeout(resolve, POLLING_HANDOFF_MS).unref()),
    ]);
  }) as typeof bot.handleUpdate;
  const common = {
    inFlight: () => tracker.count(),
    idle: (timeoutMs?: number) => tracker.idle(timeoutMs),
  };
  if (how.mode === "webhook") return launchWebhook(bot, how, logger, common);

  let started!: () => void;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false }, () =>
    started(),
  );
  // launch() settles only when polling ends; a failure before start must surface here.
  await Promise.race([
    ready,
    done.then(() => Promise.reject(new Error("the bot stopped before it started"))),
  ]);
  logger.info({ username: bot.botInfo?.username, mode: how.mode }, "bot started");
  let stopped = false;
  const stopReceiving = (reason: string) => {
    if (stopped) return;
    stopped = true;
    try {
      bot.stop(reason);
    } catch (error) {
      logger.debug({ err: error }, "bot was not running");
    }
  };
  return {
    mode: "polling",
    ...common,
    done,
    stopReceiving,
    async stop(reason) {
      stopReceiving(reason);
      await done.catch(() => undefined);
      await tracker.idle();
    },
  };
}

async function launchWebhook(
  bot: Telegraf<BotContext>,
  how: Extract<LaunchMode, { mode: "webhook" }>,
  logger: Logger,
  common: Pick<RunningBot, "inFlight" | "idle">,
): Promise<RunningBot> {
  const path = webhookPathOf(how.url);
  bot.botInfo ??= await bot.telegram.getMe();
  // Replies go through the outbox as ordinary calls, never inside the webhook's response.
  bot.telegram.webhookReply = false;
  const webhook = createWebhookHandler({
    secretToken: how.secretToken,
    handleUpdate: (update) => bot.handleUpdate(update),
    inFlight: common.inFlight,
    maxInFlight: how.maxInFlight ?? 40,
    logger,
    metrics: how.metrics,
  });
  how.server.route(path, webhook.handle);
  await bot.telegram.setWebhook(how.url, {
    secret_token: how.secretToken,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
  logger.info({ username: bot.botInfo.username, mode: how.mode, path }, "bot started");
  let ended!: () => void;
  const done = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const stopReceiving = (reason: string) => {
    if (!webhook.accepting) return;
    webhook.stopAccepting();
    // The webhook stays registered: Telegram keeps new updates until the next start.
    logger.info({ reason }, "webhook no longer accepting updates");
    ended();
  };
  return {
    mode: "webhook",
    ...common,
    done,
    stopReceiving,
    async stop(reason) {
      stopReceiving(reason);
      await common.idle();
    },
  };
}
