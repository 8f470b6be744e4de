/**
 * Bot under load: simulated users asking the real bot through the Bot API emulator on
 * 127.0.0.1, over HTTP, with the default corpus and extractive answers. The per-user
 * rate limit is off and the outbox limits are raised (Telegram's would cap the bench at
 * 30 messages a second), so what is measured is the bot itself.
 *
 * Two shapes of load:
 * - `users`: `users` people at once, each asking `questionsPerUser` questions one after
 *   the other (the next when the previous answer arrived), as people chat;
 * - `burst`: every question of every user sent at the same instant.
 *
 * Answer time is from the user's message reaching the emulator to the bot's answer
 * reaching it. A question without exactly one answer within `timeoutMs` is lost.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createBot } from "../src/bot/index.js";
import { launchBot } from "../src/bot/launch.js";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { startEmulator, type UserClient } from "../src/emulator/index.js";
import { createEngine } from "../src/engine.js";
import { percentile } from "../src/eval/gold.js";
import { DEFAULT_LIMITS } from "../src/telegram/outbox/index.js";

export interface BotLoadOptions {
  users?: number;
  questionsPerUser?: number;
  /** How long one question may wait for its answer before it counts as lost. */
  timeoutMs?: number;
  corpusDir?: string;
  questionsFile?: string;
}

export interface LoadShapeResult {
  questions: number;
  answered: number;
  lost: number;
  duplicates: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  wall_ms: number;
  answers_per_s: number;
}

export interface BotLoadResult {
  users: number;
  questions_per_user: number;
  documents: number;
  users_shape: LoadShapeResult;
  burst_shape: LoadShapeResult;
  rss_mb: number;
  peak_rss_mb: number;
  /** The goal: p95 under 300 ms for people chatting, no message lost. */
  goal_met: boolean;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (ms: number) => Math.round(ms * 10) / 10;

function loadQuestions(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { question: string }).question);
}

/** Sends one question and waits for the bot's reply to it; null when none came in time. */
async function askOnce(client: UserClient, question: string, timeoutMs: number): Promise<number | null> {
  const t0 = performance.now();
  const sent = await client.sendText(question);
  try {
    await client.waitForBotMessage((m) => m.replyToMessageId === sent.messageId, {
      timeoutMs,
      afterMessageId: 0,
    });
    return performance.now() - t0;
  } catch {
    return null;
  }
}

function summarizeShape(times: Array<number | null>, wallMs: number, duplicates: number): LoadShapeResult {
  const answered = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
  return {
    questions: times.length,
    answered: answered.length,
    lost: times.length - answered.length,
    duplicates,
    p50_ms: round(percentile(answered, 0.5)),
    p95_ms: round(percentile(answered, 0.95)),
    max_ms: round(answered.at(-1) ?? 0),
    wall_ms: Math.round(wallMs),
    answers_per_s: Math.round((answered.length / wallMs) * 1000 * 10) / 10,
  };
}

/** Questions answered more than once (a duplicate answer is as wrong as a lost one). */
function countDuplicates(clients: UserClient[]): number {
  let duplicates = 0;
  for (const client of clients) {
    const perQuestion = new Map<number, number>();
    for (const m of client.botMessages()) {
      if (m.replyToMessageId !== undefined)
        perQuestion.set(m.replyToMessageId, (perQuestion.get(m.replyToMessageId) ?? 0) + 1);
    }
    for (const n of perQuestion.values()) if (n > 1) duplicates += n - 1;
  }
  return duplicates;
}

export async function runBotLoadBench(options: BotLoadOptions = {}): Promise<BotLoadResult> {
  const users = options.users ?? 50;
  const perUser = options.questionsPerUser ?? 10;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const questions = loadQuestions(options.questionsFile ?? "bench/data/questions.jsonl");
  const dir = mkdtempSync(join(tmpdir(), "nhatthe-botload-"));
  const logger = pino({ level: "silent" });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
  const engine = await createEngine({ STORE_DIR: dir }, logger);
  try {
    await syncCorpusDir({
      dir: options.corpusDir ?? "data/corpus",
      store: engine.store,
      indexer: engine.indexer,
      logger,
    });
    const token = `${emulator.botInfo.id}:bench`;
    const userIds = Array.from({ length: users }, (_, i) => 100_000 + i);
    const app = createBot({
      token,
      apiRoot: emulator.apiRoot,
      settings: {
        accessMode: "allowlist",
        adminUserIds: [],
        allowedUserIds: userIds,
        allowedChatIds: [],
        rateLimitPerMinute: 0,
        timeZone: "Asia/Ho_Chi_Minh",
      },
      logger,
      ask: engine.ask,
      store: engine.store,
      db: engine.db,
      outbox: {
        limits: {
          ...DEFAULT_LIMITS,
          global: { max: 100_000, windowMs: 1000 },
          privateChat: { max: 10_000, windowMs: 1000 },
        },
      },
    });
    const running = await launchBot(app.bot, { mode: "polling" }, logger);
    const questionFor = (user: number, j: number) => questions[(user * perUser + j) % questions.length]!;
    try {
      // Warm-up: the first question pays for caches and lazy initialization.
      const warm = emulator.createUserClient(token, { id: 99_999, firstName: "Warm" });
      app.services.state.setPermission("user", 99_999, "allowed");
      await askOnce(warm, questions[0]!, timeoutMs);

      // People chatting: each user asks, waits for the answer, asks the next.
      const chatting = userIds.map((id) => emulator.createUserClient(token, { id, firstName: `U${id}` }));
      let t0 = performance.now();
      const perUserTimes = await Promise.all(
        chatting.map(async (client, u) => {
          const times: Array<number | null> = [];
          for (let j = 0; j < perUser; j++) times.push(await askOnce(client, questionFor(u, j), timeoutMs));
          return times;
        }),
      );
      const usersShape = summarizeShape(
        perUserTimes.flat(),
        performance.now() - t0,
        countDuplicates(chatting),
      );

      // Burst: everything at once, from fresh chats.
      const bursting = userIds.map((id) =>
        emulator.createUserClient(token, { id: id + users, firstName: `B${id}` }),
      );
      for (const id of userIds) app.services.state.setPermission("user", id + users, "allowed");
      t0 = performance.now();
      const burstTimes = await Promise.all(
        bursting.flatMap((client, u) =>
          Array.from({ length: perUser }, (_, j) => askOnce(client, questionFor(u, j), timeoutMs)),
        ),
      );
      const burstShape = summarizeShape(burstTimes, performance.now() - t0, countDuplicates(bursting));

      const { documents } = await engine.store.stats();
      return {
        users,
        questions_per_user: perUser,
        documents,
        users_shape: usersShape,
        burst_shape: burstShape,
        rss_mb: mb(process.memoryUsage().rss),
        peak_rss_mb: mb(peakRss),
        goal_met: usersShape.p95_ms < 300 && usersShape.lost === 0 && burstShape.lost === 0,
      };
    } finally {
      await running.stop("bench finished");
      await app.outbox.drain();
    }
  } finally {
    clearInterval(sampler);
    await emulator.stop();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/bot-load.ts`: run this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  runBotLoadBench().then(
    (result) => {
      console.table({ users: result.users_shape, burst: result.burst_shape });
      console.log(JSON.stringify(result, null, 2));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
