import type { MiddlewareFn } from "telegraf";
import { isAppError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { escapeHtml } from "../../telegram/format/index.js";
import type { BotContext, BotServices } from "../context.js";
import { botMessages } from "../messages.js";

/**
 * The first middleware: gives the update a child logger (`update_id`, chat, user) and the
 * services, and is the error boundary. A failing handler is logged with the update id and
 * the user gets "Có lỗi, vui lòng thử lại." (or an AppError's Vietnamese `userMessage`),
 * never a stack trace.
 */
export function updateContext(services: BotServices, logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.services = services;
    ctx.log = logger.child({ update_id: ctx.update.update_id, chat: ctx.chat?.id, user: ctx.from?.id });
    const started = performance.now();
    try {
      await next();
      ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
    } catch (error) {
      const userMessage = isAppError(error) ? error.userMessage : botMessages.genericError;
      if (isAppError(error))
        ctx.log.warn({ err: error, code: error.code }, "update failed with a user error");
      else ctx.log.error({ err: error }, "update failed");
      await tellUser(ctx, userMessage).catch((sendError: unknown) =>
        ctx.log.error({ err: sendError }, "could not tell the user about the failure"),
      );
    }
  };
}

async function tellUser(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(text, { show_alert: true });
    return;
  }
  if (ctx.chat) await ctx.reply(escapeHtml(text), { parse_mode: "HTML" });
}
