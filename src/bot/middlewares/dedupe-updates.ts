import type { MiddlewareFn } from "telegraf";
import type { Update } from "telegraf/types";
import { sha256 } from "../../hash.js";
import type { BotContext } from "../context.js";

/** A digest of the whole update: the same update redelivered has the same one. */
export function updateFingerprint(update: Update): string {
  return sha256(JSON.stringify(update), "base64url").slice(0, 22);
}

/**
 * Answers an update once: an update handled already (delivered again after a lost
 * offset confirmation or a restart, or retried by Telegram on a webhook) is dropped.
 * Handled updates are kept in the bot's SQLite state, so this holds across restarts.
 */
export function dedupeUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.services.state.markUpdateSeen(ctx.update.update_id, updateFingerprint(ctx.update))) {
      ctx.log.info("duplicate update ignored");
      return;
    }
    await next();
  };
}
