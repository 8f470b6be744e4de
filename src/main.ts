import { join } from "node:path";
import { pino } from "pino";
import { type BotApp, createBot } from "./bot/index.js";
import { type LaunchMode, launchBot, type RunningBot } from "./bot/launch.js";
import { sandboxMessages } from "./bot/messages.js";
import { type Config, ConfigValidationError, loadConfig } from "./config.js";
import { createCorpusService } from "./corpus/corpus-service.js";
import { createEngineDigest } from "./digest/index.js";
import { createEngine, type Engine } from "./engine.js";
import { configureParsing, parseLimitsFromConfig } from "./ingest/parse-pool.js";
import { createLogger, type Logger, redactSecrets } from "./logger.js";
import {
  createMetrics,
  instrumentAsk,
  instrumentIndexer,
  type Metrics,
  observeTelegramErrors,
} from "./metrics.js";
import { startSandbox } from "./sandbox/sandbox.js";
import { runTerminalChat } from "./sandbox/terminal-chat.js";
import { createHealthCheck, type HealthPart } from "./server/health.js";
import { createHttpServer, type HttpServer } from "./server/http-server.js";
import { llmProbe, qdrantProbe } from "./server/probes.js";
import { onStopSignals, type ShutdownOutcome, shutdownGracefully } from "./server/shutdown.js";

/**
 * The composition root. With TELEGRAM_BOT_TOKEN: load the engine, sync the corpus folder
 * into the store, build the bot, start the HTTP server (webhook, /healthz, /metrics: in
 * webhook mode, or with PORT set) and serve Telegram (BOT_MODE). Without it: the local
 * sandbox, the same bot against a Bot API emulator on 127.0.0.1 and a terminal chat.
 *
 * SIGINT/SIGTERM: stop taking updates, let the answers in flight finish and the outbox
 * empty (within SHUTDOWN_TIMEOUT_MS), close the store, exit 0. A second signal (more
 * than a second later) exits at once with code 130. A bad configuration exits 1 with
 * every problem on stderr.
 */

interface Service {
  engine: Engine;
  app: BotApp;
  running: RunningBot;
  metrics: Metrics;
  server?: HttpServer;
  shutdown(reason: string): Promise<ShutdownOutcome>;
}

/** `/healthz` parts: the store always; Qdrant when it is the backend; the LLM when configured. */
function healthParts(config: Config, engine: Engine): HealthPart[] {
  const parts: HealthPart[] = [{ name: "store", probe: () => engine.store.stats() }];
  if (config.STORE === "qdrant" && config.QDRANT_URL)
    parts.push({
      name: "qdrant",
      probe: qdrantProbe({ url: config.QDRANT_URL, apiKey: config.QDRANT_API_KEY }),
      cacheMs: 10_000,
    });
  if (config.OPENAI_API_KEY)
    parts.push({
      name: "llm",
      probe: llmProbe({ baseUrl: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY }),
      cacheMs: 30_000,
    });
  return parts;
}

/** Engine → corpus sync → bot → HTTP server → launch. Shared by Telegram mode and the sandbox. */
async function startService(
  config: Config,
  token: string,
  logger: Logger,
  options: { http: boolean; onProgress?: () => void; signal: AbortSignal },
): Promise<Service> {
  const { signal } = options;
  configureParsing({ ...parseLimitsFromConfig(config), logger });
  const engine = await createEngine(config, logger);
  let server: HttpServer | undefined;
  try {
    // A stop before the bot answers unwinds here: what was opened is closed in `catch`.
    signal.throwIfAborted();
    const embeddingProblem = await engine.checkEmbeddings();
    if (embeddingProblem)
      logger.warn({ problem: embeddingProblem }, "stored vectors need `npm run cli -- reindex`");
    const metrics = createMetrics();
    const indexer = instrumentIndexer(engine.indexer, metrics);
    const corpus = createCorpusService({
      store: engine.store,
      indexer,
      log: engine.corpusLog,
      storeDir: config.STORE_DIR,
      corpusDir: config.CORPUS_DIR,
      logger,
      links: { allowHosts: config.LINK_ALLOW_HOSTS, timeoutMs: config.LINK_TIMEOUT_MS },
    });
    options.onProgress?.();
    const summary = await corpus.syncFolder({ signal });
    signal.throwIfAborted();
    logger.info({ dir: config.CORPUS_DIR, ...summary, failed: summary.failed.length }, "corpus synced");
    for (const f of summary.failed) logger.warn(f, "corpus file not ingested");
    const reindexed = await corpus.reindexOutdated({ signal });
    signal.throwIfAborted();
    if (reindexed.reindexed + reindexed.withoutOriginal + reindexed.failed > 0)
      logger.info(reindexed, "documents of an older ingest pipeline indexed again");
    const digest = createEngineDigest(engine, { zone: config.TZ, defaultTime: config.DIGEST_TIME }, logger);
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
      ask: instrumentAsk(engine.ask, metrics),
      store: engine.store,
      db: engine.db,
      official: engine.official,
      inForce: { relations: engine.relations, corrections: engine.relationCorrections },
      corpus,
      transcriber: engine.transcriber ?? null,
      digest: digest.service,
    });
    observeTelegramErrors(app.bot.telegram, metrics);

    const webhook = config.BOT_MODE === "webhook";
    if (options.http && (webhook || config.PORT !== undefined)) {
      server = createHttpServer({
        logger,
        health: createHealthCheck({ parts: healthParts(config, engine), logger }),
        metrics,
      });
      await server.listen(config.PORT ?? 8080, config.HTTP_HOST);
    }
    signal.throwIfAborted();
    const how: LaunchMode =
      config.BOT_MODE === "webhook" && server
        ? {
            mode: "webhook",
            url: config.WEBHOOK_URL,
            secretToken: config.WEBHOOK_SECRET,
            server,
            maxInFlight: config.WEBHOOK_MAX_IN_FLIGHT,
            metrics,
          }
        : { mode: "polling" };
    const running = await launchBot(app.bot, how, logger);
    // From here on the bot answers: a stop goes through `shutdown`, which stops it all.
    metrics.observeInFlight(running.inFlight);
    await app
      .publishCommands()
      .catch((error: unknown) => logger.warn({ err: error }, "command menu not set"));
    // Daily digests go out through the bot's Telegram client (the outbox). The catch-up
    // runs in the background; a stop waits for it in the digest closer.
    const digestRunner = digest.createRunner(app.bot.telegram, {
      delivery: { onReport: (r) => r.outcome.status === "sent" && metrics.recordDigest() },
    });
    if (!signal.aborted)
      void digestRunner.scheduler
        .start()
        .catch((error: unknown) => logger.error({ err: error }, "digest scheduler failed to start"));
    let closing: Promise<ShutdownOutcome> | undefined;
    const httpServer = server;
    return {
      engine,
      app,
      running,
      metrics,
      server,
      shutdown(reason) {
        closing ??= shutdownGracefully(
          {
            logger,
            timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
            bot: running,
            server: httpServer,
            pending: [{ name: "uploads", wait: () => corpus.drain() }],
            outbox: app.outbox,
            closers: [
              // A digest still on its way either finishes or is resumed after the restart.
              { name: "digest", close: () => digestRunner.stop() },
              { name: "store", close: () => engine.close() },
            ],
          },
          reason,
        );
        return closing;
      },
    };
  } catch (error) {
    await server?.close().catch(() => undefined);
    await engine.close().catch(() => undefined);
    throw error;
  }
}

