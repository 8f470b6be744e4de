import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/answer/chat-model.js";
import { createOpenAiChatModel, LLM_FAILED_MESSAGE } from "../../src/answer/openai-chat-model.js";
import { ModelError } from "../../src/errors.js";
import { type OpenAiWireServer, startOpenAiWireServer } from "../support/openai-wire-server.js";

const API_KEY = "sk-test-0123456789";
const MESSAGES: ChatMessage[] = [
  { role: "system", content: "Chỉ trả lời từ tài liệu." },
  { role: "user", content: "Nhất thể hóa là gì?" },
];

let server: OpenAiWireServer;
beforeAll(async () => {
  server = await startOpenAiWireServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

function model(
  overrides: {
    timeoutMs?: number;
    maxRetries?: number;
    apiKey?: string;
    firstTokenMs?: number;
    budgetMs?: number;
  } = {},
) {
  return createOpenAiChatModel({
    apiKey: API_KEY,
    baseURL: server.baseURL,
    model: "test-chat",
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe("createOpenAiChatModel against an OpenAI-wire server", () => {
  it("returns the reply text and usage, sending the prompt, a low temperature and the key", async () => {
    server.queueChat({
      reply: "Nhất thể hóa là một người giữ hai chức danh [1].",
      usage: { prompt_tokens: 42, completion_tokens: 11 },
    });
    const result = await model().complete(MESSAGES, { maxTokens: 300 });
    expect(result).toEqual({
      text: "Nhất thể hóa là một người giữ hai chức danh [1].",
      usage: { promptTokens: 42, completionTokens: 11 },
      model: "test-chat",
    });
    const [request] = server.chatRequests();
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body.model).toBe("test-chat");
    expect(request?.body.messages).toEqual(MESSAGES);
    expect(request?.body.temperature).toBeGreaterThanOrEqual(0.1);
    expect(request?.body.temperature).toBeLessThanOrEqual(0.2);
    expect(request?.body.max_tokens).toBe(300);
    expect(request?.body.stream).toBeFalsy();
  });

  it("streams: onDelta receives the text so far, progressively, and usage comes back", async () => {
    server.queueChat({
      stream: ["Nhất ", "thể ", "hóa ", "[1]."],
      delayMs: 60,
      usage: { prompt_tokens: 7, completion_tokens: 4 },
    });
    const deltas: Array<{ text: string; at: number }> = [];
    const started = Date.now();
    const result = await model().complete(MESSAGES, {
      onDelta: (text) => deltas.push({ text, at: Date.now() - started }),
    });
    const finished = Date.now() - started;

    expect(result.text).toBe("Nhất thể hóa [1].");
    expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 4 });
    expect(deltas.map((d) => d.text)).toEqual(["Nhất ", "Nhất thể ", "Nhất thể hóa ", "Nhất thể hóa [1]."]);
    // Progressive: the first piece arrived well before the whole reply.
    expect(deltas[0]!.at).toBeLessThan(finished - 100);
    const [request] = server.chatRequests();
    expect(request?.body.stream).toBe(true);
    expect(request?.body.stream_options).toEqual({ include_usage: true });
  });

  it("a hanging endpoint: attempts without a first token are retried, all inside the budget", async () => {
    for (let i = 0; i < 6; i++) server.queueChat({ hang: true });
    const started = Date.now();
    const error = await rejection(
      model({ firstTokenMs: 300, budgetMs: 2500, maxRetries: 5 }).complete(MESSAGES, { onDelta: () => {} }),
    );
    const elapsed = Date.now() - started;
    expect(error.code).toBe("llm_failed");
    expect(error.context.reason).toBe("timeout");
    // Retried (300 ms attempts, 500 ms then 1 s backoff), and given up within the budget.
    expect(server.chatRequests().length).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(2500 + 300);
  });

  it("a slow first token within its deadline is an answer, not a retry", async () => {
    server.queueChat({ stream: ["Nhất thể hóa ", "là ..."], delayMs: 150 });
    const result = await model({ firstTokenMs: 1000, budgetMs: 3000 }).complete(MESSAGES, {
      onDelta: () => {},
    });
    expect(result.text).toBe("Nhất thể hóa là ...");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("a server that never answers times out in about timeoutMs with a ModelError", async () => {
    server.queueChat({ hang: true });
    const started = Date.now();
    const error = await rejection(model({ timeoutMs: 300, maxRetries: 0 }).complete(MESSAGES));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
    expect(error.code).toBe("llm_failed");
    expect(error.userMessage).toBe(LLM_FAILED_MESSAGE);
    expect(error.context.reason).toBe("timeout");
    expect(error.cause).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("a stream that goes silent mid-reply times out too (the partial text is not returned)", async () => {
    server.queueChat({ stream: ["Một ", "phần"], hangAfter: true });
    const deltas: string[] = [];
    const started = Date.now();
    const error = await rejection(
      model({ timeoutMs: 300, maxRetries: 0 }).complete(MESSAGES, { onDelta: (t) => deltas.push(t) }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.context.reason).toBe("timeout");
    expect(deltas.at(-1)).toBe("Một phần");
  });

  it("retries a 429 (honouring retry-after) and succeeds", async () => {
    server.queueChat({ status: 429, retryAfter: 0.2 }, { reply: "Được [1]." });
    const result = await model().complete(MESSAGES);
    expect(result.text).toBe("Được [1].");
    const requests = server.chatRequests();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(180);
  });

  it("retries a 5xx during streaming before any data", async () => {
    server.queueChat({ status: 503, retryAfterMs: 10 }, { stream: ["A", "B"] });
    const result = await model().complete(MESSAGES, { onDelta: () => {} });
    expect(result.text).toBe("AB");
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("gives up after maxRetries: 500 twice with maxRetries 1 → ModelError", async () => {
    server.queueChat(
      { status: 500, retryAfterMs: 10 },
      { status: 500, retryAfterMs: 10 },
      { reply: "too late" },
    );
    const error = await rejection(model({ maxRetries: 1 }).complete(MESSAGES));
    expect(server.chatRequests()).toHaveLength(2);
    expect(error.code).toBe("llm_failed");
    expect(error.context).toMatchObject({ reason: "server_error", status: 500 });
    expect(error.cause).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it("with maxRetries 0 a 500 fails at once", async () => {
    server.queueChat({ status: 500 }, { status: 500 });
    const error = await rejection(model({ maxRetries: 0 }).complete(MESSAGES));
    expect(server.chatRequests()).toHaveLength(1);
    expect(error.context.status).toBe(500);
  });

  it("an empty reply is a failure, not an answer", async () => {
    server.queueChat({ reply: "" });
    const error = await rejection(model().complete(MESSAGES));
    expect(error.context.reason).toBe("empty_reply");
  });

  it("the caller's signal cancels the request", async () => {
    server.queueChat({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(
      model({ timeoutMs: 5000 }).complete(MESSAGES, { signal: controller.signal }),
    );
    expect(error.code).toBe("llm_aborted");
  });

  it("a throwing onDelta does not lose the reply", async () => {
    server.queueChat({ stream: ["x", "y"] });
    const result = await model().complete(MESSAGES, {
      onDelta: () => {
        throw new Error("edit failed");
      },
    });
    expect(result.text).toBe("xy");
  });
});

describe("the wire server's authorization and model list", () => {
  it("rejects a wrong key with 401 (not retried) and lists models", async () => {
    const strict = await startOpenAiWireServer({ requireApiKey: API_KEY, models: ["m1", "m2"] });
    try {
      const wrong = createOpenAiChatModel({ apiKey: "sk-wrong-key", baseURL: strict.baseURL, model: "m1" });
      const error = await rejection(wrong.complete(MESSAGES));
      expect(error.context).toMatchObject({ reason: "http_error", status: 401 });
      expect(strict.chatRequests()).toHaveLength(1);
      expect(strict.chatRequests()[0]!.headers.authorization).toBe("Bearer sk-wrong-key");

      const client = new OpenAI({ apiKey: API_KEY, baseURL: strict.baseURL, logLevel: "off" });
      const ids: string[] = [];
      for await (const m of client.models.list()) ids.push(m.id);
      expect(ids).toEqual(["m1", "m2"]);
    } finally {
      await strict.close();
    }
  });
});
