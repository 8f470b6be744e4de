import type { Telegraf } from "telegraf";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

/** How the bot receives updates. Webhook mode is accepted here so callers are shaped for it. */
export type LaunchMode =
  | { mode: "polling" }
  | { mode: "webhook"; url: string; secretToken: string; port: number; host?: string };

/** A running bot: `stop` ends receiving updates; `done` settles when it has stopped (or failed). */
export interface RunningBot {
  stop(reason: string): Promise<void>;
  readonly done: Promise<void>;
}

/** The update kinds the bot handles; others are not even fetched. */
type UpdateType = NonNullable<
  NonNullable<Parameters<Telegraf<BotContext>["launch"]>[0]>["allowedUpdates"]
>[number];

export const ALLOWED_UPDATES: readonly UpdateType[] = ["message", "callback_query", "my_chat_member"];

/**
 * Starts receiving updates. Resolves once the bot is connected (getMe succeeded); a bad
 * token or an unreachable API rejects. Polling uses telegraf's long polling loop.
 */
export async function launchBot(
  bot: Telegraf<BotContext>,
  how: LaunchMode,
  logger: Logger,
): Promise<RunningBot> {
  if (how.mode === "webhook") {
    throw new Error("BOT_MODE=webhook is not available in this version yet; use BOT_MODE=polling");
  }
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
  return {
    done,
    async stop(reason) {
      if (!stopped) {
        stopped = true;
        try {
          bot.stop(reason);
        } catch (error) {
          logger.debug({ err: error }, "bot was not running");
        }
      }
      await done.catch(() => undefined);
    },
  };
}
