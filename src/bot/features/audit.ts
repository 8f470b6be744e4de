import { Composer } from "telegraf";
import type { CorpusLog } from "../../audit/corpus-log.js";
import type { BotContext } from "../context.js";
import { adminOnly, isAdmin } from "../filters/admin.js";
import { botMessages } from "../messages.js";
import { replyTo } from "../reply-to.js";
import { parseAuditPage } from "../upload/callback-data.js";
import { AUDIT_PAGE_SIZE, renderAuditPage } from "../upload/cards.js";
import { isNotModified } from "../upload/progress.js";

/**
 * `/nhatky` for admins: the corpus audit log (who added, replaced or deleted which
 * document, when, from Telegram, the CLI or the start-up sync), newest first, 10 a page
 * with ◀ ▶ edited into the same message.
 */
export function auditFeature(log: CorpusLog | null): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const page = (n: number, timeZone: string) => {
    const total = log?.count() ?? 0;
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const shown = Math.min(Math.max(0, n), pages - 1);
    const events = log?.recent(AUDIT_PAGE_SIZE, shown * AUDIT_PAGE_SIZE) ?? [];
    return renderAuditPage({ events, total, page: shown, timeZone });
  };

  feature.command("nhatky", adminOnly(), async (ctx) => {
    const view = page(0, ctx.services.settings.timeZone);
    await ctx.reply(view.text, {
      parse_mode: "HTML",
      ...(view.keyboard.length > 0 ? { reply_markup: { inline_keyboard: view.keyboard } } : {}),
      ...replyTo(ctx),
    });
  });

  feature.action(/^nk:/, async (ctx) => {
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
    const view = page(n, ctx.services.settings.timeZone);
    try {
      await ctx.editMessageText(view.text, {
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: view.keyboard },
      });
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
  });

  return feature;
}
