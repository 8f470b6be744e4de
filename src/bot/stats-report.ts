import { writeFile } from "node:fs/promises";
import type Database from "better-sqlite3";
import type { Clock } from "../clock.js";
import { drawUsageChart } from "../stats/usage-chart.js";
import { escapeHtml, truncate, visibleText } from "../telegram/format/index.js";
import { statsMessages } from "./messages.js";
import { createBotState } from "./state/bot-state.js";
import type { UsageStats } from "./state/usage-stats.js";

/** Days /thongke and `cli stats` cover. */
export const STATS_DAYS = 30;

/** 2025-03-07 → 07/03. */
export function formatDay(isoDay: string): string {
  const [, month, day] = isoDay.split("-");
  return `${day}/${month}`;
}

/** The chart's Vietnamese labels for these days. */
export function chartLabels(usage: UsageStats) {
  return statsMessages.chart(
    usage.days.length,
    formatDay(usage.days[0]?.day ?? ""),
    formatDay(usage.days.at(-1)?.day ?? ""),
  );
}

/** The caption (HTML): under Telegram's 1024 characters whatever the titles (each cut to 90). */
export function statsCaption(usage: UsageStats): string {
  const busiest = usage.hours.reduce((best, n, h) => (n > (usage.hours[best] ?? 0) ? h : best), 0);
  return statsMessages.caption({
    days: usage.days.length,
    total: usage.total,
    declined: usage.declined,
    downVoted: usage.downVoted,
    up: usage.up,
    down: usage.down,
    busiestHour: usage.total > 0 ? busiest : null,
    topDocuments: usage.topDocuments.map((d) => ({
      title: escapeHtml(truncate(d.title, 90)),
      count: d.count,
    })),
    llm: usage.llm,
  });
}

/**
 * `npm run cli -- stats [--png <file>] [--json]`: the admin statistics from the bot's
 * state in the store, as /thongke shows them (the caption as text, or the numbers as
 * JSON), and with `--png` the same chart written to a file.
 */
export async function runStatsCommand(
  db: Database.Database,
  options: { timeZone: string; clock: Clock; png?: string; json?: boolean },
  out: (line: string) => void,
): Promise<number> {
  // Creates the bot's tables when the bot has never run on this store.
  const usage = createBotState(db, options.clock).usage({ timeZone: options.timeZone, days: STATS_DAYS });
  if (options.png) {
    const png = drawUsageChart(usage, chartLabels(usage));
    await writeFile(options.png, png);
  }
  if (options.json) out(JSON.stringify({ ...usage, ...(options.png ? { png: options.png } : {}) }));
  else {
    out(visibleText(statsCaption(usage)));
    if (options.png) out(statsMessages.pngWritten(options.png));
  }
  return 0;
}