/** Margin past SHUTDOWN_TIMEOUT_MS for closing the store before the process exits anyway (code 1). */
const HARD_STOP_MARGIN_MS = 5000;

/** Stops `service` on the first SIGINT/SIGTERM and exits; see the module comment. */
function exitOnStopSignals(
  config: Config,
  stop: (signal: string) => Promise<unknown>,
  logger?: Logger,
): void {
  onStopSignals(
    (signal) => {
      setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + HARD_STOP_MARGIN_MS).unref();
      stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger?.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    },
    { onForced: (signal) => logger?.warn({ signal }, "second signal: exiting now") },
  );
}

/**
 * Starts with the stop signals already handled: a signal before the bot answers aborts
 * the start (what was opened is closed) and logs "stopped"; after, it shuts the service
 * down. Resolves with the service, or never when a signal aborted the start (the signal
 * handler ends the process).
 */
async function startStoppable(
  config: Config,
  logger: Logger,
  start: (signal: AbortSignal) => Promise<Service>,
  hooks: { beforeStop?: () => void; afterStop?: () => Promise<void> } = {},
): Promise<Service> {
  const abort = new AbortController();
  let starting: Promise<Service> | undefined;
  exitOnStopSignals(
    config,
    async (reason) => {
      hooks.beforeStop?.();
      abort.abort(new StartAborted(reason));
      const service = await starting?.catch(() => undefined);
      if (service) await service.shutdown(reason);
      else logger.info({ reason, clean: true }, "stopped");
      await hooks.afterStop?.();
    },
    logger,
  );
  starting = start(abort.signal);
  try {
    return await starting;
  } catch (error) {
    if (abort.signal.aborted) return new Promise<never>(() => undefined);
    throw error;
  }
}

/** Why a start was abandoned: a stop signal came before the bot answered. */
class StartAborted extends Error {
  override readonly name = "StartAborted";
  constructor(readonly signal: string) {
    super(`start abandoned: ${signal}`);
  }
}

async function runTelegram(config: Config, token: string): Promise<void> {
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [token, config.OPENAI_API_KEY, config.QDRANT_API_KEY, config.WEBHOOK_SECRET],
  });
  const service = await startStoppable(config, logger, (signal) =>
    startService(config, token, logger, { http: true, signal }),
  );
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
  const service = await startStoppable(
    config,
    logger,
    async (signal) => {
      try {
        return await startService({ ...config, BOT_MODE: "polling" }, sandbox.token, logger, {
          http: false,
          onProgress: () => process.stdout.write(`${sandboxMessages.syncing}\n`),
          signal,
        });
      } catch (error) {
        await sandbox.emulator.stop();
        throw error;
      }
    },
    {
      beforeStop: () => process.stdout.write(`\n${sandboxMessages.bye}\n`),
      afterStop: () => sandbox.emulator.stop(),
    },
  );
  const { documents } = await service.engine.store.stats();
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
  await service.shutdown("terminal closed");
  await sandbox.emulator.stop();
}

/** Secrets that must not reach the terminal even in a crash report. */
const secrets: string[] = [];

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  for (const s of [
    config.TELEGRAM_BOT_TOKEN,
    config.OPENAI_API_KEY,
    config.QDRANT_API_KEY,
    config.WEBHOOK_SECRET,
  ])
    if (s) secrets.push(s);
  if (config.TELEGRAM_BOT_TOKEN) await runTelegram(config, config.TELEGRAM_BOT_TOKEN);
  else await runLocalSandbox(config);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${redactSecrets(text, secrets)}\n`);
    process.exit(1);
  },
);
