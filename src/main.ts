import { join } from "node:path";
import { pino } from "pino";
import { type BotApp, createBot } from "./bot/index.js";
import { launchBot, type RunningBot } from "./bot/launch.js";
import { sandboxMessages } from "./bot/messages.js";
import { type Config, ConfigValidationError, loadConfig } from "./config.js";
import { createEngine, type Engine } from "./engine.js";
import { syncCorpusDir } from "./ingest/corpus-sync.js";
import { createLogger, type Logger } from "./logger.js";
import { startSandbox } from "./sandbox/sandbox.js";
import { runTerminalChat } from "./sandbox/terminal-chat.js";

/**
 * The composition root. With TELEGRAM_BOT_TOKEN: load the engine, sync the corpus folder
 * into the store, build the bot and serve Telegram (BOT_MODE). Without it: the local
 * sandbox, the same bot against a Bot API emulator on 127.0.0.1 and a terminal chat.
 * SIGINT/SIGTERM stop the bot, let queued messages leave and close the store.
 */

interface Service {
  engine: Engine;
  app: BotApp;
  running: RunningBot;
  shutdown(reason: string): Promise<void>;
}

/** Engine → corpus sync → bot → launch. Shared by Telegram mode and the sandbox. */
async function startService(
  config: Config,
  token: string,
  logger: Logger,
  onProgress?: () => void,
): Promise<Service> {
  const engine = await createEngine(config, logger);
  try {
    onProgress?.();
    const summary = await syncCorpusDir({
      dir: config.CORPUS_DIR,
      store: engine.store,
      indexer: engine.indexer,
      logger,
    });
    logger.info({ dir: config.CORPUS_DIR, ...summary, failed: summary.failed.length }, "corpus synced");
    for (const f of summary.failed) logger.warn(f, "corpus file not ingested");
    const app = createBot({
      token,
      apiRoot: config.TELEGRAM_API_ROOT,
      settings: {
        accessMode: config.ACCESS_MODE,
        adminUserIds: config.ADMIN_USER_IDS,
        allowedUserIds: config.ALLOWED_USER_IDS,
        allowedChatIds: config.ALLOWED_CHAT_IDS,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        timeZone: config.TZ,
      },
      logger,
      ask: engine.ask,
      store: engine.store,
      db: engine.db,
    });
    const running = await launchBot(
      app.bot,
      config.BOT_MODE === "webhook"
        ? {
            mode: "webhook",
            url: config.WEBHOOK_URL ?? "",
            secretToken: config.WEBHOOK_SECRET ?? "",
            port: config.PORT ?? 8080,
          }
        : { mode: "polling" },
      logger,
    );
    await app
      .publishCommands()
      .catch((error: unknown) => logger.warn({ err: error }, "command menu not set"));
    let closing: Promise<void> | undefined;
    return {
      engine,
      app,
      running,
      shutdown(reason) {
        closing ??= (async () => {
          logger.info({ reason }, "shutting down");
          await running.stop(reason);
          await Promise.race([app.outbox.drain(), new Promise((r) => setTimeout(r, 5000).unref())]);
          await engine.close();
          logger.info("stopped");
        })();
        return closing;
      },
    };
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw error;
  }
}

/** The longest a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Calls `stop` on the first SIGINT or SIGTERM. Later signals (a process manager or a
 * wrapper such as tsx may deliver the same one twice) do not cut the shutdown short;
 * if it hangs, the process exits after SHUTDOWN_TIMEOUT_MS.
 */
function onStopSignal(stop: (signal: string) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    stop(signal);
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}

async function runTelegram(config: Config, token: string): Promise<void> {
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [token, config.OPENAI_API_KEY, config.QDRANT_API_KEY, config.WEBHOOK_SECRET],
  });
  const service = await startService(config, token, logger);
  onStopSignal((signal) => {
    service.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
  await service.running.done.catch((error: unknown) => {
    logger.fatal({ err: error }, "bot stopped with an error");
    process.exitCode = 1;
  });
  await service.shutdown("stopped");
}

async function runLocalSandbox(base: Config): Promise<void> {
  const sandbox = await startSandbox(base);
  const config = sandbox.config;
  // The terminal is the chat: logs go to a file next to the store.
  const logFile = join(config.STORE_DIR, "sandbox.log");
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.OPENAI_API_KEY, config.QDRANT_API_KEY],
    destination: pino.destination({ dest: logFile, mkdir: true, sync: true }),
  });
  let service: Service | undefined;
  const finish = async (reason: string) => {
    await service?.shutdown(reason);
    await sandbox.emulator.stop();
  };
  try {
    service = await startService({ ...config, BOT_MODE: "polling" }, sandbox.token, logger, () =>
      process.stdout.write(`${sandboxMessages.syncing}\n`),
    );
  } catch (error) {
    await sandbox.emulator.stop();
    throw error;
  }
  const { documents } = await service.engine.store.stats();
  onStopSignal((signal) => {
    process.stdout.write(`\n${sandboxMessages.bye}\n`);
    finish(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  await runTerminalChat({
    emulator: sandbox.emulator,
    token: sandbox.token,
    cadre: sandbox.cadre,
    admin: sandbox.admin,
    input: process.stdin,
    output: process.stdout,
    welcome: sandboxMessages.welcome({
      userId: sandbox.cadre.id,
      adminId: sandbox.admin.id,
      documents,
      logFile,
    }),
  });
  process.stdout.write(`${sandboxMessages.bye}\n`);
  await finish("terminal closed");
}

/** Secrets that must not reach the terminal even in a crash report. */
const secrets: string[] = [];

function scrub(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[REDACTED]");
  return out.replace(/bot\d{5,}:[A-Za-z0-9_-]{20,}/g, "bot[REDACTED]");
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  for (const s of [
    config.TELEGRAM_BOT_TOKEN,
    config.OPENAI_API_KEY,
    config.QDRANT_API_KEY,
    config.WEBHOOK_SECRET,
  ])
    if (s && s.length >= 6) secrets.push(s);
  if (config.TELEGRAM_BOT_TOKEN) await runTelegram(config, config.TELEGRAM_BOT_TOKEN);
  else await runLocalSandbox(config);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(
      `${scrub(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
    );
    process.exit(1);
  },
);
