import { Composer } from "telegraf";
import type { BotContext } from "../context.js";
import { isOwnCommand, parseCommand } from "../filters/addressed.js";
import { botMessages } from "../messages.js";

/**
 * The last feature: whatever no other feature took. In a private chat the user gets a
 * hint (unknown command, not a text); in groups the bot stays silent. Stale or foreign
 * buttons are acknowledged so the client stops its spinner.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", async (ctx) => {
  ctx.log.info({ data: "data" in ctx.callbackQuery ? ctx.callbackQuery.data : undefined }, "unknown button");
  await ctx.answerCbQuery(botMessages.staleButton);
});

unhandledFeature.on("message", async (ctx) => {
  if (ctx.chat.type !== "private") return;
  const text = "text" in ctx.message ? ctx.message.text : undefined;
  if (text !== undefined) {
    const command = parseCommand(text);
    if (command && isOwnCommand(command, ctx.botInfo?.username)) await ctx.reply(botMessages.unknownCommand);
    return;
  }
  await ctx.reply(botMessages.notText);
});

unhandledFeature.use(async (ctx) => {
  ctx.log.debug({ type: ctx.updateType }, "update not handled");
});
