/** A Bot API error shaped like telegraf's TelegramError (`response.error_code`, `parameters`). */
export class FakeTelegramError extends Error {
  override readonly name = "TelegramError";
  readonly response: {
    ok: false;
    error_code: number;
    description: string;
    parameters?: { retry_after: number };
  };

  constructor(code: number, description: string, retryAfter?: number) {
    super(`${code}: ${description}`);
    this.response = {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
    };
  }

  get code(): number {
    return this.response.error_code;
  }
}

/** A network error shaped like node-fetch's FetchError for a refused or reset connection. */
export function networkError(code: "ECONNREFUSED" | "ECONNRESET" | "ETIMEDOUT"): Error {
  return Object.assign(new Error(`request failed, reason: ${code}`), {
    name: "FetchError",
    type: "system",
    code,
  });
}
