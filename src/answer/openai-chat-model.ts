import OpenAI from "openai";
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";
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
   * Per attempt: the SDK aborts a request whose headers have not arrived in time, and
   * a stream that stays silent this long is aborted too. Default 20000.
   */
  timeoutMs?: number;
  /** Retries of 429, 408, 409, 5xx and connection errors, with backoff and retry-after. Default 2. */
  maxRetries?: number;
  /** Low by default: answers must stick to the passages. */
  temperature?: number;
  logger?: Logger;
}

/**
 * The ChatModel adapter for any OpenAI-compatible `/chat/completions` endpoint.
 *
 * Timeouts and retries are the SDK's own (`timeout`, `maxRetries`: 429/5xx retried with
 * exponential backoff, honouring `retry-after`). With `onDelta` the reply is streamed
 * (`stream_options.include_usage` so usage still comes back). Every failure that
 * survives the retries becomes a `ModelError` with code "llm_failed" (or "llm_aborted"
 * when the caller's signal fired), the SDK error kept as `cause`.
 */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRetries = options.maxRetries ?? 2;
  const temperature = options.temperature ?? 0.1;
  const log = options.logger?.child({ component: "openai-chat", model: options.model });
  const client = new OpenAI({
    apiKey: options.apiKey,
    // Explicit values so the SDK never falls back to reading the environment itself.
    baseURL: options.baseURL ?? "https://api.openai.com/v1",
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries,
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
      const result = callOptions.onDelta
        ? await streamCompletion(base, callOptions.onDelta, callOptions.signal)
        : await plainCompletion(base, callOptions.signal);
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

  async function plainCompletion(
    base: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal | undefined,
  ): Promise<ChatCompletion> {
    const completion = await client.chat.completions.create({ ...base, stream: false }, { signal });
    const text = completion.choices[0]?.message?.content ?? "";
    return { text, usage: toUsage(completion.usage), model: completion.model || options.model };
  }

  async function streamCompletion(
    base: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    onDelta: (textSoFar: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<ChatCompletion> {
    // The SDK's timeout stops at the response headers; a stream that then goes silent
    // is caught by this idle timer, reset on every chunk.
    const idle = new AbortController();
    const onCallerAbort = () => idle.abort(signal?.reason);
    if (signal?.aborted) idle.abort(signal.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    let idleTimer: NodeJS.Timeout | undefined;
    let idleTimedOut = false;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idleTimedOut = true;
        idle.abort(new Error(`stream idle for ${timeoutMs} ms`));
      }, timeoutMs);
    };
    try {
      const stream = await client.chat.completions.create(
        { ...base, stream: true, stream_options: { include_usage: true } },
        { signal: idle.signal },
      );
      armIdleTimer();
      let text = "";
      let usage: ChatUsage | null = null;
      let model = options.model;
      for await (const chunk of stream) {
        armIdleTimer();
        if (chunk.model) model = chunk.model;
        if (chunk.usage) usage = toUsage(chunk.usage);
        const delta = chunk.choices[0]?.delta?.content;
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
        throw new OpenAI.APIConnectionTimeoutError({ message: `stream idle for ${timeoutMs} ms` });
      }
      throw error;
    } finally {
      clearTimeout(idleTimer);
      signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  return { model: options.model, complete };
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
