import { Composer } from "telegraf";
import type { BotContext } from "../context.js";
import { botMessages, EXAMPLE_QUESTIONS } from "../messages.js";

/** /start (what the bot knows, example questions) and /help (how to use it). */
export const startHelpFeature = new Composer<BotContext>();

startHelpFeature.command("start", async (ctx) => {
  const { documents } = await ctx.services.store.stats();
  await ctx.reply(botMessages.start(documents, EXAMPLE_QUESTIONS), { parse_mode: "HTML" });
});

startHelpFeature.command("help", async (ctx) => {
  const text = ctx.services.access.isAdmin(ctx.from)
    ? botMessages.help + botMessages.helpAdmin
    : botMessages.help;
  await ctx.reply(text, { parse_mode: "HTML" });
});
