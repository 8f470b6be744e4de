import type Database from "better-sqlite3";
import { Telegraf } from "telegraf";
import type { AskService } from "../answer/ask-service.js";
import { type Clock, systemClock } from "../clock.js";
import type { CorpusService } from "../corpus/corpus-service.js";
import type { DigestService } from "../digest/service.js";
import type { Logger } from "../logger.js";
import type { OfficialAnswers } from "../official/official-answers.js";
import type { Transcriber } from "../speech/transcriber.js";
import type { DocumentStore } from "../store/types.js";
import { installOutboxOnBot, type Outbox, type OutboxOptions } from "../telegram/outbox/index.js";
import { createAccessPolicy } from "./access-policy.js";
import type { BotContext, BotServices, BotSettings, InForceServices } from "./context.js";
import { accessAdminFeature } from "./features/access-admin.js";
import { adminDocsFeature } from "./features/admin-docs.js";
import { askFeature } from "./features/ask.js";
import { auditFeature } from "./features/audit.js";
import { digestFeature } from "./features/digest.js";
import { feedbackFeature } from "./features/feedback.js";
import { inForceFeature } from "./features/in-force.js";
import { officialFeature } from "./features/official.js";
import { reviewFeature } from "./features/review.js";
import { sourcesFeature } from "./features/sources.js";
import { startHelpFeature } from "./features/start-help.js";
import { statsFeature } from "./features/stats.js";
import { unhandledFeature } from "./features/unhandled.js";
import { uploadFeature } from "./features/upload.js";
import { voiceFeature } from "./features/voice.js";
import { botMessages } from "./messages.js";
import { accessControl } from "./middlewares/access-control.js";
import { dedupeUpdates } from "./middlewares/dedupe-updates.js";
import { trackChat } from "./middlewares/track-chat.js";
import { updateContext } from "./middlewares/update-context.js";
import { createRateLimiter } from "./rate-limiter.js";
import { type BotState, createBotState } from "./state/bot-state.js";
import { createPendingUploads } from "./upload/pending-uploads.js";

export type { BotContext, BotServices, BotSettings, InForceServices } from "./context.js";

/** What `createBot` needs; the composition root (main.ts) fills it from the config and the engine. */
export interface BotDeps {
  token: string;
  /** Bot API root (Telegram, a self-hosted Bot API server or the local emulator). */
  apiRoot?: string;
  settings: BotSettings;
  logger: Logger;
  ask: AskService;
  store: DocumentStore;
  /** The store's SQLite database; the bot keeps its state in its own tables there. */
  db: Database.Database;
  clock?: Clock;
  /** Outbox tuning (limits, retries); the outbox itself is always installed. */
  outbox?: Omit<OutboxOptions, "onEvent" | "clock">;
  /** How long one update may run before telegraf gives up on it. Default 90 s. */
  handlerTimeoutMs?: number;
  /**
   * The corpus service, for corpus management from Telegram (uploads and links,
   * /tailieu, /nhatky). Without it admins are told uploads are not available in this run.
   */
  corpus?: CorpusService;
  /** The daily digest's settings (`/bantin` in groups); without it the command is not offered. */
  digest?: DigestService;
  /** The unit's official answers (the engine's); without them /traloi_chinhthuc says so. */
  official?: OfficialAnswers;
  /** Which rule is in force (the engine's relations and their corrections): /hieuluc. */
  inForce?: InForceServices;
  /** Speech to text for voice questions; without it a voice note gets a polite "not enabled". */
  transcriber?: Transcriber | null;
}

/** A built, not yet launched bot. */
export interface BotApp {
  bot: Telegraf<BotContext>;
  state: BotState;
  services: BotServices;
  outbox: Outbox;
  /** Publishes the Vietnamese command menu (setMyCommands), admins get theirs too. */
  publishCommands(): Promise<void>;
  /** The corpus service, when configured; `drain()` it at shutdown so uploads in progress finish. */
  corpus: CorpusService | null;
}

