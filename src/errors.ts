/**
 * A small error hierarchy. Every error the user may see carries a Vietnamese
 * `userMessage`; `code` is stable for logs and tests; `cause` keeps the original error.
 */
export class AppError extends Error {
  override readonly name: string = "AppError";
  readonly code: string;
  /** Vietnamese text safe to show a user; never contains a stack trace. */
  readonly userMessage: string;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    userMessage: string,
    options: { cause?: unknown; context?: Record<string, unknown>; message?: string } = {},
  ) {
    super(options.message ?? `${code}: ${userMessage}`, { cause: options.cause });
    this.code = code;
    this.userMessage = userMessage;
    this.context = Object.freeze({ ...(options.context ?? {}) });
  }
}

/** A file that cannot be ingested (empty, unsupported, encrypted, scanned, bomb, ...). */
export class IngestError extends AppError {
  override readonly name = "IngestError";
}

/** Configuration that fails validation at start. */
export class ConfigError extends AppError {
  override readonly name = "ConfigError";
}

/** A store that is unreachable, corrupt or has the wrong schema. */
export class StoreError extends AppError {
  override readonly name = "StoreError";
}

/** An LLM or embedding endpoint that failed after retries. */
export class ModelError extends AppError {
  override readonly name = "ModelError";
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
