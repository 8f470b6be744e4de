import { buildDigestSummaryMessages, stripCitationMarkers } from "../answer/build-prompt.js";
import type { ChatModel } from "../answer/chat-model.js";
import { checkCitations } from "../answer/citation-check.js";
import type { Prompts } from "../answer/prompts.js";
import type { Logger } from "../logger.js";
import type { Summarize } from "./gather.js";

/**
 * Digest summaries from the LLM: one or two sentences over the document's first
 * passages, checked like an answer (citation-check.ts): a sentence stating a number,
 * date, document number or name the passages do not, or echoing the prompt, is removed
 * (and logged); a reply whose main claim fails, or a refusal, throws, and the digest
 * falls back to its extractive summary. The digest cites the document itself, so the
 * model's [n] markers are removed from the text.
 */
export function createLlmSummarizer(model: ChatModel, prompts: Prompts, logger?: Logger): Summarize {
  const instructions = prompts.digestSummary.replace(/\{\{[^}]*\}\}/g, " ");
  return async (doc, chunks) => {
    const passages = chunks.map((chunk) => ({ chunk, doc, score: 0 }));
    const completion = await model.complete(buildDigestSummaryMessages(passages, prompts), {
      maxTokens: 300,
    });
    const check = checkCitations(completion.text, passages, { instructions });
    if (!check.usable) {
      const removed = check.removed.map((r) => r.text).join(" | ");
      throw new Error(
        `digest summary unusable: ${check.replaceReason ?? "unsupported"}${removed ? ` (removed: ${removed})` : ""}`,
      );
    }
    if (check.removed.length > 0) {
      logger?.info({ docId: doc.docId, removed: check.removed }, "digest summary trimmed");
    }
    return stripCitationMarkers(check.kept).replace(/\s+/g, " ").trim();
  };
}
