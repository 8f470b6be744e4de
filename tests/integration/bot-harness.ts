import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { AskService } from "../../src/answer/ask-service.js";
import { type BotApp, type BotDeps, type BotSettings, createBot } from "../../src/bot/index.js";
import { launchBot, type RunningBot } from "../../src/bot/launch.js";
import type { Clock } from "../../src/clock.js";
import { syncCorpusDir } from "../../src/corpus/corpus-dir.js";
import { createCorpusService } from "../../src/corpus/corpus-service.js";
import type { EmulatorUser, UserClient } from "../../src/emulator/index.js";
import {
  type Emulator,
  type EmulatorChat,
  type EmulatorOptions,
  startEmulator,
} from "../../src/emulator/index.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { createLogger } from "../../src/logger.js";
import type { Transcriber } from "../../src/speech/transcriber.js";
import { DEFAULT_LIMITS } from "../../src/telegram/outbox/index.js";
import { waitFor } from "../support/wait-for.js";

/** The default corpus shipped with the project. */
export const DEFAULT_CORPUS_DIR = "data/corpus";
/** Title of the seed document (data/corpus/000_...txt). */
export const SEED_TITLE_START = "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa";

export const ADMIN: EmulatorUser = { id: 9001, firstName: "Quản trị", username: "quan_tri" };
export const CADRE: EmulatorUser = { id: 5001, firstName: "Lan", username: "can_bo_lan" };
export const STRANGER: EmulatorUser = { id: 7777, firstName: "Khách", username: "khach_la" };

export interface HarnessOptions {
  /** Folder synced into the store before the bot starts; false for none. Default: the default corpus. */
  corpusDir?: string | false;
  /** Extra documents ingested into the temp store (file name → text). */
  documents?: Record<string, string>;
  settings?: Partial<BotSettings>;
  emulator?: EmulatorOptions;
  /** Run against this emulator (and token) instead of starting one; it is left running on close. */
  shared?: { emulator: Emulator; token: string };
  /** Replaces the engine's AskService (a scripted one, for failure or length cases). */
  ask?: (engine: Engine) => AskService;
  clock?: Clock;
  outbox?: BotDeps["outbox"];
  /** Reuse a store folder (to test persistence across restarts). */
  storeDir?: string;
  /** Speech to text for voice questions (default: the engine's, none without an endpoint). */
  transcriber?: Transcriber;
  /** Admins' links: allowed private hosts (default 127.0.0.1) and the fetch deadline (default 5 s). */
  links?: { allowHosts?: string[]; timeoutMs?: number };
}

/** A log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface BotHarness {
  emulator: Emulator;
  engine: Engine;
  app: BotApp;
  running: RunningBot;
  token: string;
  storeDir: string;
  logs: LogLine[];
  /** A user writing to the bot (private chat by default). */
  user(user: EmulatorUser, chat?: EmulatorChat): UserClient;
  /** Stops the bot and the emulator (unless shared), closes the store; removes the store folder unless kept. */
  close(options?: { keepStore?: boolean }): Promise<void>;
}

/**
 * The real bot against the Bot API emulator on 127.0.0.1 (a port of its own), with a
 * fresh SQLite store in a temp folder holding the default corpus (and any extra test
 * documents). Logs are captured as JSON lines.
 */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const storeDir = options.storeDir ?? (await mkdtemp(join(tmpdir(), "nhatthe-bot-")));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const logger = createLogger({ level: "debug", destination: sink });
  const emulator =
    options.shared?.emulator ?? (await startEmulator({ host: "127.0.0.1", port: 0, ...options.emulator }));
  const engine = await createEngine({ STORE_DIR: storeDir }, logger);
  const corpusDir = options.corpusDir ?? DEFAULT_CORPUS_DIR;
  if (corpusDir !== false)
    await syncCorpusDir({ dir: corpusDir, store: engine.store, indexer: engine.indexer, logger });
  for (const [name, text] of Object.entries(options.documents ?? {})) {
    await engine.indexer.ingestBytes(Buffer.from(text, "utf8"), name);
  }
  const token =
    options.shared?.token ?? `${emulator.botInfo.id}:test-token-${Math.random().toString(36).slice(2)}`;
  const app = createBot({
    token,
    apiRoot: emulator.apiRoot,
    settings: {
      accessMode: "allowlist",
      adminUserIds: [ADMIN.id],
      allowedUserIds: [CADRE.id],
      allowedChatIds: [],
      rateLimitPerMinute: 100,
      timeZone: "Asia/Ho_Chi_Minh",
      ...options.settings,
    },
    logger,
    ask: options.ask ? options.ask(engine) : engine.ask,
    store: engine.store,
    db: engine.db,
    official: engine.official,
    inForce: { relations: engine.relations, corrections: engine.relationCorrections },
    corpus: createCorpusService({
      store: engine.store,
      indexer: engine.indexer,
      log: engine.corpusLog,
      storeDir,
      ...(corpusDir !== false ? { corpusDir } : {}),
      logger,
      // Admins' links reach the tests' local HTTP servers on 127.0.0.1 (not "localhost").
      links: { allowHosts: ["127.0.0.1"], timeoutMs: 5_000, ...options.links },
    }),
    transcriber: options.transcriber ?? engine.transcriber ?? null,
    ...(options.clock ? { clock: options.clock } : {}),
    // Telegram's per-chat limits would make a test that chats a lot wait for seconds.
    outbox: {
      baseDelayMs: 20,
      limits: {
        ...DEFAULT_LIMITS,
        privateChat: { max: 100, windowMs: 1000 },
        groupChat: { max: 100, windowMs: 1000 },
      },
      ...options.outbox,
    },
  });
  const running = await launchBot(app.bot, { mode: "polling" }, logger);
  await app.publishCommands();
  return {
    emulator,
    engine,
    app,
    running,
    token,
    storeDir,
    logs,
    user: (user, chat) => emulator.createUserClient(token, user, chat),
    async close(closeOptions = {}) {
      await running.stop("test finished");
      await app.corpus?.drain();
      await app.outbox.drain();
      if (!options.shared) await emulator.stop();
      await engine.close();
      if (!closeOptions.keepStore) await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/** The question log id of an answer message, once the bot has recorded it. */
export function questionIdOf(harness: BotHarness, chatId: number, messageId: number): Promise<number> {
  return waitFor(
    () =>
      (
        harness.engine.db
          .prepare("SELECT question_id FROM bot_answer_messages WHERE chat_id = ? AND message_id = ?")
          .get(chatId, messageId) as { question_id: number } | undefined
      )?.question_id,
    { what: `answer message ${messageId} to be recorded` },
  );
}

/** Rows of a bot table, for assertions on the stored state. */
export function rows<T = Record<string, unknown>>(
  harness: BotHarness,
  sql: string,
  ...params: unknown[]
): T[] {
  return harness.engine.db.prepare(sql).all(...params) as T[];
}
