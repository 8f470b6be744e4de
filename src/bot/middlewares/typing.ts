import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.js";

/** Telegram shows a chat action for about 5 seconds; renew it a little sooner. */
const RENEW_MS = 4500;

/**
 * Shows "typing…" while the next handlers work. The action is sent without waiting for
 * it (a failed chat action must never fail or delay the answer) and renewed until done.
 */
export function typing(renewMs = RENEW_MS): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.chat) {
      await next();
      return;
    }
    const send = () => {
      ctx
        .sendChatAction("typing")
        .catch((error: unknown) => ctx.log.debug({ err: error }, "chat action failed"));
    };
    send();
    const timer = setInterval(send, renewMs);
    // A streamed answer stops "typing…" once its first text is on screen.
    (ctx.state as { stopTyping?: () => void }).stopTyping = () => clearInterval(timer);
    try {
      await next();
    } finally {
      clearInterval(timer);
    }
  };
}
