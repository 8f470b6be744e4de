/**
 * The ChatModel port: one chat completion, optionally streamed. The OpenAI-compatible
 * adapter lives in `src/answer/openai-chat-model.ts`; tests pass scripted models.
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatCompletion {
  text: string;
  usage: ChatUsage | null;
  model: string;
}

export interface ChatModel {
  readonly model: string;
  /** Resolves with the whole reply; `onDelta` receives text as it streams, when given. */
  complete(
    messages: ChatMessage[],
    options?: { onDelta?: (textSoFar: string) => void; signal?: AbortSignal; maxTokens?: number },
  ): Promise<ChatCompletion>;
}