/**
 * Builds the bot: telegraf with every outgoing call through the outbox, the middleware
 * chain (update context and error boundary → duplicate updates → chat tracking →
 * access) and one Composer per feature. Starts nothing; see `launchBot`.
 */
export function createBot(deps: BotDeps): BotApp {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger;
  const bot = new Telegraf<BotContext>(deps.token, {
    handlerTimeout: deps.handlerTimeoutMs ?? 90_000,
    telegram: deps.apiRoot ? { apiRoot: deps.apiRoot } : {},
  });
  const outbox = installOutboxOnBot(bot, {
    ...deps.outbox,
    clock,
    onEvent: (event) => {
      if (event.type === "failed")
        logger.warn({ method: event.method, chat: event.chatId, err: event.error }, "send failed");
      else logger.warn({ ...event }, `outbox ${event.type}`);
    },
  });
  const state = createBotState(deps.db, clock);
  const services: BotServices = {
    settings: deps.settings,
    ask: deps.ask,
    store: deps.store,
    state,
    access: createAccessPolicy(deps.settings, state),
    limiter:
      deps.settings.rateLimitPerMinute > 0
        ? createRateLimiter({ limit: deps.settings.rateLimitPerMinute, clock })
        : null,
    clock,
    official: deps.official ?? null,
    corpus: deps.corpus ?? null,
    pendingUploads: createPendingUploads({ clock }),
    digest: deps.digest ?? null,
    inForce: deps.inForce ?? null,
    transcriber: deps.transcriber ?? null,
  };

  bot.use(updateContext(services, logger));
  bot.use(dedupeUpdates());
  bot.use(trackChat());
  bot.use(accessControl());
  bot.use(startHelpFeature);
  bot.use(accessAdminFeature);
  bot.use(statsFeature);
  bot.use(digestFeature);
  bot.use(sourcesFeature);
  bot.use(feedbackFeature);
  bot.use(reviewFeature);
  bot.use(officialFeature);
  bot.use(adminDocsFeature);
  bot.use(inForceFeature);
  bot.use(auditFeature);
  bot.use(uploadFeature);
  bot.use(voiceFeature);
  bot.use(askFeature);
  bot.use(unhandledFeature);
  // Last resort: errors outside the boundary (none expected) are logged, never thrown into polling.
  bot.catch((error, ctx) =>
    logger.error({ err: error, update_id: ctx.update.update_id }, "unhandled bot error"),
  );

  return {
    bot,
    state,
    services,
    outbox,
    corpus: services.corpus,
    async publishCommands() {
      const c = botMessages.commands;
      const everyone = [
        { command: "start", description: c.start },
        { command: "help", description: c.help },
        { command: "hoi", description: c.hoi },
      ];
      const admin = [
        ...everyone,
        { command: "thongke", description: c.thongke },
        { command: "danhgia", description: c.danhgia },
        { command: "traloi_chinhthuc", description: c.traloi_chinhthuc },
        { command: "cho_phep", description: c.cho_phep },
        { command: "chan", description: c.chan },
        { command: "tailieu", description: c.tailieu },
        { command: "hieuluc", description: c.hieuluc },
        { command: "nhatky", description: c.nhatky },
      ];
      await bot.telegram.setMyCommands(everyone);
      if (deps.digest) {
        // Group admins see /bantin in their groups' menu.
        await bot.telegram.setMyCommands([...everyone, { command: "bantin", description: c.bantin }], {
          scope: { type: "all_chat_administrators" },
        });
      }
      for (const adminId of deps.settings.adminUserIds) {
        // Fails until the admin has opened a chat with the bot; the default menu still applies.
        await bot.telegram
          .setMyCommands(admin, { scope: { type: "chat", chat_id: adminId } })
          .catch((error: unknown) => logger.info({ err: error, adminId }, "admin command menu not set"));
      }
    },
  };
}
