import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.js";
import { botMessages } from "../messages.js";

/**
 * Per-user sliding-window limit on questions. Over the limit, the user is told once,
 * politely, how long to wait; further messages of the same burst are dropped quietly.
 */
export function rateLimit(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { limiter } = ctx.services;
    if (!limiter || !ctx.from) {
      await next();
      return;
    }
    const decision = limiter.hit(ctx.from.id);
    if (decision.allowed) {
      await next();
      return;
    }
    ctx.log.info({ retryAfterMs: decision.retryAfterMs }, "rate limited");
    if (decision.firstRefusal)
      await ctx.reply(botMessages.rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
  };
}
