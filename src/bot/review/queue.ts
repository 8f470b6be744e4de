import type { InlineKeyboardButton } from "telegraf/types";
import type { OfficialAnswer, OfficialAnswers } from "../../official/official-answers.js";
import type { DocumentStore } from "../../store/types.js";
import { officialData, reviewData } from "../../telegram/callback-data/index.js";
import { escapeHtml, truncate } from "../../telegram/format/index.js";
import { reviewMessages as m } from "../messages.js";
import type { BotState } from "../state/bot-state.js";
import type { DeclinedItem, DownVotedItem } from "../state/review-queue.js";
import { formatLocalDateTime } from "../upload/cards.js";

/** A cited document that changed after an official answer cited it. */
export interface SourceProblem {
  title: string;
  /** "removed", or the version the document is at now. */
  status: "removed" | { replacedBy: number };
}

/** One thing for an admin to look at in /danhgia. */
export type QueueItem =
  | { kind: "down"; at: number; down: DownVotedItem }
  | { kind: "declined"; at: number; declined: DeclinedItem }
  | { kind: "official"; at: number; official: OfficialAnswer; problems: SourceProblem[] };

/** Declined questions are read over this window, and this many of the most frequent are listed. */
export const DECLINED_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
export const DECLINED_TOP = 10;

/**
 * The review queue, newest first: answers voted 👎 since last reviewed, the questions
 * declined most often in 30 days, and official answers whose cited documents were
 * replaced or deleted since they were cited (or since last checked).
 */
export async function buildReviewQueue(deps: {
  state: BotState;
  official: OfficialAnswers | null;
  store: DocumentStore;
  now: number;
}): Promise<QueueItem[]> {
  const items: QueueItem[] = [
    ...deps.state.review.downVoted().map((down) => ({ kind: "down" as const, at: down.at, down })),
    ...deps.state.review
      .mostDeclined(deps.now - DECLINED_WINDOW_MS, DECLINED_TOP)
      .map((declined) => ({ kind: "declined" as const, at: declined.at, declined })),
  ];
  for (const official of deps.official?.list() ?? []) {
    const problems = await sourceProblems(deps.store, official);
    if (problems.length > 0) items.push({ kind: "official", at: official.updatedAt, official, problems });
  }
  return items.sort((a, b) => b.at - a.at);
}

/** Which of an official answer's documents were deleted or replaced since it cited them. */
export async function sourceProblems(
  store: DocumentStore,
  official: OfficialAnswer,
): Promise<SourceProblem[]> {
  const problems: SourceProblem[] = [];
  for (const source of official.sources) {
    const doc = await store.getDocument(source.docId);
    if (!doc) problems.push({ title: source.title, status: "removed" });
    else if (doc.version !== source.version)
      problems.push({ title: doc.title, status: { replacedBy: doc.version } });
  }
  return problems;
}

const ANSWER_CHARS = 700;

/** One item of the queue as an HTML message and its buttons (with ◀ ▶ between items). */
export function renderQueueItem(
  items: readonly QueueItem[],
  page: number,
  timeZone: string,
): { text: string; keyboard: InlineKeyboardButton[][] } {
  if (items.length === 0) return { text: m.queueEmpty, keyboard: [] };
  const index = Math.min(Math.max(0, page), items.length - 1);
  const item = items[index] as QueueItem;
  const when = formatLocalDateTime(item.at, timeZone);
  const keyboard: InlineKeyboardButton[][] = [];
  let body: string;
  if (item.kind === "down") {
    const d = item.down;
    body = m.downItem({
      when,
      downs: d.downs,
      question: escapeHtml(d.question),
      answer: escapeHtml(truncate(d.answer, ANSWER_CHARS)),
      sources: d.sources.map((s) => `[${s.n}] ${escapeHtml(s.title)}`),
      reasons: d.reasons.map((r) => `${r.reason ? m.reasons[r.reason] : m.noReason} (${r.count})`),
      comments: d.comments.map((c) => escapeHtml(truncate(c, 300))),
    });
    keyboard.push([
      {
        text: m.buttonReviewed,
        callback_data: reviewData({ action: "reviewed", kind: "q", id: d.questionId, page: index }),
      },
      { text: m.buttonSources, callback_data: reviewData({ action: "sources", questionId: d.questionId }) },
    ]);
    keyboard.push([
      {
        text: m.buttonMakeOfficial,
        callback_data: reviewData({ action: "official", questionId: d.questionId }),
      },
    ]);
  } else if (item.kind === "declined") {
    const d = item.declined;
    body = m.declinedItem({ when, count: d.count, question: escapeHtml(d.question) });
    keyboard.push([
      {
        text: m.buttonReviewed,
        callback_data: reviewData({ action: "reviewed", kind: "d", id: d.questionId, page: index }),
      },
      {
        text: m.buttonMakeOfficial,
        callback_data: reviewData({ action: "official", questionId: d.questionId }),
      },
    ]);
  } else {
    const o = item.official;
    body = m.officialItem({
      question: escapeHtml(o.question),
      problems: item.problems.map((p) =>
        p.status === "removed"
          ? m.docRemoved(escapeHtml(p.title))
          : m.docReplaced(escapeHtml(p.title), p.status.replacedBy),
      ),
    });
    keyboard.push([
      {
        text: m.buttonReviewed,
        callback_data: reviewData({ action: "reviewed", kind: "o", id: o.id, page: index }),
      },
      { text: m.buttonEdit, callback_data: officialData({ action: "edit", id: o.id }) },
      { text: m.buttonRemove, callback_data: officialData({ action: "remove", id: o.id }) },
    ]);
  }
  const nav: InlineKeyboardButton[] = [];
  if (index > 0)
    nav.push({ text: m.previous, callback_data: reviewData({ action: "page", page: index - 1 }) });
  if (index < items.length - 1)
    nav.push({ text: m.next, callback_data: reviewData({ action: "page", page: index + 1 }) });
  if (nav.length > 0) keyboard.push(nav);
  return { text: `${m.queueHeading(index + 1, items.length)}\n\n${body}`, keyboard };
}
