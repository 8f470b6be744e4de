/**
 * `npm run bench -- chart`: /thongke's chart for 30 days of 10,000 questions (with
 * declines, 👎 votes and cited sources) in a bot state database: the query of the
 * numbers and the drawing, each timed (median and worst of 7 runs after one warm-up).
 */

import { createBotState } from "../src/bot/state/bot-state.js";
import { chartLabels } from "../src/bot/stats-report.js";
import { drawUsageChart } from "../src/stats/usage-chart.js";
import { openDatabase } from "../src/store/sqlite.js";

export interface ChartBench {
  questions: number;
  days: number;
  query_ms_p50: number;
  draw_ms_p50: number;
  total_ms_p50: number;
  total_ms_max: number;
  png_bytes: number;
}

export function runChartBench(questions = 10_000, days = 30): ChartBench {
  const now = Date.parse("2026-12-02T10:00:00Z");
  let at = now;
  const state = createBotState(openDatabase(":memory:"), { now: () => at });
  // Within the last `days` local days, today included (now is 17:00 in Hanoi).
  const span = (days - 1) * 24 * 60 * 60 * 1000;
  // A fixed pseudo-random sequence: the same data every run.
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < questions; i++) {
    at = now - Math.floor(random() * span);
    const declined = random() < 0.15;
    const id = state.logQuestion({
      chatId: 1000 + (i % 50),
      userId: 1000 + (i % 50),
      updateId: i,
      question: `Câu hỏi số ${i % 700}`,
      answer: "…",
      mode: "extractive",
      declined,
      latencyMs: 5,
      citations: declined
        ? []
        : [{ n: 1, chunkId: `c${i % 300}`, docId: `d${i % 40}`, title: `Tài liệu số ${i % 40}` }],
    });
    if (random() < 0.05) state.recordFeedback(id, 1000 + (i % 50), random() < 0.6 ? -1 : 1);
  }
  at = now;
  const timeZone = "Asia/Ho_Chi_Minh";
  const run = () => {
    const t0 = performance.now();
    const usage = state.usage({ timeZone, days });
    const t1 = performance.now();
    const png = drawUsageChart(usage, chartLabels(usage));
    const t2 = performance.now();
    return { query: t1 - t0, draw: t2 - t1, total: t2 - t0, bytes: png.length, total_questions: usage.total };
  };
  run();
  const runs = Array.from({ length: 7 }, run);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    questions: runs[0]?.total_questions ?? 0,
    days,
    query_ms_p50: round(median(runs.map((r) => r.query))),
    draw_ms_p50: round(median(runs.map((r) => r.draw))),
    total_ms_p50: round(median(runs.map((r) => r.total))),
    total_ms_max: round(Math.max(...runs.map((r) => r.total))),
    png_bytes: runs[0]?.bytes ?? 0,
  };
}

export function printChartTable(r: ChartBench): void {
  console.log(
    `\n== /thongke chart: ${r.questions} questions over ${r.days} days (target: drawn in under 500 ms)`,
  );
  console.table({ chart: r });
}
