import { Composer } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import { callbackTrigger, parseReviewData, sourceCallbackData } from "../../telegram/callback-data/index.js";
import { escapeHtml, truncate } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { adminOnly, isAdmin } from "../filters/admin.js";
import { botMessages, reviewMessages } from "../messages.js";
import { replyTo } from "../reply-to.js";
import { buildReviewQueue, renderQueueItem } from "../review/queue.js";
import { declinedKey, reviewItemName } from "../state/review-queue.js";
import { isNotModified } from "../upload/progress.js";
import { sendOfficialDraft } from "./official.js";

/**
 * `/danhgia` for admins, in a private chat: what needs a second look, newest first, one item a page with
 * ◀ ▶ — answers voted 👎 (question, answer, sources, reasons, comments, count), the
 * questions declined most often, official answers whose documents changed. Actions:
 * mark reviewed, open the sources, write an official answer. Every button checks that
 * the presser is an admin (fail closed): the queue shows cadres' questions.
 */
export const reviewFeature = new Composer<BotContext>();

const queueOf = (ctx: BotContext) =>
  buildReviewQueue({
    state: ctx.services.state,
    official: ctx.services.official,
    store: ctx.services.store,
    now: ctx.services.clock.now(),
  });

reviewFeature.command("danhgia", adminOnly(), async (ctx) => {
  // Cadres' questions and comments from every chat: not for a group's other members.
  if (ctx.chat.type !== "private") {
    ctx.log.info("review queue refused outside a private chat");
    await ctx.reply(reviewMessages.queuePrivateOnly, replyTo(ctx));
    return;
  }
  const items = await queueOf(ctx);
  const view = renderQueueItem(items, 0, ctx.services.settings.timeZone);
  ctx.log.info({ items: items.length }, "review queue shown");
  await ctx.reply(view.text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(view.keyboard.length > 0 ? { reply_markup: { inline_keyboard: view.keyboard } } : {}),
    ...replyTo(ctx),
  });
});

reviewFeature.action(callbackTrigger("dg"), async (ctx) => {
  const action = parseReviewData(ctx.match.input);
  if (!action) {
    ctx.log.info({ data: ctx.match.input }, "stale or forged review button");
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  if (!isAdmin(ctx)) {
    ctx.log.warn({ action: action.action }, "review button refused: not an admin");
    await ctx.answerCbQuery(botMessages.adminOnly, { show_alert: true });
    return;
  }
  const { state, official, store, clock } = ctx.services;
  if (action.action === "sources") {
    const question = state.getQuestion(action.questionId);
    if (!question || question.sources.length === 0) {
      await ctx.answerCbQuery(question ? reviewMessages.noSources : reviewMessages.itemGone);
      return;
    }
    await ctx.answerCbQuery();
    const keyboard: InlineKeyboardButton[][] = question.sources.map((s) => [
      { text: `[${s.n}] ${truncate(s.title, 40)}`, callback_data: sourceCallbackData(s.chunkId, 0) },
    ]);
    const sent = await ctx.reply(
      reviewMessages.sourcesOf(
        escapeHtml(question.question),
        question.sources.map((s) => `[${s.n}] ${escapeHtml(s.title)}`),
      ),
      { parse_mode: "HTML", reply_markup: { inline_keyboard: keyboard } },
    );
    // The source buttons find their passages through the answer a message carries.
    if (ctx.chat) state.rememberAnswerMessages(ctx.chat.id, [sent], question.id);
    return;
  }
  if (action.action === "official") {
    const question = state.getQuestion(action.questionId);
    if (!question) {
      await ctx.answerCbQuery(reviewMessages.itemGone);
      return;
    }
    await ctx.answerCbQuery();
    await sendOfficialDraft(ctx, {
      question: question.question,
      questionId: question.id,
      approvable: !question.declined,
    });
    return;
  }
  let page = action.page;
  if (action.action === "reviewed") {
    const adminId = ctx.from.id;
    if (action.kind === "o") {
      const current = official?.get(action.id);
      if (!current) {
        await ctx.answerCbQuery(reviewMessages.officialGone);
        return;
      }
      // Reviewed: it now cites the documents as they are; deleted ones are no longer cited.
      const sources = [];
      for (const source of current.sources) {
        const doc = await store.getDocument(source.docId);
        if (doc)
          sources.push({ docId: doc.docId, title: doc.title, number: doc.number, version: doc.version });
      }
      official?.edit(current.id, { sources }, adminId);
    } else {
      const question = state.getQuestion(action.id);
      if (!question) {
        await ctx.answerCbQuery(reviewMessages.itemGone);
        return;
      }
      const item =
        action.kind === "q"
          ? reviewItemName("q", question.id)
          : reviewItemName("d", declinedKey(question.question));
      state.review.markReviewed(item, adminId, clock.now());
    }
    ctx.log.info({ kind: action.kind, id: action.id }, "review item marked reviewed");
    await ctx.answerCbQuery(reviewMessages.reviewedDone);
  } else {
    await ctx.answerCbQuery();
    page = action.page;
  }
  const view = renderQueueItem(await queueOf(ctx), page, ctx.services.settings.timeZone);
  try {
    await ctx.editMessageText(view.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: view.keyboard },
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
});
