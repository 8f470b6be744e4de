import { Composer } from "telegraf";
import type { BotContext } from "../context.js";
import { parseFeedbackCallback } from "../format/index.js";
import { botMessages } from "../messages.js";

/** 👍 / 👎 under an answer: one vote per user and answer (pressing again changes it), stored with the question. */
export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.action(/^fb:/, async (ctx) => {
  const parsed = parseFeedbackCallback(ctx.match.input);
  const questionId = parsed && /^\d{1,15}$/.test(parsed.questionLogId) ? Number(parsed.questionLogId) : null;
  const { state } = ctx.services;
  const question = questionId === null ? null : state.getQuestion(questionId);
  if (!parsed || !question || question.chatId !== ctx.chat?.id) {
    await ctx.answerCbQuery(botMessages.answerGone);
    return;
  }
  const up = parsed.vote === "up";
  state.recordFeedback(question.id, ctx.from.id, up ? 1 : -1);
  ctx.log.info({ questionId: question.id, up }, "feedback recorded");
  await ctx.answerCbQuery(botMessages.feedbackThanks(up));
});
