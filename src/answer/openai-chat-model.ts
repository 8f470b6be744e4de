import OpenAI from "openai";
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";
import { endpointUnresponsive } from "../retrieval/endpoint-health.js";
import type { ChatCompletion, ChatMessage, ChatModel, ChatUsage } from "./chat-model.js";

/** Shown to the user when the language model cannot answer (the bot then falls back to extracts). */
export const LLM_FAILED_MESSAGE = "Mô hình ngôn ngữ tạm thời không phản hồi.";
/** Shown when the request was cancelled by the caller. */
export const LLM_ABORTED_MESSAGE = "Yêu cầu tới mô hình ngôn ngữ đã bị hủy.";

export interface OpenAiChatModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1. Default: OpenAI. */
  baseURL?: string;
  model: string;
  /**
   * One attempt: a reply (or, streaming, a silence between tokens) that takes longer is
   * aborted. Default 20000. Attempts are bounded by `firstTokenMs` and `budgetMs` too.
   */
  timeoutMs?: number;
  /** Retries of 429, 408, 409, 5xx, timeouts and connection errors, inside the budget. Default 2. */
  maxRetries?: number;
  /**
   * A streamed attempt with no first token by then is aborted (and retried while the
   * budget lasts). Default 8000.
   */
  firstTokenMs?: number;
  /**
   * The whole wait, all attempts and their backoff together: past it the call fails and
   * the caller answers without the model. Default 20000; a cadre does not wait a minute.
   */
  budgetMs?: number;
  /** Low by default: answers must stick to the passages. */
  temperature?: number;
  logger?: Logger;
}

/**
 * The ChatModel adapter for any OpenAI-compatible `/chat/completions` endpoint.
 *
 * The wait is bounded as a whole: every attempt, retry and backoff fits in `budgetMs`
 * (the SDK's own retries are off, since each of them had the full timeout: a hanging
 * endpoint took a minute). A streamed attempt must show its first token within
 * `firstTokenMs`; 429, 408, 409, 5xx, timeouts and connection errors are retried with
 * exponential backoff (honouring `retry-after` when it fits the budget). With `onDelta`
 * the reply is streamed (`stream_options.include_usage` so usage still comes back).
 * Every failure becomes a `ModelError` with code "llm_failed" (or "llm_aborted" when the
 * caller's signal fired), the SDK error kept as `cause`.
 */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRetries = options.maxRetries ?? 2;
  const budgetMs = options.budgetMs ?? 20_000;
  const firstTokenMs = Math.min(options.firstTokenMs ?? 8_000, timeoutMs, budgetMs);
  const temperature = options.temperature ?? 0.1;
  const log = options.logger?.child({ component: "openai-chat", model: options.model });
  const baseURL = options.baseURL ?? "https://api.openai.com/v1";
  const client = new OpenAI({
    apiKey: options.apiKey,
    // Explicit values so the SDK never falls back to reading the environment itself.
    baseURL,
    organization: null,
    project: null,
    timeout: budgetMs,
    maxRetries: 0,
    logLevel: "off",
  });

  async function complete(
    messages: ChatMessage[],
    callOptions: { onDelta?: (textSoFar: string) => void; signal?: AbortSignal; maxTokens?: number } = {},
  ): Promise<ChatCompletion> {
    const started = Date.now();
    const base = {
      model: options.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      temperature,
      ...(callOptions.maxTokens !== undefined ? { max_tokens: callOptions.maxTokens } : {}),
    };
    try {
      const result = await withinBudget(started, callOptions.signal, (signal, remainingMs) =>
        callOptions.onDelta
          ? streamCompletion(base, callOptions.onDelta, signal, remainingMs)
          : plainCompletion(base, signal, remainingMs),
      );
      if (result.text.trim() === "") {
        throw new ModelError("llm_failed", LLM_FAILED_MESSAGE, {
          context: { reason: "empty_reply", model: options.model },
          message: "llm_failed: the model returned an empty reply",
        });
      }
      log?.debug({ ms: Date.now() - started, usage: result.usage, chars: result.text.length }, "llm reply");
      return result;
    } catch (error: unknown) {
      const wrapped = toModelError(error, callOptions.signal, options.model, timeoutMs);
      log?.warn(
        {
          code: wrapped.code,
          reason: wrapped.context.reason,
          status: wrapped.context.status,
          ms: Date.now() - started,
        },
        "llm request failed",
      );
      throw wrapped;
    }
  }

  /**
   * Runs attempts until one succeeds, an error is not worth retrying, the retries are
   * spent or the budget is: each attempt gets what is left of the budget.
   */
  async function withinBudget(
    started: number,
    signal: AbortSignal | undefined,
    attempt: (signal: AbortSignal | undefined, remainingMs: number) => Promise<ChatCompletion>,
  ): Promise<ChatCompletion> {
    // The endpoint's embeddings just timed out (the question's, most likely): the wait
    // already spent counts, so half the budget and a single attempt.
    const unresponsive = endpointUnresponsive(baseURL);
    const deadline = started + (unresponsive ? budgetMs / 2 : budgetMs);
    const retries = unresponsive ? 0 : maxRetries;
    for (let n = 0; ; n++) {
      const remainingMs = deadline - Date.now();
      try {
        return await attempt(signal, remainingMs);
      } catch (error: unknown) {
        if (signal?.aborted || n >= retries || !isRetryable(error)) throw error;
        const wait = retryDelayMs(error, n);
        const left = deadline - Date.now();
        // A retry needs the wait and still some time to answer: otherwise give up now.
        if (wait + 1000 > left) throw error;
        log?.info(
          { attempt: n + 1, waitMs: wait, leftMs: left },
          "llm attempt failed; retrying within budget",
        );
        await sleep(wait, signal);
      }
    }
  }

  async function plainCompletion(
    base: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal | undefined,
    remainingMs: number,
  ): Promise<ChatCompletion> {
    const completion = await client.chat.completions.create(
      { ...base, stream: false },
      { signal, timeout: Math.max(1, Math.min(timeoutMs, remainingMs)) },
    );
    const text = completion.choices[0]?.message?.content ?? "";
    return { text, usage: toUsage(completion.usage), model: completion.model || options.model };
  }

  async function streamCompletion(
    base: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    onDelta: (textSoFar: string) => void,
    signal: AbortSignal | undefined,
    remainingMs: number,
  ): Promise<ChatCompletion> {
    // Three clocks abort the attempt: no first token in `firstTokenMs`; silence of
    // `timeoutMs` once tokens flow; the end of the budget, whatever happens.
    const idle = new AbortController();
    const onCallerAbort = () => idle.abort(signal?.reason);
    if (signal?.aborted) idle.abort(signal.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    let idleTimer: NodeJS.Timeout | undefined;
    let idleTimedOut = false;
    let firstToken = false;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      const ms = firstToken ? Math.min(timeoutMs, remainingMs) : Math.min(firstTokenMs, remainingMs);
      idleTimer = setTimeout(() => {
        idleTimedOut = true;
        idle.abort(new Error(firstToken ? `stream idle for ${ms} ms` : `no first token in ${ms} ms`));
      }, ms);
    };
    const budgetTimer = setTimeout(
      () => {
        idleTimedOut = true;
        idle.abort(new Error(`budget of ${budgetMs} ms spent`));
      },
      Math.max(1, remainingMs),
    );
    try {
      armIdleTimer();
      const stream = await client.chat.completions.create(
        { ...base, stream: true, stream_options: { include_usage: true } },
        { signal: idle.signal, timeout: Math.max(1, remainingMs) },
      );
      let text = "";
      let usage: ChatUsage | null = null;
      let model = options.model;
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) usage = toUsage(chunk.usage);
        const delta = chunk.choices[0]?.delta?.content;
        if (firstToken || delta) {
          firstToken = true;
          armIdleTimer();
        }
        if (delta) {
          text += delta;
          try {
            onDelta(text);
          } catch (error: unknown) {
            // A failing progress callback (e.g. a message edit) must not lose the reply.
            log?.warn({ err: error }, "onDelta failed");
          }
        }
      }
      // The SDK ends the iteration quietly when its signal aborts: a partial reply must not pass as whole.
      if (idle.signal.aborted) throw idle.signal.reason;
      return { text, usage, model };
    } catch (error: unknown) {
      if (idleTimedOut && !signal?.aborted) {
        const reason = idle.signal.reason instanceof Error ? idle.signal.reason.message : "stream timed out";
        throw new OpenAI.APIConnectionTimeoutError({ message: reason });
      }
      throw error;
    } finally {
      clearTimeout(idleTimer);
      clearTimeout(budgetTimer);
      signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  return { model: options.model, complete };
}

