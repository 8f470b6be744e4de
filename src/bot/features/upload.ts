import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import type { BotContext } from "../context.js";
import { isAddressedToBot } from "../filters/addressed.js";
import { isAdmin } from "../filters/admin.js";
import { botMessages } from "../messages.js";

/**
 * Documents sent to the bot. Ingesting uploads is a later feature: for now an admin is
 * told it is coming and others that uploads are for admins. In groups only documents
 * addressed to the bot (caption mention, reply) get an answer.
 */
export const uploadFeature = new Composer<BotContext>();

uploadFeature.on(message("document"), async (ctx) => {
  if (!isAddressedToBot(ctx)) return;
  const { document } = ctx.message;
  ctx.log.info({ fileName: document.file_name, size: document.file_size }, "document received");
  await ctx.reply(isAdmin(ctx) ? botMessages.uploadLater : botMessages.uploadAdminOnly, {
    reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
  });
});
