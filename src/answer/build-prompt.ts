import { sha256 } from "../hash.js";
import type { ChatMessage } from "./chat-model.js";
import { fillTemplate, NOT_FOUND_ANSWER, type Prompts } from "./prompts.js";
import type { Passage } from "./types.js";

/**
 * Prompt building: pure functions from a question and passages to chat messages.
 *
 * Passages are untrusted data (any uploaded document may carry "ignore your
 * instructions..."). Each is fenced between `<<<PASSAGE n key>>>` and `<<<END n key>>>`,
 * where `key` is derived from the content of the whole prompt, and every run of three
 * or more angle brackets inside data is rewritten (`<<<` → `‹‹‹`), so no text inside a
 * passage can open or close a fence. The system message carries the rules.
 */

/** A previous exchange in the same chat, used to understand a follow-up question. */
export interface PreviousExchange {
  question: string;
  answer: string;
}

export interface BuildAnswerOptions {
  previous?: PreviousExchange;
}

/** Longest previous answer quoted in a prompt, in characters. */
const MAX_PREVIOUS_ANSWER_CHARS = 1200;

/** Messages for answering `question` from numbered passages ([1] is `passages[0]`). */
export function buildAnswerMessages(
  question: string,
  passages: Passage[],
  prompts: Prompts,
  options: BuildAnswerOptions = {},
): ChatMessage[] {
  const key = fenceKey([question, ...passages.map((p) => `${p.chunk.chunkId}\n${p.chunk.text}`)]);
  const history = options.previous ? renderHistory(options.previous, key) : "";
  return [
    { role: "system", content: fillTemplate(prompts.answerSystem, { not_found: NOT_FOUND_ANSWER }) },
    {
      role: "user",
      content: fillTemplate(prompts.answerUser, {
        history,
        passages: renderPassages(passages, key),
        question: neutralizeFences(question.trim()),
        not_found: NOT_FOUND_ANSWER,
      }),
    },
  ];
}

/** Messages asking the model to turn a follow-up into a standalone question. */
export function buildFollowupRewriteMessages(
  question: string,
  previous: PreviousExchange,
  prompts: Prompts,
): ChatMessage[] {
  return [
    {
      role: "user",
      content: fillTemplate(prompts.followupRewrite, {
        previous_question: oneLine(neutralizeFences(previous.question)),
        previous_answer: oneLine(neutralizeFences(stripCitationMarkers(truncate(previous.answer)))),
        question: oneLine(neutralizeFences(question)),
      }),
    },
  ];
}

/** Messages asking for a one- or two-sentence summary of a document from its passages. */
export function buildDigestSummaryMessages(passages: Passage[], prompts: Prompts): ChatMessage[] {
  const key = fenceKey(passages.map((p) => `${p.chunk.chunkId}\n${p.chunk.text}`));
  return [
    {
      role: "user",
      content: fillTemplate(prompts.digestSummary, {
        passages: renderPassages(passages, key),
        not_found: NOT_FOUND_ANSWER,
      }),
    },
  ];
}

/** Passages as numbered fenced blocks, separated by blank lines. */
export function renderPassages(passages: Passage[], key: string): string {
  return passages.map((p, i) => renderPassage(p, i + 1, key)).join("\n\n");
}

function renderPassage(passage: Passage, n: number, key: string): string {
  const { doc, chunk } = passage;
  const lines = [
    `<<<PASSAGE ${n} ${key}>>>`,
    `Tài liệu: ${oneLine(neutralizeFences(doc.title || doc.source))}`,
  ];
  if (doc.number) lines.push(`Số hiệu: ${oneLine(neutralizeFences(doc.number))}`);
  if (doc.date) lines.push(`Ngày ban hành: ${formatViDate(doc.date)}`);
  const section = chunk.headingPath.map((h) => oneLine(h)).join(" › ");
  if (section) lines.push(`Mục: ${neutralizeFences(section)}`);
  lines.push("Nội dung:", neutralizeFences(chunk.text.trim()), `<<<END ${n} ${key}>>>`);
  return lines.join("\n");
}

function renderHistory(previous: PreviousExchange, key: string): string {
  return [
    "Hội thoại trước (chỉ để hiểu câu hỏi hiện tại, không phải nguồn trích dẫn):",
    `<<<HISTORY ${key}>>>`,
    `Câu hỏi trước: ${oneLine(neutralizeFences(previous.question))}`,
    `Trả lời trước: ${oneLine(neutralizeFences(stripCitationMarkers(truncate(previous.answer))))}`,
    `<<<END HISTORY ${key}>>>`,
    "",
    "",
  ].join("\n");
}

/**
 * A short key derived from the prompt's content: stable for the same input (tests and
 * caches see the same prompt), unknowable to whoever wrote a passage.
 */
export function fenceKey(parts: string[]): string {
  return sha256(parts.map((part) => `${part}\u0000`).join("")).slice(0, 8);
}

/** Rewrites runs of 3+ angle brackets so data can never form a fence line. */
export function neutralizeFences(text: string): string {
  return text.replace(/<{3,}/g, (m) => "‹".repeat(m.length)).replace(/>{3,}/g, (m) => "›".repeat(m.length));
}

/** "2017-10-25" → "25/10/2017"; anything else unchanged. */
export function formatViDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Removes [n] / [1, 2] markers (numbers of an earlier prompt mean nothing in this one). */
export function stripCitationMarkers(text: string): string {
  return text
    .replace(/\s*\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]/g, "")
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function truncate(text: string): string {
  return text.length <= MAX_PREVIOUS_ANSWER_CHARS ? text : `${text.slice(0, MAX_PREVIOUS_ANSWER_CHARS)}…`;
}
