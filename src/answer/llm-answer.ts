import type { Logger } from "../logger.js";
import { buildAnswerMessages, buildFollowupRewriteMessages, type PreviousExchange } from "./build-prompt.js";
import type { ChatModel, ChatUsage } from "./chat-model.js";
import { checkCitations } from "./citation-check.js";
import { toCitation } from "./extractive.js";
import type { Prompts } from "./prompts.js";
import type { Citation, Passage } from "./types.js";

/** How many of the best passages the model reads. */
export const LLM_PASSAGES = 5;

export type LlmOutcome =
  | { kind: "answer"; answer: string; citations: Citation[]; usage: ChatUsage | null }
  /** The model's reply is unusable (no valid citation, unsupported, or a refusal). */
  | { kind: "unusable"; reason: string; usage: ChatUsage | null }
  | { kind: "failed"; error: unknown };

/**
 * Asks the model for a synthesis of the passages, then checks it: numbers that name no
 * passage are dropped, cited sentences must share content with their passages, and a
 * reply without a valid supported citation (or a refusal, when retrieval was confident
 * enough to get here) is reported unusable, so the caller falls back to the extractive
 * answer. Citations are renumbered 1..k in order of first use.
 */
export async function composeLlmAnswer(deps: {
  model: ChatModel;
  prompts: Prompts;
  question: string;
  passages: Passage[];
  previous?: PreviousExchange;
  onDelta?: (textSoFar: string) => void;
  logger?: Logger;
}): Promise<LlmOutcome> {
  const passages = deps.passages.slice(0, LLM_PASSAGES);
  const messages = buildAnswerMessages(deps.question, passages, deps.prompts, { previous: deps.previous });
  let completion: Awaited<ReturnType<ChatModel["complete"]>>;
  try {
    completion = await deps.model.complete(messages, { onDelta: deps.onDelta });
  } catch (error) {
    return { kind: "failed", error };
  }
  const check = checkCitations(completion.text, passages);
  if (!check.usable) {
    const reason = check.isRefusal
      ? "refusal"
      : check.used.length === 0
        ? "no_valid_citation"
        : "unsupported";
    deps.logger?.info({ reason, dropped: check.dropped, used: check.used }, "llm answer unusable");
    return { kind: "unusable", reason, usage: completion.usage };
  }
  const { text, order } = renumberCitations(check.text);
  const citations = order.map((original, i) => toCitation(i + 1, passages[original - 1]!));
  return { kind: "answer", answer: text, citations, usage: completion.usage };
}

/**
 * Rewrites [n] markers so that the first passage cited becomes [1], the next new one
 * [2], ...; returns the original numbers in their new order.
 */
export function renumberCitations(text: string): { text: string; order: number[] } {
  const order: number[] = [];
  const rewritten = text.replace(/\[(\d{1,4})\]/g, (_, digits: string) => {
    const n = Number(digits);
    let index = order.indexOf(n);
    if (index < 0) {
      order.push(n);
      index = order.length - 1;
    }
    return `[${index + 1}]`;
  });
  return { text: rewritten, order };
}

/**
 * Turns a follow-up ("còn cấp xã thì sao?") into a standalone question using the
 * earlier exchange. Any failure falls back to the follow-up joined to the earlier
 * question, which is what retrieval gets without a model.
 */
export async function rewriteFollowUp(deps: {
  model: ChatModel;
  prompts: Prompts;
  question: string;
  previous: PreviousExchange;
  logger?: Logger;
}): Promise<{ question: string; usage: ChatUsage | null }> {
  const fallback = `${deps.previous.question}\n${deps.question}`;
  try {
    const completion = await deps.model.complete(
      buildFollowupRewriteMessages(deps.question, deps.previous, deps.prompts),
      { maxTokens: 200 },
    );
    const rewritten = completion.text.trim().split("\n")[0]?.trim() ?? "";
    return { question: rewritten.length >= 3 ? rewritten : fallback, usage: completion.usage };
  } catch (error) {
    deps.logger?.warn({ err: error }, "follow-up rewrite failed; using the joined question");
    return { question: fallback, usage: null };
  }
}
