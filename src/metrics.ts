import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AskService } from "./answer/ask-service.js";
import { answerMessages } from "./answer/messages.js";
import type { Indexer } from "./ingest/indexer.js";
import { telegramErrorCode } from "./telegram/errors.js";

/**
 * Prometheus metrics of the running bot, served at `/metrics`. The rest of the code
 * records through the small {@link Metrics} object (never through prom-client directly),
 * so tests can read a fresh registry and nothing is global.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One answered question: how long `ask` took, and whether it declined. */
  recordQuestion(latencyMs: number, declined: boolean): void;
  /** A question that failed (invalid input or an error); not counted by `recordQuestion`. */
  recordQuestionError(): void;
  /** Tokens spent at the LLM endpoint (prompt + completion); `error` when the call failed. */
  recordLlm(tokens: number, error?: boolean): void;
  /** A document ingest: the store's status (added, replaced, unchanged, ...) or "failed". */
  recordIngest(status: string): void;
  /** A daily digest delivered to a group. */
  recordDigest(): void;
  /** A Bot API call that failed: its `error_code` (400, 403, 429, 5xx) or a network error name. */
  recordTelegramError(code: number | string): void;
  /** A webhook request and what became of it (accepted, unauthorized, busy, ...). */
  recordWebhookRequest(result: string): void;
  /** Reports the number of updates being handled whenever metrics are read. */
  observeInFlight(count: () => number): void;
}

/** Latency buckets (seconds): extractive answers take milliseconds, LLM answers seconds. */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40];

/**
 * Registers the bot's metrics (prefix `nhatthe_`) and Node's default process metrics on
 * `registry` (a new one by default).
 *
 * @example
 * const metrics = createMetrics();
 * const ask = instrumentAsk(engine.ask, metrics);
 * // GET /metrics → await metrics.registry.metrics()
 */
export function createMetrics(registry: Registry = new Registry()): Metrics {
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: "nhatthe_questions_total",
    help: "Questions answered (declines included).",
    registers,
  });
  const declines = new Counter({
    name: "nhatthe_declines_total",
    help: "Questions the documents did not answer (the bot said so).",
    registers,
  });
  const questionErrors = new Counter({
    name: "nhatthe_question_errors_total",
    help: "Questions that failed: invalid input or an internal error.",
    registers,
  });
  const latency = new Histogram({
    name: "nhatthe_answer_duration_seconds",
    help: "Time to compose an answer (retrieval and composition).",
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const llmTokens = new Counter({
    name: "nhatthe_llm_tokens_total",
    help: "Tokens spent at the LLM endpoint (prompt and completion).",
    registers,
  });
  const llmErrors = new Counter({
    name: "nhatthe_llm_errors_total",
    help: "LLM answers that failed or were rejected by the citation check (extractive fallback).",
    registers,
  });
  const ingests = new Counter({
    name: "nhatthe_ingests_total",
    help: "Documents ingested, by outcome.",
    labelNames: ["status"] as const,
    registers,
  });
  const digests = new Counter({
    name: "nhatthe_digests_sent_total",
    help: "Daily digests delivered to groups.",
    registers,
  });
  const telegramErrors = new Counter({
    name: "nhatthe_telegram_api_errors_total",
    help: "Failed Bot API calls, by error code.",
    labelNames: ["code"] as const,
    registers,
  });
  const webhookRequests = new Counter({
    name: "nhatthe_webhook_requests_total",
    help: "Requests on the webhook path, by result.",
    labelNames: ["result"] as const,
    registers,
  });
  let inFlight: () => number = () => 0;
  new Gauge({
    name: "nhatthe_updates_in_flight",
    help: "Telegram updates being handled now.",
    registers,
    collect() {
      this.set(inFlight());
    },
  });
  return {
    registry,
    recordQuestion(latencyMs, declined) {
      questions.inc();
      if (declined) declines.inc();
      latency.observe(Math.max(0, latencyMs) / 1000);
    },
    recordQuestionError: () => questionErrors.inc(),
    recordLlm(tokens, error = false) {
      if (Number.isFinite(tokens) && tokens > 0) llmTokens.inc(tokens);
      if (error) llmErrors.inc();
    },
    recordIngest: (status) => ingests.inc({ status }),
    recordDigest: () => digests.inc(),
    recordTelegramError: (code) => telegramErrors.inc({ code: String(code) }),
    recordWebhookRequest: (result) => webhookRequests.inc({ result }),
    observeInFlight(count) {
      inFlight = count;
    },
  };
}

/**
 * An AskService that records every question's latency, decline and LLM tokens, and an
 * LLM error when the answer fell back to extractive (its note says so).
 */
export function instrumentAsk(service: AskService, metrics: Metrics): AskService {
  return {
    ...service,
    async ask(question, options) {
      const started = performance.now();
      try {
        const result = await service.ask(question, options);
        metrics.recordQuestion(performance.now() - started, result.declined);
        const tokens = result.usage ? result.usage.promptTokens + result.usage.completionTokens : 0;
        // The extractive answer replaced the model's: it did not answer, or its answer did not hold.
        const fellBack =
          result.note === answerMessages.llmFallback || result.note === answerMessages.llmUnsupported;
        if (tokens > 0 || fellBack) metrics.recordLlm(tokens, fellBack);
        return result;
      } catch (error) {
        metrics.recordQuestionError();
        throw error;
      }
    },
  };
}

/** An Indexer that counts ingests by the store's status, and failures as "failed". */
export function instrumentIndexer(indexer: Indexer, metrics: Metrics): Indexer {
  const counted = async <T extends { result: { status: string } }>(run: () => Promise<T>): Promise<T> => {
    try {
      const outcome = await run();
      metrics.recordIngest(outcome.result.status);
      return outcome;
    } catch (error) {
      metrics.recordIngest("failed");
      throw error;
    }
  };
  return {
    ...indexer,
    ingestBytes: (bytes, fileName, options) => counted(() => indexer.ingestBytes(bytes, fileName, options)),
    indexParsed: (parsed, options) => counted(() => indexer.indexParsed(parsed, options)),
    ingestFile: (path, options) => counted(() => indexer.ingestFile(path, options)),
    indexParsedMany: async (documents, options) => {
      try {
        const outcomes = await indexer.indexParsedMany(documents, options);
        for (const outcome of outcomes) metrics.recordIngest(outcome.result.status);
        return outcomes;
      } catch (error) {
        for (const _ of documents) metrics.recordIngest("failed");
        throw error;
      }
    },
  };
}

// Counted by the one reading of a failed Bot API call (src/telegram/errors.ts).
export { telegramErrorCode };

type CallApi = (method: string, payload: unknown, options?: unknown) => Promise<unknown>;

/**
 * Counts failed Bot API calls made through `telegram` (wrapping its `callApi`, which the
 * outbox already wraps: a call counts once, after the outbox gave up on it; 429s it
 * waited out are not failures). Long-poll (`getUpdates`) failures count too.
 */
export function observeTelegramErrors(telegram: { callApi: unknown }, metrics: Metrics): void {
  const original = (telegram.callApi as CallApi).bind(telegram);
  const wrapped: CallApi = async (method, payload, options) => {
    try {
      return await original(method, payload, options);
    } catch (error) {
      const code = telegramErrorCode(error);
      if (code !== undefined) metrics.recordTelegramError(code);
      throw error;
    }
  };
  telegram.callApi = wrapped;
}
