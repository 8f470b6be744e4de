import { buildDigestSummaryMessages, stripCitationMarkers } from "../answer/build-prompt.js";
import type { ChatModel } from "../answer/chat-model.js";
import { checkCitations } from "../answer/citation-check.js";
import type { Prompts } from "../answer/prompts.js";
import type { Summarize } from "./gather.js";

/**
 * Digest summaries from the LLM: one or two sentences over the document's first
 * passages, checked like an answer (a reply without a supported citation, or a refusal,
 * throws, and the digest falls back to its extractive summary). The digest cites the
 * document itself, so the model's [n] markers are removed from the text.
 */
export function createLlmSummarizer(model: ChatModel, prompts: Prompts): Summarize {
  return async (doc, chunks) => {
    const passages = chunks.map((chunk) => ({ chunk, doc, score: 0 }));
    const completion = await model.complete(buildDigestSummaryMessages(passages, prompts), {
      maxTokens: 300,
    });
    const check = checkCitations(completion.text, passages);
    if (!check.usable) {
      throw new Error(`digest summary unusable: ${check.isRefusal ? "refusal" : "no supported citation"}`);
    }
    return stripCitationMarkers(check.text).replace(/\s+/g, " ").trim();
  };
}
