/**
 * The one reading of a failed Bot API call: what Telegram said (`telegramErrorInfo`),
 * whether to send it again (`classifyFailure`, for the outbox; `refusedForGood`, for
 * senders that retry later themselves), whether the chat is gone for good (`chatGone`,
 * for senders that keep subscriptions), and how it is counted in the metrics
 * (`telegramErrorCode`).
 */

/** What to do about a failed Bot API call. */
export type Failure =
  /** 429: wait `retryAfterMs`, then send the same call again. */
  | { kind: "flood"; retryAfterMs: number }
  /** 5xx or a network error: retry with backoff. */
  | { kind: "transient"; reason: string }
  /** Anything else (400, 403, ...): the caller must see it. */
  | { kind: "fatal" };

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  type?: unknown;
  cause?: unknown;
  response?: {
    error_code?: unknown;
    description?: unknown;
    parameters?: { migrate_to_chat_id?: unknown; retry_after?: unknown };
  };
}

/** What Telegram answered to a failed call. */
export interface TelegramErrorInfo {
  /** The Bot API's error_code; undefined for a network error or anything else. */
  code: number | undefined;
  /** Telegram's description, or the error's message. */
  description: string;
  /** A group that became a supergroup: its new chat id. */
  migrateTo: number | undefined;
  /** Seconds to wait before the next call (429). */
  retryAfter: number | undefined;
}

/** The Bot API error code and parameters of a telegraf TelegramError (or a look-alike). */
export function telegramErrorInfo(error: unknown): TelegramErrorInfo {
  const response = (error as ErrorLike | null)?.response;
  const code = typeof response?.error_code === "number" ? response.error_code : undefined;
  const description =
    typeof response?.description === "string"
      ? response.description
      : error instanceof Error
        ? error.message
        : String(error);
  const migrateTo = response?.parameters?.migrate_to_chat_id;
  const retryAfter = Number(response?.parameters?.retry_after);
  return {
    code,
    description,
    migrateTo: typeof migrateTo === "number" ? migrateTo : undefined,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/**
 * Whether the chat cannot be written to any more: the bot was blocked or removed (403),
 * or the chat does not exist (400 "chat not found"). Null when the failure is another.
 */
export function chatGone(info: TelegramErrorInfo): "bot_removed" | "chat_not_found" | null {
  if (info.code === 403) return "bot_removed";
  if (info.code === 400 && /chat not found|chat_id is empty/i.test(info.description)) return "chat_not_found";
  return null;
}

/**
 * Whether Telegram refused the call itself (a 4xx other than 429: bad request, forbidden,
 * not found): the same call would be refused again, so it is not worth retrying.
 */
export function refusedForGood(info: TelegramErrorInfo): boolean {
  return info.code !== undefined && info.code >= 400 && info.code < 500 && info.code !== 429;
}

/**
 * Reads telegraf's `TelegramError` (`.response.error_code`, `.response.parameters.retry_after`)
 * and node-fetch / undici network errors (`.code`, `.type === "request-timeout"`).
 */
export function classifyFailure(error: unknown): Failure {
  if (!error || typeof error !== "object") return { kind: "fatal" };
  const e = error as ErrorLike;
  const info = telegramErrorInfo(error);
  if (info.code !== undefined) {
    if (info.code === 429) {
      const fromText = /retry after (\d+)/i.exec(info.description)?.[1];
      const seconds = info.retryAfter ?? Number(fromText ?? 1);
      return { kind: "flood", retryAfterMs: Math.max(seconds, 0) * 1000 };
    }
    if (info.code >= 500) return { kind: "transient", reason: `HTTP ${info.code}` };
    // The rest (refusedForGood, and any code outside the ranges above) goes to the caller.
    return { kind: "fatal" };
  }
  if (e.name === "AbortError") return { kind: "fatal" };
  if (e.type === "request-timeout") return { kind: "transient", reason: "timeout" };
  const code = typeof e.code === "string" ? e.code : (e.cause as ErrorLike | undefined)?.code;
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return { kind: "transient", reason: code };
  return { kind: "fatal" };
}

/** What a failed Bot API call is counted as: its `error_code`, a network code, or "other". */
export function telegramErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return "other";
  const e = error as ErrorLike;
  // Aborted calls (telegraf ends its long poll this way on stop) are not failures.
  if (e.name === "AbortError") return undefined;
  const { code } = telegramErrorInfo(error);
  if (code !== undefined) return String(code);
  if (typeof e.code === "number") return String(e.code);
  if (typeof e.code === "string" && /^[A-Z_]+$/.test(e.code)) return e.code;
  return "other";
}
