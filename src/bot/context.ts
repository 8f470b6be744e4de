import type { Context } from "telegraf";
import type { AskService } from "../answer/ask-service.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { OfficialAnswers } from "../official/official-answers.js";
import type { DocumentStore } from "../store/types.js";
import type { AccessPolicy } from "./access-policy.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { BotState } from "./state/bot-state.js";

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

/** What every handler can reach through `ctx.services`. */
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
}

/**
 * The bot's context: telegraf's, plus a child logger for this update (`update_id`, chat,
 * user) and the services. Both are set by the first middleware.
 */
export interface BotContext extends Context {
  log: Logger;
  services: BotServices;
}
