/**
 * `npm run bench -- hostile`: issue 16's hostile files uploaded one after another to the
 * real bot through the Bot API emulator, while a cadre asks a question every 2 s. For
 * each file: its outcome, how long the upload took, the largest event-loop delay seen
 * meanwhile (goal: under 100 ms; parsing runs in worker threads) and the slowest answer
 * to the cadre; overall, the peak RSS of the process (bot, workers and the test files).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ADMIN, CADRE, startBotHarness } from "../tests/integration/bot-harness.js";
import { hostileFiles } from "../tests/support/hostile-files.js";

export interface HostileRow {
  file: string;
  mb: number;
  outcome: string;
  upload_ms: number;
  event_loop_max_ms: number;
  slowest_answer_ms: number;
  questions: number;
}

export interface HostileBenchResult {
  rows: HostileRow[];
  event_loop_max_ms: number;
  slowest_answer_ms: number;
  peak_rss_mb: number;
}

const QUESTION = "Bí thư đồng thời là chủ tịch ủy ban nhân dân xã có thuận lợi gì?";

export async function runHostileBench(): Promise<HostileBenchResult> {
  const files = await hostileFiles({ fiftyMegabytes: true });
  const h = await startBotHarness();
  const admin = h.user(ADMIN);
  const cadre = h.user(CADRE);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  // One question before the first file: the first answer after start-up loads the
  // retriever's tables and compiles its code paths (cold start, ~100 ms once), which is
  // not what a hostile upload costs the others.
  await cadre.sendText(QUESTION);
  await cadre.waitForBotMessage(undefined, 30_000);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const rows: HostileRow[] = [];
  try {
    for (const file of files) {
      delay.reset();
      const started = performance.now();
      await admin.sendDocument({ bytes: file.bytes, fileName: file.fileName });
      let done = false;
      const final = admin
        .waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 180_000)
        .finally(() => {
          done = true;
        });
      const answers: number[] = [];
      do {
        const tick = performance.now();
        await cadre.sendText(QUESTION);
        await cadre.waitForBotMessage(undefined, 30_000);
        answers.push(performance.now() - tick);
        while (!done && performance.now() - tick < 2000) await new Promise((r) => setTimeout(r, 50));
      } while (!done);
      const message = await final;
      const uploadMs = performance.now() - started;
      const refused = /Không thêm được|quá lớn/.test(message.plainText);
      // The message's first line names the file; the reason follows (a refusal before any
      // download, over 20 MB, is one line).
      const lines = message.plainText.split("\n").filter((l) => l.trim());
      const reason = (lines[1] ?? lines[0] ?? "").slice(0, 60);
      rows.push({
        file: file.name,
        mb: Math.round((file.bytes.byteLength / 1024 / 1024) * 100) / 100,
        outcome: refused ? `refused: ${reason}` : "accepted",
        upload_ms: Math.round(uploadMs),
        event_loop_max_ms: Math.round(delay.max / 1e6),
        slowest_answer_ms: Math.round(Math.max(...answers)),
        questions: answers.length,
      });
    }
  } finally {
    delay.disable();
    clearInterval(sampler);
    await h.close();
  }
  return {
    rows,
    event_loop_max_ms: Math.max(...rows.map((r) => r.event_loop_max_ms)),
    slowest_answer_ms: Math.max(...rows.map((r) => r.slowest_answer_ms)),
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  };
}

export function printHostileTable(result: HostileBenchResult): void {
  console.log("\n== hostile uploads through the Bot API emulator, a cadre asking every 2 s");
  console.table(Object.fromEntries(result.rows.map(({ file, ...row }) => [file, row])));
  console.log(
    `largest event-loop delay ${result.event_loop_max_ms} ms (goal < 100), slowest answer ${result.slowest_answer_ms} ms, peak RSS ${result.peak_rss_mb} MB`,
  );
}
