import { z } from "zod";

/**
 * The one place that reads the environment. `loadConfig` parses once and fails with
 * every problem listed, in words an operator can act on.
 */

const idList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const ids: number[] = [];
    for (const part of value
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (!/^-?\d+$/.test(part)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a numeric Telegram id` });
        continue;
      }
      ids.push(Number(part));
    }
    return ids;
  });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** An empty value (`PORT=` copied from .env.example) means unset, not 0. */
const emptyAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24h), e.g. 07:30");

/** Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - as a webhook secret. */
const webhookSecret = (params?: { error: string }) =>
  z
    .string(params)
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)");

const requiredForWebhook = { error: "required when BOT_MODE=webhook" };

/** What every mode reads. */
const common = {
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
  /** Address the HTTP server (webhook, /healthz, /metrics) listens on; unset: all interfaces. */
  HTTP_HOST: optionalString,
  /** Updates handled at once in webhook mode; beyond it Telegram is told to retry. */
  WEBHOOK_MAX_IN_FLIGHT: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(40)),
  /** How long a stop waits for answers in flight and queued replies before giving up. */
  SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(10_000)),
  ADMIN_USER_IDS: idList,
  ACCESS_MODE: z.enum(["allowlist", "open"]).default("allowlist"),
  ALLOWED_USER_IDS: idList,
  ALLOWED_CHAT_IDS: idList,
  CORPUS_DIR: z.string().default("data/corpus"),
  STORE_DIR: z.string().default("data/store"),
  STORE: z.enum(["embedded", "qdrant"]).default("embedded"),
  /** Workers parsing files at once (0: one per core); each has a heap cap and a deadline. */
  PARSE_WORKERS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(64).default(0)),
  PARSE_HEAP_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(64).max(16_384).default(512)),
  /** Deadline of any file's parsing; 2 s per megabyte are added to it. */
  PARSE_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(20_000)),
  MAX_PDF_PAGES: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(1000)),
  /** OCR of PDF pages without a text layer (scans), in Vietnamese, offline. */
  OCR: z.preprocess(emptyAsUnset, z.enum(["on", "off"]).default("on")),
  /** Scanned pages read by OCR in one file; later ones are left out with a warning. */
  OCR_MAX_PAGES: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(100)),
  /** Time the OCR of one file may take before the file is refused. */
  OCR_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(300_000)),
  /** Pages read with a lower mean confidence (0-100) are reported, not indexed. */
  OCR_MIN_CONFIDENCE: z.preprocess(emptyAsUnset, z.coerce.number().min(0).max(100).default(60)),
  /** Speech-to-text model at the OpenAI-compatible endpoint, for voice questions. */
  TRANSCRIBE_MODEL: z.string().default("whisper-1"),
  /** Private or loopback hosts an admin's link may reach (an intranet portal), comma-separated. */
  LINK_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /** Time to fetch an admin's link, redirects included. */
  LINK_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(20_000)),
  QDRANT_URL: optionalString.pipe(z.string().url().optional()),
  QDRANT_API_KEY: optionalString,
  QDRANT_COLLECTION: z.string().default("nhatthe"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
  LLM_MODEL: z.string().default("gpt-4o-mini"),
  EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** USD per million prompt / completion tokens, for the cost estimate in logs and /thongke. */
  LLM_PRICE_INPUT_PER_MILLION: z.coerce.number().min(0).default(0.15),
  LLM_PRICE_OUTPUT_PER_MILLION: z.coerce.number().min(0).default(0.6),
  DIGEST_TIME: hhmm.default("07:30"),
  TZ: z.string().default("Asia/Ho_Chi_Minh"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
};

/** Long polling: no public URL; without a token the local sandbox runs instead. */
const pollingConfig = z.object({
  ...common,
  BOT_MODE: z.literal("polling"),
  TELEGRAM_BOT_TOKEN: optionalString,
  WEBHOOK_URL: optionalString.pipe(z.string().url().optional()),
  WEBHOOK_SECRET: optionalString.pipe(webhookSecret().optional()),
});

/** Webhook: Telegram posts updates to WEBHOOK_URL with WEBHOOK_SECRET; all three are required. */
const webhookConfig = z.object({
  ...common,
  BOT_MODE: z.literal("webhook"),
  TELEGRAM_BOT_TOKEN: optionalString.pipe(z.string(requiredForWebhook)),
  WEBHOOK_URL: optionalString.pipe(
    z
      .string(requiredForWebhook)
      .url()
      .refine((url) => !["/healthz", "/metrics"].includes(pathnameOf(url)), {
        message: "its path must not be /healthz or /metrics (served by the bot itself)",
      }),
  ),
  WEBHOOK_SECRET: optionalString.pipe(webhookSecret(requiredForWebhook)),
});

/** BOT_MODE unset means polling; the union then picks the variant by its literal. */
const defaultBotMode = (env: unknown) =>
  env && typeof env === "object" && (env as Record<string, unknown>).BOT_MODE === undefined
    ? { ...env, BOT_MODE: "polling" }
    : env;

export const ConfigSchema = z.preprocess(
  defaultBotMode,
  z
    .discriminatedUnion("BOT_MODE", [pollingConfig, webhookConfig], {
      error: 'Invalid option: expected one of "polling"|"webhook"',
    })
    .superRefine(
      (cfg, ctx) => {
        if (cfg.STORE === "qdrant" && !cfg.QDRANT_URL)
          ctx.addIssue({ code: "custom", path: ["QDRANT_URL"], message: "required when STORE=qdrant" });
        try {
          new Intl.DateTimeFormat("en-US", { timeZone: cfg.TZ });
        } catch {
          ctx.addIssue({ code: "custom", path: ["TZ"], message: `unknown time zone "${cfg.TZ}"` });
        }
      },
      // Run even when a field failed, so that every problem is listed at once; the values
      // read here may then be raw or missing, so each check tolerates that.
      { when: () => true },
    ),
);

/** Every environment variable the configuration reads. */
export const configVariables: readonly string[] = [
  ...new Set([...Object.keys(pollingConfig.shape), ...Object.keys(webhookConfig.shape)]),
];

function pathnameOf(url: unknown): string {
  if (typeof url !== "string") return "";
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

/** A union on BOT_MODE: in webhook mode WEBHOOK_URL, WEBHOOK_SECRET and the token are strings. */
export type Config = z.infer<typeof ConfigSchema>;
export type WebhookConfig = Extract<Config, { BOT_MODE: "webhook" }>;

export class ConfigValidationError extends Error {
  override readonly name = "ConfigValidationError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses an environment object; throws ConfigValidationError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  let issues = result.error.issues;
  // An unknown BOT_MODE stops the union before the other variables are read: read them
  // as in polling mode too, so that every problem is still listed at once.
  if (issues.some((issue) => issue.path.join(".") === "BOT_MODE")) {
    const rest = ConfigSchema.safeParse({ ...env, BOT_MODE: "polling" });
    if (!rest.success) issues = [...issues, ...rest.error.issues];
  }
  const problems = issues.map((issue) => {
    const key = issue.path.join(".") || "(config)";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigValidationError(problems);
}
