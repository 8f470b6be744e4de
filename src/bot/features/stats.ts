import { Composer } from "telegraf";
import type { BotContext } from "../context.js";
import { adminOnly } from "../filters/admin.js";
import { escapeHtml } from "../format/index.js";
import { botMessages } from "../messages.js";

/** /thongke for admins: questions per day (7 days), decline rate, most cited documents, 👍/👎. */
export const statsFeature = new Composer<BotContext>();

statsFeature.command("thongke", adminOnly(), async (ctx) => {
  const stats = ctx.services.state.stats({ timeZone: ctx.services.settings.timeZone, days: 7, top: 5 });
  const text = botMessages.stats({
    ...stats,
    days: stats.days.map((d) => ({ day: formatDay(d.day), questions: d.questions })),
    topDocuments: stats.topDocuments.map((d) => ({ title: escapeHtml(d.title), count: d.count })),
  });
  await ctx.reply(text, { parse_mode: "HTML" });
});

/** 2025-03-07 → 07/03. */
function formatDay(isoDay: string): string {
  const [, month, day] = isoDay.split("-");
  return `${day}/${month}`;
}
