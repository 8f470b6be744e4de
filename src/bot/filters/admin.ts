import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.js";
import { botMessages } from "../messages.js";

/** True for a configured admin; fails closed when the update has no `from`. */
export function isAdmin(ctx: BotContext): boolean {
  return ctx.services.access.isAdmin(ctx.from);
}

/** Lets admins through; anyone else is told the command is for admins. */
export function adminOnly(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (isAdmin(ctx)) {
      await next();
      return;
    }
    ctx.log.info("admin command refused");
    await ctx.reply(botMessages.adminOnly);
  };
}
