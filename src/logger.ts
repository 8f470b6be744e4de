import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Pino with secrets removed. Structured fields named like secrets are censored, and
 * any string that contains a known secret (the bot token inside `/bot<token>/` URLs,
 * API keys) is rewritten before it is written.
 */
export function createLogger(options: {
  level?: string;
  secrets?: Array<string | undefined>;
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 6);
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join("[REDACTED]");
    // Telegram tokens look like 123456789:AA...; redact any that slipped through in URLs.
    return out.replace(/bot\d{5,}:[A-Za-z0-9_-]{20,}/g, "bot[REDACTED]");
  };
  const scrubValue = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return scrub(value);
    if (depth > 6 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
    if (value instanceof Error) {
      return {
        type: value.name,
        message: scrub(value.message),
        stack: value.stack ? scrub(value.stack) : undefined,
      };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
    return out;
  };
  return pino(
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
        censor: "[REDACTED]",
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
