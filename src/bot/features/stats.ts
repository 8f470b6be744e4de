import { Composer } from "telegraf";
import { drawUsageChart } from "../../stats/usage-chart.js";
import { escapeHtml } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { adminOnly } from "../filters/admin.js";
import { botMessages } from "../messages.js";
import type { UsageStats } from "../state/usage-stats.js";
import { chartLabels, formatDay, STATS_DAYS, statsCaption } from "../stats-report.js";

/**
 * /thongke for admins: a chart (questions per day over 30 days with the declined ones
 * and those voted 👎, the most cited documents, the busiest hours) with the numbers in
 * its caption. Should drawing fail, the numbers come as text.
 */
export const statsFeature = new Composer<BotContext>();

statsFeature.command("thongke", adminOnly(), async (ctx) => {
  const timeZone = ctx.services.settings.timeZone;
  const usage = ctx.services.state.usage({ timeZone, days: STATS_DAYS, top: 5 });
  const caption = statsCaption(usage);
  let png: Buffer;
  const started = performance.now();
  try {
    png = drawUsageChart(usage, chartLabels(usage));
  } catch (error) {
    ctx.log.error({ err: error }, "stats chart not drawn; numbers sent as text");
    await ctx.reply(statsText(usage), { parse_mode: "HTML" });
    return;
  }
  ctx.log.info(
    { questions: usage.total, bytes: png.length, ms: Math.round(performance.now() - started) },
    "stats chart drawn",
  );
  await ctx.replyWithPhoto({ source: png, filename: "thongke.png" }, { caption, parse_mode: "HTML" });
});

function statsText(usage: UsageStats): string {
  return botMessages.stats({
    ...usage,
    days: usage.days.map((d) => ({ day: formatDay(d.day), questions: d.questions })),
    topDocuments: usage.topDocuments.map((d) => ({ title: escapeHtml(d.title), count: d.count })),
  });
}
