import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createBotState } from "../../../src/bot/state/bot-state.js";
import { runStatsCommand } from "../../../src/bot/stats-report.js";
import { CHART_HEIGHT, CHART_WIDTH } from "../../../src/stats/usage-chart.js";
import { openDatabase } from "../../../src/store/sqlite.js";

const HOUR = 60 * 60 * 1000;
/** 2026-12-02 10:00 UTC is 17:00 in Hanoi (UTC+7). */
const NOW = Date.parse("2026-12-02T10:00:00Z");

function seeded() {
  let at = NOW;
  const db = openDatabase(":memory:");
  const state = createBotState(db, { now: () => at });
  const ask = (when: number, declined: boolean, doc?: string) => {
    at = when;
    return state.logQuestion({
      chatId: 1,
      userId: 1,
      updateId: undefined,
      question: "q",
      answer: "a",
      mode: "extractive",
      declined,
      latencyMs: 1,
      citations: doc ? [{ n: 1, chunkId: `c-${doc}`, docId: doc, title: `Tài liệu ${doc}` }] : [],
    });
  };
  // 23:30 UTC on 1 Dec is 06:30 on 2 Dec in Hanoi: today, at 6h.
  const a = ask(Date.parse("2026-12-01T23:30:00Z"), false, "d1");
  ask(Date.parse("2026-12-01T23:45:00Z"), true);
  // 16:59 UTC on 1 Dec is 23:59 on 1 Dec in Hanoi: yesterday, at 23h.
  ask(Date.parse("2026-12-01T16:59:00Z"), false, "d2");
  // 31 days ago: outside the window.
  ask(NOW - 31 * 24 * HOUR, false, "d3");
  at = NOW;
  state.recordFeedback(a, 5, -1);
  state.recordFeedback(a, 6, -1);
  return { db, state, clock: { now: () => at } };
}

describe("usage statistics for /thongke", () => {
  it("counts questions per local day and hour, declined and voted-down questions, over 30 local days", () => {
    const { state } = seeded();
    const usage = state.usage({ timeZone: "Asia/Ho_Chi_Minh", days: 30 });
    expect(usage.days).toHaveLength(30);
    expect(usage.days.at(-1)).toEqual({ day: "2026-12-02", questions: 2, declined: 1, down: 1 });
    expect(usage.days.at(-2)).toEqual({ day: "2026-12-01", questions: 1, declined: 0, down: 0 });
    expect(usage.days[0]?.day).toBe("2026-11-03");
    expect(usage.hours[6]).toBe(2);
    expect(usage.hours[23]).toBe(1);
    expect(usage.hours.reduce((s, n) => s + n, 0)).toBe(3);
    expect(usage).toMatchObject({ total: 3, declined: 1, downVoted: 1, down: 2, up: 0 });
    expect(usage.topDocuments.map((d) => d.docId).sort()).toEqual(["d1", "d2"]);
  });

  it("`cli stats --png` writes the chart and prints the caption as text", async () => {
    const { db, clock } = seeded();
    const dir = mkdtempSync(join(tmpdir(), "stats-"));
    try {
      const lines: string[] = [];
      const file = join(dir, "out.png");
      await runStatsCommand(db, { timeZone: "Asia/Ho_Chi_Minh", clock, png: file }, (l) => lines.push(l));
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      expect(lines.join("\n")).toContain(
        "Câu hỏi: 3; không tìm được câu trả lời: 1 (33,3%); bị 👎: 1 (33,3%)",
      );
      expect(lines.join("\n")).not.toContain("<b>");
      const json: string[] = [];
      await runStatsCommand(db, { timeZone: "Asia/Ho_Chi_Minh", clock, json: true }, (l) => json.push(l));
      expect(JSON.parse(json[0]!)).toMatchObject({ total: 3, declined: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