/** What may succeed on another attempt: timeouts, connection errors, 408, 409, 429, 5xx. */
function isRetryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIUserAbortError) return false;
  if (error instanceof OpenAI.APIConnectionError) return true;
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  return false;
}

/** Exponential backoff from 500 ms, or the server's `retry-after(-ms)` when it gives one. */
function retryDelayMs(error: unknown, attempt: number): number {
  const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
  const ms = Number(headers?.get?.("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get?.("retry-after-ms")) return ms;
  const seconds = Number(headers?.get?.("retry-after"));
  if (Number.isFinite(seconds) && seconds >= 0 && headers?.get?.("retry-after")) return seconds * 1000;
  return Math.min(4000, 500 * 2 ** attempt);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

function toUsage(usage: OpenAI.CompletionUsage | null | undefined): ChatUsage | null {
  if (!usage) return null;
  return { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0 };
}

/** Classifies an SDK error into a ModelError; never loses the original. */
function toModelError(
  error: unknown,
  signal: AbortSignal | undefined,
  model: string,
  timeoutMs: number,
): ModelError {
  if (error instanceof ModelError) return error;
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) {
    return new ModelError("llm_aborted", LLM_ABORTED_MESSAGE, {
      cause: error,
      context: { reason: "aborted", model },
    });
  }
  let reason = "unknown";
  let status: number | undefined;
  if (error instanceof OpenAI.APIConnectionTimeoutError) reason = "timeout";
  else if (error instanceof OpenAI.APIConnectionError) reason = "connection";
  else if (error instanceof OpenAI.APIError) {
    status = error.status;
    reason =
      status === 429 ? "rate_limited" : status !== undefined && status >= 500 ? "server_error" : "http_error";
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelError("llm_failed", LLM_FAILED_MESSAGE, {
    cause: error,
    context: { reason, status, model, timeoutMs },
    message: `llm_failed (${reason}${status ? ` ${status}` : ""}): ${detail}`,
  });
}
