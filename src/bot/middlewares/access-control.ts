import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.js";
import { isAddressedToBot } from "../filters/addressed.js";
import { botMessages } from "../messages.js";
import { replyTo } from "../reply-to.js";

/**
 * Lets allowed users through and stops everyone else (fail closed: no `from`, no entry).
 * A refused user who addressed the bot gets a polite message showing their id, so an
 * admin can allow them; chatter in a group is dropped silently.
 */
export function accessControl(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { access } = ctx.services;
    if (access.isAllowed({ from: ctx.from, chat: ctx.chat })) {
      await next();
      return;
    }
    ctx.log.info({ from: ctx.from?.id }, "access denied");
    if (!ctx.from || ctx.from.is_bot) return;
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(botMessages.accessDeniedShort(ctx.from.id), { show_alert: true });
      return;
    }
    if (!ctx.chat || !isAddressedToBot(ctx)) return;
    await ctx.reply(botMessages.accessDenied(ctx.from.id), {
      parse_mode: "HTML",
      ...replyTo(ctx),
    });
  };
}
