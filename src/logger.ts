import { type Logger, pino } from "pino";

export type { Logger };

const REDACTED = "[REDACTED]";

/**
 * Telegram bot tokens (`<bot id>:<secret>`), also URL-encoded (`%3A`) and inside Bot API
 * URLs (`/bot<token>/`, `/file/bot<token>/`): "bot" is kept, the rest replaced.
 */
const TOKEN_PATTERN = /(bot)?\d{5,}(?::|%3[Aa])[A-Za-z0-9_-]{20,}/g;

/** Fields whose string value is a credential, whatever it contains. Compared lower-case. */
const SECRET_KEYS = new Set([
  "token",
  "bottoken",
  "bot_token",
  "secret",
  "secrettoken",
  "secret_token",
  "webhooksecret",
  "webhook_secret",
  "x-telegram-bot-api-secret-token",
  "apikey",
  "api_key",
  "api-key",
  "authorization",
  "password",
]);

const MAX_DEPTH = 8;

/**
 * Replaces every known secret (and its URL-encoded form) and anything shaped like a
 * Telegram bot token in `text`. For text that does not go through a logger (a crash
 * report on stderr).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of usableSecrets(secrets)) out = out.split(secret).join(REDACTED);
  return out.replace(TOKEN_PATTERN, (_match, bot: string | undefined) => `${bot ?? ""}${REDACTED}`);
}

/** Secrets long enough to redact (a 1-character "secret" would shred every line), encoded forms too. */
function usableSecrets(secrets: ReadonlyArray<string | undefined>): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < 6) continue;
    out.add(secret);
    out.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** An error as a plain object: name, message, stack, own fields (code, response, ...), cause. */
function errorFields(error: Error): Record<string, unknown> {
  const ctorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  const out: Record<string, unknown> = {
    type: error.name !== "Error" || typeof ctorName !== "string" ? error.name : ctorName,
    message: error.message,
  };
  for (const [key, value] of Object.entries(error)) if (!(key in out)) out[key] = value;
  if (error.cause !== undefined) out.cause = error.cause;
  if (error instanceof AggregateError) out.errors = error.errors;
  out.stack = error.stack;
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` safe to log: secrets replaced in every string, credential fields
 * censored, errors as plain objects (with their cause), binary data and streams
 * summarized, cycles and very deep nesting cut.
 */
function createScrubber(secrets: ReadonlyArray<string | undefined>) {
  const known = usableSecrets(secrets);
  const scrubText = (text: string) => redactSecrets(text, known);
  const scrub = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === "string") return scrubText(value);
    if (value === null || typeof value !== "object") return value;
    if (seen.has(value)) return "[Circular]";
    if (depth > MAX_DEPTH) return "[Truncated]";
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    if (value instanceof URL) return scrubText(value.href);
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
      if (value instanceof Error) return scrub(errorFields(value), depth, seen);
      if (value instanceof Map) return scrub(Object.fromEntries(value), depth, seen);
      if (value instanceof Set) return scrub([...value], depth, seen);
      if (!isPlainObject(value)) {
        const v = value as { pipe?: unknown; on?: unknown; constructor?: { name?: string } };
        // Streams, sockets, emitters: their state is noise (and may hold buffers).
        if (typeof v.pipe === "function" || typeof v.on === "function")
          return `[${v.constructor?.name ?? "object"}]`;
      }
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] =
          typeof item === "string" && SECRET_KEYS.has(key.toLowerCase())
            ? REDACTED
            : scrub(item, depth + 1, seen);
      }
      return out;
    } finally {
      seen.delete(value);
    }
  };
  return (value: unknown) => scrub(value, 0, new WeakSet());
}

/**
 * Pino (JSON lines) with secrets removed: the bot token, API keys and the webhook secret
 * given in `secrets` never reach a line, neither in a message, a field, an error's
 * message, stack or cause, nor a child logger's bindings; anything shaped like a bot
 * token is removed too, also inside `/bot<token>/` URLs.
 *
 * @example
 * const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.TELEGRAM_BOT_TOKEN] });
 * logger.child({ update_id: 1 }).warn({ err }, "send failed");
 */
export function createLogger(options: {
  level?: string;
  secrets?: Array<string | undefined>;
  destination?: pino.DestinationStream;
}): Logger {
  const scrub = createScrubber(options.secrets ?? []);
  const logger = pino(
    {
      level: options.level ?? "info",
      redact: {
        paths: [
          "token",
          "*.token",
          "apiKey",
          "*.apiKey",
          "authorization",
          "*.authorization",
          "headers.authorization",
        ],
        censor: REDACTED,
      },
      // Errors arrive here already scrubbed as plain objects; pino's own `err`
      // serializer would rename their type to "Object".
      serializers: { err: (value: unknown) => (value instanceof Error ? scrub(value) : value) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
  // Child bindings (`logger.child({...})`) do not pass through `logMethod`: scrub them
  // on the way in. Children inherit this `child`, so grandchildren are covered too.
  const child = logger.child;
  logger.child = function scrubbedChild(this: Logger, bindings, childOptions) {
    return child.call(this, scrub(bindings) as typeof bindings, childOptions);
  } as typeof logger.child;
  return logger;
}
