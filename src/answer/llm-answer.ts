import type { Logger } from "../logger.js";
import { buildAnswerMessages, buildFollowupRewriteMessages, type PreviousExchange } from "./build-prompt.js";
import type { ChatModel, ChatUsage } from "./chat-model.js";
import { createDraftFilter } from "./checked-draft.js";
import { checkCitations, type RemovedSentence } from "./citation-check.js";
import { toCitation } from "./extractive.js";
import type { Prompts } from "./prompts.js";
import type { Citation, Passage } from "./types.js";

/** How many of the best passages the model reads. */
export const LLM_PASSAGES = 5;

export type LlmOutcome =
  | {
      kind: "answer";
      answer: string;
      citations: Citation[];
      usage: ChatUsage | null;
      /** Sentences of the model's reply left out as unsupported (the answer is the rest). */
      removed: RemovedSentence[];
    }
  /** The model's reply is unusable (a refusal, no valid citation, its main claim or most of it unsupported). */
  | { kind: "unusable"; reason: string; usage: ChatUsage | null; removed: RemovedSentence[] }
  | { kind: "failed"; error: unknown };

/**
 * The prompt's own words (templates with their slots emptied): a reply repeating them
 * ("Chỉ dùng thông tin có trong các đoạn trích [1].") is never an answer.
 */
export function answerInstructions(prompts: Prompts): string {
  return [prompts.answerSystem, prompts.answerUser].join("\n").replace(/\{\{[^}]*\}\}/g, " ");
}

/**
 * Asks the model for a synthesis of the passages, then checks it sentence by sentence
 * (citation-check.ts): numbers that name no passage are dropped; a sentence stating a
 * number, date, document number or name its passages do not, or sharing too few of
 * their phrases, or echoing the prompt, is removed and logged; when the main claim is
 * removed, or most of the reply, or it is a refusal (retrieval was confident enough to
 * get here), the reply is reported unusable and the caller falls back to the extractive
 * answer. While streaming, the draft shows only what the check would keep
 * (checked-draft.ts). Citations are renumbered 1..k in order of first use.
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
  const instructions = answerInstructions(deps.prompts);
  const onDelta = deps.onDelta;
  let onDraft: ((textSoFar: string) => void) | undefined;
  if (onDelta) {
    const filter = createDraftFilter(passages, instructions);
    onDraft = (textSoFar) => {
      const shown = filter(textSoFar);
      if (shown) onDelta(shown);
    };
  }
  let completion: Awaited<ReturnType<ChatModel["complete"]>>;
  try {
    completion = await deps.model.complete(messages, { onDelta: onDraft });
  } catch (error) {
    return { kind: "failed", error };
  }
  const check = checkCitations(completion.text, passages, { instructions });
  if (!check.usable) {
    const reason = check.replaceReason ?? "unsupported";
    deps.logger?.info(
      { reason, dropped: check.dropped, used: check.used, removed: check.removed },
      "llm answer unusable",
    );
    return { kind: "unusable", reason, usage: completion.usage, removed: check.removed };
  }
  if (check.removed.length > 0) {
    deps.logger?.info({ removed: check.removed, dropped: check.dropped }, "llm answer trimmed");
  }
  const { text, order } = renumberCitations(check.kept);
  const citations = order.map((original, i) => toCitation(i + 1, passages[original - 1]!));
  return { kind: "answer", answer: text, citations, usage: completion.usage, removed: check.removed };
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
