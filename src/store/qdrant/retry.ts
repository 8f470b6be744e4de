/**
 * Retries for Qdrant requests. Every request the store sends is idempotent (upserts by
 * id, deletes by filter, reads), so a request that failed in transit can be sent again.
 * Transient: connection failures (refused, reset, timed out), HTTP 429 and 5xx, client
 * time-outs. Anything else (400 on a bad request, 404 on a missing collection) fails at
 * once: retrying would not change the answer.
 */

export interface RetryPolicy {
  /** Attempts after the first (default 4). */
  retries: number;
  /** Delay before the first retry, doubled each time, with ±25% jitter (default 200 ms). */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The HTTP status of a client error (the fetcher's ApiError carries `status`). */
export function httpStatusOf(error: unknown): number | undefined {
  const status = field(error, "status");
  return typeof status === "number" ? status : undefined;
}

/** The network error code anywhere in the cause chain ("ECONNREFUSED", ...). */
export function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = field(current, "code");
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return code;
    const nested = field(current, "errors");
    if (Array.isArray(nested)) {
      for (const inner of nested) {
        const innerCode = networkCodeOf(inner);
        if (innerCode) return innerCode;
      }
    }
    current = field(current, "cause");
  }
  return undefined;
}

export function isTransientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined) return status === 429 || status >= 500;
  if (error instanceof Error) {
    if (error.name === "QdrantClientTimeoutError" || error.name === "QdrantClientResourceExhaustedError")
      return true;
  }
  return networkCodeOf(error) !== undefined;
}

/** Seconds the server asked to wait (429 with retry-after), in ms. */
function retryAfterMs(error: unknown): number | undefined {
  const seconds = field(error, "retry_after");
  if (typeof seconds === "number" && Number.isFinite(seconds)) return seconds * 1000;
  const headers = field(error, "headers");
  if (headers instanceof Headers) {
    const value = Number(headers.get("retry-after"));
    if (Number.isFinite(value) && value >= 0) return value * 1000;
  }
  return undefined;
}

/** Runs `operation`, retrying transient failures with exponential backoff. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.retries || !isTransientError(error)) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const jittered = backoff * (0.75 + Math.random() * 0.5);
      const delay = Math.min(policy.maxDelayMs, Math.max(retryAfterMs(error) ?? 0, jittered));
      onRetry?.(error, attempt + 1, delay);
      await policy.sleep(delay);
    }
  }
}
