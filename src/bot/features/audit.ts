import { Composer } from "telegraf";
import { callbackTrigger, parseAuditPage } from "../../telegram/callback-data/index.js";
import type { BotContext } from "../context.js";
import { adminOnly, isAdmin } from "../filters/admin.js";
import { botMessages } from "../messages.js";
import { replyTo } from "../reply-to.js";
import { AUDIT_PAGE_SIZE, renderAuditPage } from "../upload/cards.js";
import { isNotModified } from "../upload/progress.js";

/**
 * `/nhatky` for admins: the corpus audit log (who added, replaced or deleted which
 * document, when, from Telegram, the CLI or the start-up sync) and the official answers'
 * (who added, edited or removed which), newest first, 10 a page with ◀ ▶ edited into the
 * same message.
 */
export const auditFeature = new Composer<BotContext>();

/** Corpus changes, official-answer changes and relation corrections in one log, newest first. */
function auditPage(ctx: BotContext, n: number) {
  const { official, corpus, inForce } = ctx.services;
  const log = corpus?.log ?? null;
  const corrections = inForce?.corrections ?? null;
  const total = (log?.count() ?? 0) + (official?.eventCount() ?? 0) + (corrections?.count() ?? 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const shown = Math.min(Math.max(0, n), pages - 1);
  const upTo = (shown + 1) * AUDIT_PAGE_SIZE;
  const events = [
    ...(log?.recent(upTo) ?? []),
    ...(official?.events(upTo) ?? []),
    ...(corrections?.recent(upTo) ?? []),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(shown * AUDIT_PAGE_SIZE, upTo);
  return renderAuditPage({ events, total, page: shown, timeZone: ctx.services.settings.timeZone });
}

auditFeature.command("nhatky", adminOnly(), async (ctx) => {
  const view = auditPage(ctx, 0);
  await ctx.reply(view.text, {
    parse_mode: "HTML",
    ...(view.keyboard.length > 0 ? { reply_markup: { inline_keyboard: view.keyboard } } : {}),
    ...replyTo(ctx),
  });
});

auditFeature.action(callbackTrigger("nk"), async (ctx) => {
  const n = parseAuditPage(ctx.match.input);
  if (n === null) {
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  if (!isAdmin(ctx)) {
    await ctx.answerCbQuery(botMessages.adminOnly, { show_alert: true });
    return;
  }
  await ctx.answerCbQuery();
  const view = auditPage(ctx, n);
  try {
    await ctx.editMessageText(view.text, {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: view.keyboard },
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
});
