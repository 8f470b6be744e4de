import type { BotContext } from "./context.js";

/**
 * Reply parameters that quote the message being answered (so in a busy group it is clear
 * which question an answer belongs to); empty for button presses. Sending still works if
 * that message was deleted meanwhile.
 */
export function replyTo(ctx: BotContext): {
  reply_parameters?: { message_id: number; allow_sending_without_reply: true };
} {
  const messageId = ctx.msgId;
  if (messageId === undefined || ctx.callbackQuery) return {};
  return { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}
