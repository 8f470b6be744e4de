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
  response?: { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
}

/**
 * Reads telegraf's `TelegramError` (`.response.error_code`, `.response.parameters.retry_after`)
 * and node-fetch / undici network errors (`.code`, `.type === "request-timeout"`).
 */
export function classifyFailure(error: unknown): Failure {
  if (!error || typeof error !== "object") return { kind: "fatal" };
  const e = error as ErrorLike;
  const response = e.response;
  if (response && typeof response.error_code === "number") {
    const code = response.error_code;
    if (code === 429) {
      const fromParams = Number(response.parameters?.retry_after);
      const fromText = /retry after (\d+)/i.exec(String(response.description ?? ""))?.[1];
      const seconds = Number.isFinite(fromParams) && fromParams > 0 ? fromParams : Number(fromText ?? 1);
      return { kind: "flood", retryAfterMs: Math.max(seconds, 0) * 1000 };
    }
    if (code >= 500) return { kind: "transient", reason: `HTTP ${code}` };
    return { kind: "fatal" };
  }
  if (e.name === "AbortError") return { kind: "fatal" };
  if (e.type === "request-timeout") return { kind: "transient", reason: "timeout" };
  const code = typeof e.code === "string" ? e.code : (e.cause as ErrorLike | undefined)?.code;
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return { kind: "transient", reason: code };
  return { kind: "fatal" };
}
