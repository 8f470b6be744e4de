/**
 * The Embedder port: turns texts into dense vectors. The OpenAI-compatible adapter
 * lives in `src/retrieval/openai-embedder.ts`; without one, retrieval is lexical only.
 */
export interface Embedder {
  /** Model name recorded with every stored vector (a change is detected at start). */
  readonly model: string;
  /** Embeds texts in order; one vector per text. */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}
