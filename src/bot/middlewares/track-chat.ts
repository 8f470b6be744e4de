import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.js";

/** Records the chat and user of each update (first and last seen), for admins and stats. */
export function trackChat(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { state } = ctx.services;
    const chat = ctx.chat;
    if (chat)
      state.touchChat({ id: chat.id, type: chat.type, title: "title" in chat ? chat.title : undefined });
    if (ctx.from && !ctx.from.is_bot) state.touchUser(ctx.from);
    await next();
  };
}
