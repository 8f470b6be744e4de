import OpenAI, { toFile } from "openai";
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";

/**
 * Speech to text: a voice question becomes a typed one. A port, so the bot does not
 * know which server transcribes (OpenAI, or a self-hosted one speaking the same wire).
 */
export interface Transcriber {
  /** The words of a recording (Vietnamese expected); throws ModelError when it cannot. */
  transcribe(audio: Uint8Array, fileName: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface OpenAiTranscriberOptions {
  apiKey: string;
  baseURL?: string | undefined;
  /** `TRANSCRIBE_MODEL`, e.g. "whisper-1". */
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  logger?: Logger;
}

/** Vietnamese text for a transcription that failed (shown to the cadre). */
export const TRANSCRIBE_FAILED =
  "Chưa nhận dạng được giọng nói lúc này. Xin vui lòng thử lại sau ít phút hoặc gõ câu hỏi.";

/**
 * The Transcriber adapter for an OpenAI-compatible `/audio/transcriptions` endpoint
 * (multipart: the file, the model, `language: "vi"`). Errors become a ModelError
 * "transcribe_failed" that keeps the SDK's error as its cause.
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const log = options.logger?.child({ component: "openai-transcriber", model: options.model });
  const client = new OpenAI({
    apiKey: options.apiKey,
    // Explicit values so the SDK never falls back to reading the environment itself.
    baseURL: options.baseURL ?? "https://api.openai.com/v1",
    organization: null,
    project: null,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 1,
    logLevel: "off",
  });
  return {
    async transcribe(audio, fileName, transcribeOptions = {}) {
      const started = performance.now();
      try {
        const result = await client.audio.transcriptions.create(
          { file: await toFile(Buffer.from(audio), fileName), model: options.model, language: "vi" },
          transcribeOptions.signal ? { signal: transcribeOptions.signal } : undefined,
        );
        log?.debug({ ms: Math.round(performance.now() - started), bytes: audio.byteLength }, "transcribed");
        return result.text.trim();
      } catch (error) {
        throw new ModelError("transcribe_failed", TRANSCRIBE_FAILED, {
          cause: error,
          context: { model: options.model, bytes: audio.byteLength },
        });
      }
    },
  };
}
