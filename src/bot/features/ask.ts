import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { isAppError } from "../../errors.js";
import {
  escapeHtml,
  renderAnswer,
  sourceButtons,
  splitMessage,
  TELEGRAM_MESSAGE_LIMIT,
} from "../../telegram/format/index.js";
import { hasWord } from "../../text/has-word.js";
import type { BotContext } from "../context.js";
import { isReplyToBot, mentionsBot, messageOf, parseCommand, stripMention } from "../filters/addressed.js";
import { followUpOf } from "../follow-up-thread.js";
import { botMessages, reviewMessages } from "../messages.js";
import { rateLimit } from "../middlewares/rate-limit.js";
import { typing } from "../middlewares/typing.js";
import { replyTo } from "../reply-to.js";
import { createStreamingReply } from "../streaming-reply.js";
import { formatLocalDate } from "../upload/cards.js";

/**
 * Questions. In a private chat every text is a question; in groups only `/hoi <câu hỏi>`,
 * a message that @mentions the bot, or a reply to one of its messages. A reply to an
 * answer is a follow-up: the earlier question and answer go along as context.
 */
export const askFeature = new Composer<BotContext>();

askFeature.command("hoi", rateLimit(), typing(), async (ctx) => {
  const question = stripMention(ctx.payload, ctx.botInfo?.username);
  if (!question) {
    await ctx.reply(botMessages.askUsage, replyTo(ctx));
    return;
  }
  await answerQuestion(ctx, question);
});

askFeature.on(
  message("text"),
  Composer.optional(
    (ctx) => questionText(ctx) !== null,
    rateLimit(),
    typing(),
    async (ctx) => {
      await answerQuestion(ctx, questionText(ctx) ?? "");
    },
  ),
);

/** The question in a text message, or null when the message is not one for the bot. */
function questionText(ctx: BotContext): string | null {
  const msg = messageOf(ctx);
  const text = msg?.text;
  if (!msg || text === undefined) return null;
  if (parseCommand(text)) return null; // commands are routed elsewhere (or unhandled)
  const bot = ctx.botInfo;
  if (msg.chat.type === "private") return stripMention(text, bot?.username);
  const addressed = (bot !== undefined && mentionsBot(text, msg.entities, bot)) || isReplyToBot(ctx);
  return addressed ? stripMention(text, bot?.username) : null;
}

/**
 * Asks the engine, logs the question, and sends the answer: HTML, split under Telegram's
 * limit, the source and feedback buttons on the last part. The bot message ids are
 * remembered so replies and buttons find the answer again. A conversational message
 * ("xin chào", "cảm ơn") gets its reply in kind instead (see `replyInConversation`).
 */
export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  if (question.trim() && !hasWord(question)) {
    // Only markup or punctuation ("<b>", "???"): nothing to search for, and any passage
    // found would be a confident answer to no question. How to ask is the useful reply.
    ctx.log.info({ code: "no_word" }, "question without a word; help sent");
    await ctx.reply(botMessages.help, { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }
  const { ask, state, settings } = ctx.services;
  const started = performance.now();
  const repliedTo = messageOf(ctx)?.reply_to_message;
  // A reply to an answer, or to a source shown from it, follows up on that answer.
  const passage = repliedTo ? state.findPassageByMessage(chat.id, repliedTo) : null;
  const parent = repliedTo
    ? (state.findAnswerByMessage(chat.id, repliedTo) ??
      (passage ? state.getQuestion(passage.questionId) : null))
    : null;
  const previous = parent ? followUpOf(state, parent) : undefined;

  const stream = createStreamingReply({
    send: (html) =>
      ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...replyTo(ctx) }),
    edit: async (messageId, html) => {
      await ctx.telegram.editMessageText(chat.id, messageId, undefined, html, { parse_mode: "HTML" });
    },
    onFirstText: () => (ctx.state as { stopTyping?: () => void }).stopTyping?.(),
    onError: (error) => ctx.log.debug({ err: error }, "streamed draft not shown"),
  });
  let result: Awaited<ReturnType<typeof ask.ask>>;
  try {
    result = await ask.ask(question, {
      ...(settings.k ? { k: settings.k } : {}),
      ...(previous ? { previous } : {}),
      onDelta: stream.onDelta,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    ctx.log.info({ code: error.code }, "question refused");
    await ctx.reply(escapeHtml(error.userMessage), { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }

  if (result.mode === "conversation") {
    await replyInConversation(ctx, result.answer);
    return;
  }

  const questionId = state.logQuestion({
    chatId: chat.id,
    userId: ctx.from?.id,
    updateId: ctx.update.update_id,
    question: result.question,
    answer: result.answer,
    mode: result.mode,
    declined: result.declined,
    latencyMs: performance.now() - started,
    ...(parent ? { parentId: parent.id } : {}),
    citations: result.citations,
    ...(result.usage ? { usage: result.usage } : {}),
  });
  // The unit's official answer says so first, with the date it was last written.
  const heading = result.official
    ? `${reviewMessages.officialHeading(formatLocalDate(result.official.updatedAt, settings.timeZone))}\n\n`
    : "";
  const parts = splitMessage(`${heading}${renderAnswer(result)}`, TELEGRAM_MESSAGE_LIMIT);
  const keyboard = { inline_keyboard: sourceButtons(result, { questionLogId: questionId }) };
  const sent: Array<{ message_id: number; date: number }> = [];
  const draft = await stream.finish();
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (i === 0 && draft) {
      // The streamed draft becomes the final answer: checked text, sources, buttons.
      await ctx.telegram.editMessageText(chat.id, draft.message_id, undefined, part, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(last ? { reply_markup: keyboard } : {}),
      });
      sent.push(draft);
      continue;
    }
    const message = await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? replyTo(ctx) : {}),
      ...(last ? { reply_markup: keyboard } : {}),
    });
    sent.push({ message_id: message.message_id, date: message.date });
  }
  state.rememberAnswerMessages(chat.id, sent, questionId);
  const ms = Math.round(performance.now() - started);
  state.setLatency(questionId, ms);
  ctx.log.info(
    {
      questionId,
      followUp: parent?.id,
      declined: result.declined,
      citations: result.citations.length,
      parts: parts.length,
      ms,
    },
    "question answered",
  );
}

/**
 * The reply to a greeting, thanks, "bạn là ai?", "sai rồi": plain text with no sources and
 * no buttons (there is nothing to cite or rate). It is not put in the question log: the
 * log feeds /thongke and the digest's most asked questions, which count questions.
 */
async function replyInConversation(ctx: BotContext, text: string): Promise<void> {
  await ctx.reply(text, { link_preview_options: { is_disabled: true }, ...replyTo(ctx) });
  ctx.log.info({ mode: "conversation" }, "conversational reply");
}
