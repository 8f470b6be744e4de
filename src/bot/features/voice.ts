import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { isAppError } from "../../errors.js";
import { escapeHtml } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { isReplyToBot } from "../filters/addressed.js";
import { botMessages } from "../messages.js";
import { rateLimit } from "../middlewares/rate-limit.js";
import { typing } from "../middlewares/typing.js";
import { replyTo } from "../reply-to.js";
import { downloadTelegramFile } from "../upload/download.js";
import { answerQuestion } from "./ask.js";

/** Longest voice question transcribed: a question, not a meeting's recording. */
export const VOICE_MAX_SECONDS = 120;
/** Largest recording downloaded (a 2-minute voice note is well under 1 MB). */
const VOICE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Voice questions: a voice note (or audio file) in a private chat, or one replying to the
 * bot in a group, is transcribed by the configured endpoint, shown back ("🎙 Bạn hỏi:
 * …") and answered like a typed question (a reply to an answer stays a follow-up).
 * Without an endpoint, a polite message says voice is not enabled. Too long a
 * recording is refused before it is downloaded.
 */
export const voiceFeature = new Composer<BotContext>();

voiceFeature.on([message("voice"), message("audio")], rateLimit(), async (ctx, next) => {
  if (ctx.chat.type !== "private" && !isReplyToBot(ctx)) return next();
  const media = "voice" in ctx.message ? ctx.message.voice : ctx.message.audio;
  const fields = { duration: media.duration, size: media.file_size };
  const transcriber = ctx.services.transcriber;
  if (!transcriber) {
    ctx.log.info({ ...fields, code: "voice_disabled" }, "voice question refused");
    await ctx.reply(botMessages.voiceDisabled, replyTo(ctx));
    return;
  }
  if (media.duration > VOICE_MAX_SECONDS || (media.file_size ?? 0) > VOICE_MAX_BYTES) {
    ctx.log.info({ ...fields, code: "voice_too_long" }, "voice question refused");
    await ctx.reply(botMessages.voiceTooLong(VOICE_MAX_SECONDS), replyTo(ctx));
    return;
  }
  await typing()(ctx, async () => {
    let text: string;
    try {
      const audio = await downloadTelegramFile(ctx.telegram, media.file_id, { maxBytes: VOICE_MAX_BYTES });
      const name = (media as { file_name?: string }).file_name || "voice.ogg";
      text = await transcriber.transcribe(audio, name);
    } catch (error) {
      if (!isAppError(error)) throw error;
      ctx.log.warn({ ...fields, code: error.code, err: error }, "voice question not transcribed");
      await ctx.reply(error.userMessage, replyTo(ctx));
      return;
    }
    if (!text) {
      ctx.log.info({ ...fields, code: "voice_empty" }, "voice question refused");
      await ctx.reply(botMessages.voiceEmpty, replyTo(ctx));
      return;
    }
    ctx.log.info({ ...fields, chars: text.length }, "voice question transcribed");
    await ctx.reply(botMessages.voiceHeard(escapeHtml(text)), { parse_mode: "HTML", ...replyTo(ctx) });
    await answerQuestion(ctx, text);
  });
});
