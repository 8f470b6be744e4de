import type { CorpusLog } from "../audit/corpus-log.js";
import { type Clock, systemClock } from "../clock.js";
import type { Engine } from "../engine.js";
import type { Logger } from "../logger.js";
import type { Database } from "../store/sqlite.js";
import type { DocumentStore } from "../store/types.js";
import type { ComposeOptions } from "./compose.js";
import {
  createDigestDelivery,
  type DeliveryOptions,
  type DigestDelivery,
  type DigestSender,
} from "./delivery.js";
import { createDigestRepository, type DigestRepository } from "./digest-store.js";
import {
  createDigestBuilder,
  createSqliteQuestionSource,
  type DigestBuilder,
  type QuestionSource,
  type Summarize,
} from "./gather.js";
import { createLlmSummarizer } from "./llm-summary.js";
import { createDigestScheduler, type DigestScheduler, type JobFactory } from "./scheduler.js";
import { createDigestService, type DigestService } from "./service.js";

/**
 * The daily digest for group chats: composition (pure, `compose.ts`), its input
 * (`gather.ts`), settings and the delivery log (`digest-store.ts`), exactly-once-per-day
 * delivery (`delivery.ts`, read its guarantee) and the timers (`scheduler.ts`).
 */

export {
  type ComposedDigest,
  type ComposeOptions,
  composeDigest,
  type DidYouKnowCandidate,
  type DigestInput,
  type DigestSection,
  type NetChange,
  netChanges,
} from "./compose.js";
export {
  createDigestDelivery,
  type DeliveryOptions,
  type DeliveryOutcome,
  type DeliveryReport,
  type DigestDelivery,
  type DigestSender,
  dueTime,
} from "./delivery.js";
export {
  createDigestRepository,
  DIGEST_MIGRATIONS,
  type DigestLogEntry,
  type DigestRepository,
  type DigestState,
  type Subscription,
} from "./digest-store.js";
export {
  type BuildRequest,
  createDigestBuilder,
  createSqliteQuestionSource,
  DID_YOU_KNOW_MEMORY_MS,
  type DigestBuilder,
  didYouKnowCandidates,
  type QuestionSource,
  type Summarize,
  summarizeChanges,
} from "./gather.js";
export {
  addDays,
  type ClockTime,
  dailyCronPattern,
  formatClockTime,
  formatLocalDateTime,
  isValidTimeZone,
  localDateOf,
  localTimeOf,
  parseClockTime,
  startOfLocalDay,
  zonedTimeToEpoch,
} from "./local-time.js";
export { digestMessages, type QuietPolicy } from "./messages.js";
export { extractiveSummary, informativeSentences, type PassageExtract, passageExcerpt } from "./passages.js";
export {
  type AskedQuestion,
  groupQuestions,
  type QuestionTopic,
  scrubQuestion,
} from "./popular-questions.js";
export {
  createTelegramSender,
  DigestCommandError,
  type DigestCommandResult,
  type RunDigestCommandOptions,
  runDigestCommand,
} from "./run-digest-command.js";
export {
  createDigestScheduler,
  cronJobs,
  type DigestScheduler,
  type JobFactory,
  type ScheduledJob,
} from "./scheduler.js";
export { createDigestService, type DigestService } from "./service.js";

export interface DigestDeps {
  /** The shared SQLite database; the digest keeps its tables there (module "digest"). */
  db: Database;
  store: DocumentStore;
  corpusLog: Pick<CorpusLog, "between">;
  /** Default: the bot's question log in `db`. */
  questions?: QuestionSource;
  /** TZ. */
  zone: string;
  /** DIGEST_TIME, "HH:MM". */
  defaultTime: string;
  clock?: Clock;
  logger: Logger;
  /** Summaries of new documents from a model; extractive without it. */
  summarize?: Summarize;
  compose?: ComposeOptions;
}

/** A running delivery: its scheduler and the delivery it drives. */
export interface DigestRunner {
  delivery: DigestDelivery;
  scheduler: DigestScheduler;
  /** Stops the timers, waits for sends in progress, detaches from the service. */
  stop(): Promise<void>;
}

/** The digest, built but not started. */
export interface Digest {
  repo: DigestRepository;
  builder: DigestBuilder;
  /** For the bot's `/bantin` feature. */
  service: DigestService;
  /**
   * Delivery through `sender` (the bot's `bot.telegram`, which goes through the outbox)
   * with its timers; call `scheduler.start()` once the bot is up.
   */
  createRunner(
    sender: DigestSender,
    options?: { delivery?: DeliveryOptions; jobs?: JobFactory; sweepPattern?: string },
  ): DigestRunner;
}

/**
 * Builds the digest from its dependencies. Starts nothing.
 *
 * @example
 * const digest = createDigest({ db: engine.db, store: engine.store, corpusLog: engine.corpusLog,
 *   zone: config.TZ, defaultTime: config.DIGEST_TIME, logger });
 * const app = createBot({ ..., digest: digest.service });
 * const runner = digest.createRunner(app.bot.telegram);
 * await runner.scheduler.start(); // catch-up, then timers
 * // on shutdown: await runner.stop();
 */
export function createDigest(deps: DigestDeps): Digest {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ module: "digest" });
  const repo = createDigestRepository(deps.db);
  const builder = createDigestBuilder({
    store: deps.store,
    corpusLog: deps.corpusLog,
    questions: deps.questions ?? createSqliteQuestionSource(deps.db),
    shown: repo,
    zone: deps.zone,
    summarize: deps.summarize,
    logger,
    compose: deps.compose,
  });
  const service = createDigestService({
    repo,
    builder,
    clock,
    zone: deps.zone,
    defaultTime: deps.defaultTime,
  });
  return {
    repo,
    builder,
    service,
    createRunner(sender, options = {}) {
      const delivery = createDigestDelivery({
        repo,
        builder,
        sender,
        clock,
        zone: deps.zone,
        logger,
        onSubscriptionChange: (chatId) => service.notifyChange(chatId),
        options: options.delivery,
      });
      const scheduler = createDigestScheduler({
        delivery,
        repo,
        zone: deps.zone,
        clock,
        logger,
        jobs: options.jobs,
        sweepPattern: options.sweepPattern,
      });
      const detach = service.onChange((chatId) => scheduler.refresh(chatId));
      return {
        delivery,
        scheduler,
        async stop() {
          detach();
          await scheduler.stop();
        },
      };
    },
  };
}

/**
 * The digest over an engine, as the bot and the CLI both build it: summaries come from
 * the engine's LLM when one is configured, extractive otherwise.
 */
export function createEngineDigest(
  engine: Pick<Engine, "db" | "store" | "corpusLog" | "chatModel" | "prompts">,
  settings: { zone: string; defaultTime: string },
  logger: Logger,
): Digest {
  return createDigest({
    db: engine.db,
    store: engine.store,
    corpusLog: engine.corpusLog,
    zone: settings.zone,
    defaultTime: settings.defaultTime,
    logger,
    ...(engine.chatModel && engine.prompts
      ? { summarize: createLlmSummarizer(engine.chatModel, engine.prompts, logger) }
      : {}),
  });
}
