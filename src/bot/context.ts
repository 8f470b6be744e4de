import type { Context } from "telegraf";
import type { AskService } from "../answer/ask-service.js";
import type { RelationCorrections } from "../audit/relation-corrections.js";
import type { Clock } from "../clock.js";
import type { CorpusService } from "../corpus/corpus-service.js";
import type { DigestService } from "../digest/service.js";
import type { Logger } from "../logger.js";
import type { OfficialAnswers } from "../official/official-answers.js";
import type { RelationIndexSource } from "../retrieval/relation-index.js";
import type { Transcriber } from "../speech/transcriber.js";
import type { DocumentStore } from "../store/types.js";
import type { AccessPolicy } from "./access-policy.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { BotState } from "./state/bot-state.js";
import type { PendingUploads } from "./upload/pending-uploads.js";

/** Configuration values the bot needs (taken from `Config` by the composition root). */
export interface BotSettings {
  accessMode: "allowlist" | "open";
  adminUserIds: readonly number[];
  allowedUserIds: readonly number[];
  allowedChatIds: readonly number[];
  /** Questions per user per minute; 0 or less disables the limit. */
  rateLimitPerMinute: number;
  /** Time zone of /thongke's days. */
  timeZone: string;
  /** Passages retrieved per question. */
  k?: number;
  /** Characters of a passage per page when a source is shown. */
  passagePageSize?: number;
}

/** Which rule is in force: the engine's relations and the admins' corrections of them (/hieuluc). */
export interface InForceServices {
  relations: RelationIndexSource;
  corrections: RelationCorrections;
}

/**
 * What every handler can reach through `ctx.services`: the one way a feature gets what it
 * needs (set by the first middleware, so a feature is a plain `Composer`). A capability
 * this run does not have is null, and the feature that needs it says so to the user.
 */
export interface BotServices {
  settings: BotSettings;
  ask: AskService;
  store: DocumentStore;
  state: BotState;
  access: AccessPolicy;
  limiter: RateLimiter | null;
  clock: Clock;
  /** The unit's official answers (/traloi_chinhthuc); null when this run has none. */
  official: OfficialAnswers | null;
  /** The corpus service (uploads, links, /tailieu, /nhatky); null when this run has none. */
  corpus: CorpusService | null;
  /** Uploads waiting for their admin's choice (replace, add separately, cancel). */
  pendingUploads: PendingUploads;
  /** The daily digest's settings (/bantin); null when this run has none. */
  digest: DigestService | null;
  /** Which rule is in force (/hieuluc); null when this run has none. */
  inForce: InForceServices | null;
  /** Speech to text for voice questions; null when voice is not enabled. */
  transcriber: Transcriber | null;
}

/**
 * The bot's context: telegraf's, plus a child logger for this update (`update_id`, chat,
 * user) and the services. Both are set by the first middleware.
 */
export interface BotContext extends Context {
  log: Logger;
  services: BotServices;
}
