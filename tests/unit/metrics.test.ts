import { describe, expect, it } from "vitest";
import type { AskService } from "../../src/answer/ask-service.js";
import { answerMessages } from "../../src/answer/messages.js";
import type { Indexer, IngestOutcome } from "../../src/ingest/indexer.js";
import {
  createMetrics,
  instrumentAsk,
  instrumentIndexer,
  observeTelegramErrors,
  telegramErrorCode,
} from "../../src/metrics.js";
import { makeResult } from "../support/ask-result.js";
import { parsePrometheus, sampleValue } from "./server/prometheus.js";

async function samples(metrics: ReturnType<typeof createMetrics>) {
  return parsePrometheus(await metrics.registry.metrics());
}

describe("createMetrics", () => {
  it("exposes valid Prometheus text with the bot's metrics and the process defaults", async () => {
    const metrics = createMetrics();
    metrics.recordQuestion(120, false);
    metrics.recordQuestion(2_500, true);
    metrics.recordQuestionError();
    metrics.recordLlm(350);
    metrics.recordLlm(0, true);
    metrics.recordIngest("added");
    metrics.recordIngest("added");
    metrics.recordIngest("failed");
    metrics.recordDigest();
    metrics.recordTelegramError(403);
    metrics.recordTelegramError("ECONNRESET");
    metrics.recordWebhookRequest("unauthorized");
    metrics.observeInFlight(() => 3);
    const s = await samples(metrics);
    expect(sampleValue(s, "nhatthe_questions_total")).toBe(2);
    expect(sampleValue(s, "nhatthe_declines_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_question_errors_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_answer_duration_seconds_count")).toBe(2);
    expect(sampleValue(s, "nhatthe_answer_duration_seconds_sum")).toBeCloseTo(2.62);
    expect(sampleValue(s, "nhatthe_answer_duration_seconds_bucket", { le: "0.25" })).toBe(1);
    expect(sampleValue(s, "nhatthe_answer_duration_seconds_bucket", { le: "+Inf" })).toBe(2);
    expect(sampleValue(s, "nhatthe_llm_tokens_total")).toBe(350);
    expect(sampleValue(s, "nhatthe_llm_errors_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "added" })).toBe(2);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "failed" })).toBe(1);
    expect(sampleValue(s, "nhatthe_digests_sent_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_telegram_api_errors_total", { code: "403" })).toBe(1);
    expect(sampleValue(s, "nhatthe_telegram_api_errors_total", { code: "ECONNRESET" })).toBe(1);
    expect(sampleValue(s, "nhatthe_webhook_requests_total", { result: "unauthorized" })).toBe(1);
    expect(sampleValue(s, "nhatthe_updates_in_flight")).toBe(3);
    expect(sampleValue(s, "process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(sampleValue(s, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("keeps each registry separate (two instances in one process)", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.recordQuestion(1, false);
    expect(sampleValue(await samples(a), "nhatthe_questions_total")).toBe(1);
    expect(sampleValue(await samples(b), "nhatthe_questions_total")).toBe(0);
  });
});

describe("instrumentAsk", () => {
  it("records answered and declined questions, LLM tokens and fallbacks, and failures", async () => {
    const metrics = createMetrics();
    let next: "answer" | "decline" | "llm" | "fallback" | "fail" = "answer";
    const inner: AskService = {
      async ask(question) {
        if (next === "fail") throw new Error("invalid");
        return makeResult("Trả lời [1]", [], {
          question,
          declined: next === "decline",
          ...(next === "llm"
            ? { mode: "llm" as const, usage: { promptTokens: 100, completionTokens: 20, costUsd: 0 } }
            : {}),
          ...(next === "fallback" ? { note: answerMessages.llmFallback } : {}),
        });
      },
    };
    const ask = instrumentAsk(inner, metrics);
    await ask.ask("a");
    next = "decline";
    await ask.ask("b");
    next = "llm";
    await ask.ask("c");
    next = "fallback";
    await ask.ask("e");
    next = "fail";
    await expect(ask.ask("d")).rejects.toThrow("invalid");
    const s = await samples(metrics);
    expect(sampleValue(s, "nhatthe_questions_total")).toBe(4);
    expect(sampleValue(s, "nhatthe_declines_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_llm_tokens_total")).toBe(120);
    expect(sampleValue(s, "nhatthe_llm_errors_total")).toBe(1);
    expect(sampleValue(s, "nhatthe_question_errors_total")).toBe(1);
  });
});

describe("instrumentIndexer", () => {
  it("counts each ingest once by status, failures as failed", async () => {
    const metrics = createMetrics();
    const outcome = (status: string) => ({ result: { status } }) as unknown as IngestOutcome;
    const inner: Indexer = {
      ingestBytes: async (_b, name) => {
        if (name === "bad.pdf") throw new Error("broken");
        return outcome("added");
      },
      indexParsed: async () => outcome("replaced"),
      indexParsedMany: async (docs) => docs.map(() => outcome("added")),
      ingestFile: async () => outcome("unchanged"),
      removeDocument: async () => true,
    };
    const indexer = instrumentIndexer(inner, metrics);
    await indexer.ingestBytes(new Uint8Array(), "a.txt");
    await expect(indexer.ingestBytes(new Uint8Array(), "bad.pdf")).rejects.toThrow("broken");
    await indexer.indexParsed({} as never);
    await indexer.ingestFile("x.txt");
    expect(await indexer.removeDocument("d")).toBe(true);
    const s = await samples(metrics);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "added" })).toBe(1);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "failed" })).toBe(1);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "replaced" })).toBe(1);
    expect(sampleValue(s, "nhatthe_ingests_total", { status: "unchanged" })).toBe(1);
  });
});

describe("Telegram errors", () => {
  it("reads the Bot API error_code, network codes, and ignores aborts", () => {
    expect(telegramErrorCode({ response: { error_code: 429 } })).toBe("429");
    expect(telegramErrorCode(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(telegramErrorCode(Object.assign(new Error("x"), { name: "AbortError" }))).toBeUndefined();
    expect(telegramErrorCode(new Error("?"))).toBe("other");
    expect(telegramErrorCode("weird")).toBe("other");
  });

  it("counts failed calls made through the wrapped telegram, and passes results and errors through", async () => {
    const metrics = createMetrics();
    const telegram = {
      async callApi(method: string) {
        if (method === "sendMessage")
          throw Object.assign(new Error("Forbidden"), { response: { error_code: 403 } });
        if (method === "getUpdates") throw Object.assign(new Error("aborted"), { name: "AbortError" });
        return { ok: method };
      },
    };
    observeTelegramErrors(telegram, metrics);
    expect(await telegram.callApi("getMe")).toEqual({ ok: "getMe" });
    await expect(telegram.callApi("sendMessage")).rejects.toThrow("Forbidden");
    await expect(telegram.callApi("getUpdates")).rejects.toThrow("aborted");
    const s = await samples(metrics);
    expect(sampleValue(s, "nhatthe_telegram_api_errors_total", { code: "403" })).toBe(1);
    expect(s.filter((x) => x.name === "nhatthe_telegram_api_errors_total")).toHaveLength(1);
  });
});
