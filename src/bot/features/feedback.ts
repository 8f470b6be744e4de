import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import {
  callbackTrigger,
  parseFeedbackCallback,
  parseFeedbackReason,
} from "../../telegram/callback-data/index.js";
import { escapeHtml, feedbackReasonRows } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { parseCommand } from "../filters/addressed.js";
import { botMessages, reviewMessages } from "../messages.js";
import { replyTo } from "../reply-to.js";

/**
 * 👍 / 👎 under an answer: one vote per user and answer (pressing again changes it),
 * stored with the question. A new 👎 asks why, with one button per reason; the reason is
 * kept on the vote, and a reply to that message is kept as the cadre's comment. Admins
 * read both in /danhgia. Changing the vote to 👍 drops reason and comment.
 */
export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.action(callbackTrigger("fb"), async (ctx) => {
  const parsed = parseFeedbackCallback(ctx.match.input);
  const questionId = parsed && /^\d{1,15}$/.test(parsed.questionLogId) ? Number(parsed.questionLogId) : null;
  const { state } = ctx.services;
  const question = questionId === null ? null : state.getQuestion(questionId);
  if (!parsed || !question || question.chatId !== ctx.chat?.id) {
    await ctx.answerCbQuery(botMessages.answerGone);
    return;
  }
  const up = parsed.vote === "up";
  const before = state.feedback.voteOf(question.id, ctx.from.id);
  state.recordFeedback(question.id, ctx.from.id, up ? 1 : -1);
  ctx.log.info(
    { questionId: question.id, up, changed: before !== null && before !== (up ? 1 : -1) },
    "feedback recorded",
  );
  await ctx.answerCbQuery(botMessages.feedbackThanks(up));
  if (up || before === -1) return;
  const pressed = ctx.callbackQuery.message;
  const prompt = await ctx.reply(reviewMessages.askReason, {
    reply_markup: { inline_keyboard: feedbackReasonRows(question.id, reviewMessages.reasons) },
    ...(pressed
      ? { reply_parameters: { message_id: pressed.message_id, allow_sending_without_reply: true } }
      : {}),
  });
  state.feedback.rememberPrompt(question.chatId, prompt, { questionId: question.id, userId: ctx.from.id });
});

feedbackFeature.action(callbackTrigger("fr"), async (ctx) => {
  const parsed = parseFeedbackReason(ctx.match.input);
  const pressed = ctx.callbackQuery.message;
  const chat = ctx.chat;
  const prompt = pressed && chat ? ctx.services.state.feedback.findPrompt(chat.id, pressed) : null;
  if (!parsed || !prompt || prompt.questionId !== parsed.questionLogId) {
    ctx.log.info({ data: ctx.match.input }, "stale or forged feedback reason");
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  if (prompt.userId !== ctx.from.id) {
    await ctx.answerCbQuery(reviewMessages.reasonNotYours, { show_alert: true });
    return;
  }
  if (!ctx.services.state.feedback.setReason(prompt.questionId, ctx.from.id, parsed.reason)) {
    await ctx.answerCbQuery(reviewMessages.voteChanged, { show_alert: true });
    return;
  }
  ctx.log.info({ questionId: prompt.questionId, reason: parsed.reason }, "feedback reason recorded");
  await ctx.answerCbQuery(reviewMessages.reasonSavedShort);
  await ctx.editMessageText(reviewMessages.reasonSaved(escapeHtml(reviewMessages.reasons[parsed.reason])), {
    parse_mode: "HTML",
  });
});

/** A reply to "why 👎?" by the cadre who voted is their comment; any other text goes on. */
feedbackFeature.on(message("text"), async (ctx, next) => {
  const repliedTo = ctx.message.reply_to_message;
  const prompt = repliedTo ? ctx.services.state.feedback.findPrompt(ctx.chat.id, repliedTo) : null;
  if (!prompt || prompt.userId !== ctx.from.id || parseCommand(ctx.message.text)) return next();
  const comment = ctx.message.text.trim();
  if (!comment) {
    await ctx.reply(reviewMessages.commentEmpty, replyTo(ctx));
    return;
  }
  const saved = ctx.services.state.feedback.setComment(prompt.questionId, ctx.from.id, comment);
  ctx.log.info({ questionId: prompt.questionId, saved, length: comment.length }, "feedback comment");
  await ctx.reply(saved ? reviewMessages.commentSaved : reviewMessages.voteChanged, replyTo(ctx));
});
