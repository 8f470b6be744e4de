import type { InlineKeyboardButton } from "telegraf/types";
import type { AskResult } from "../../answer/types.js";
import { feedbackCallbackData, feedbackReasonData, sourceCallbackData } from "../callback-data/answer.js";
import { FEEDBACK_REASONS, type FeedbackReason } from "../callback-data/feedback-reasons.js";
import { FORMAT_LABELS } from "./labels.js";
import { citationTitle, orderedCitations } from "./render-answer.js";
import { truncate } from "./text-utils.js";

/** One button per reason, two a row, for the question "why 👎?". */
export function feedbackReasonRows(
  questionLogId: number,
  labels: Record<FeedbackReason, string>,
): InlineKeyboardButton[][] {
  const buttons = FEEDBACK_REASONS.map((reason) => ({
    text: labels[reason],
    callback_data: feedbackReasonData(questionLogId, reason),
  }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

export interface SourceButtonsOptions {
  /** Adds the 👍 / 👎 row for this logged question. */
  questionLogId?: string | number;
  /** Longest title in a button label, in characters. Default 32. */
  maxLabelTitle?: number;
}

/**
 * The inline keyboard under an answer: one row per citation, labelled "[n] short title…",
 * opening that passage; then, with a `questionLogId`, a 👍 / 👎 feedback row. A declined
 * answer gets only the feedback row.
 */
export function sourceButtons(
  result: AskResult,
  options: SourceButtonsOptions = {},
): InlineKeyboardButton[][] {
  const maxTitle = options.maxLabelTitle ?? 32;
  const rows: InlineKeyboardButton[][] = [];
  if (!result.declined) {
    for (const c of orderedCitations(result.citations)) {
      rows.push([
        {
          text: `[${c.n}] ${truncate(citationTitle(c), maxTitle)}`,
          callback_data: sourceCallbackData(c.chunkId, 0),
        },
      ]);
    }
  }
  if (options.questionLogId !== undefined) rows.push(feedbackRow(options.questionLogId));
  return rows;
}

/** The 👍 / 👎 row. */
export function feedbackRow(questionLogId: string | number): InlineKeyboardButton[] {
  return [
    { text: FORMAT_LABELS.helpful, callback_data: feedbackCallbackData(questionLogId, "up") },
    { text: FORMAT_LABELS.notHelpful, callback_data: feedbackCallbackData(questionLogId, "down") },
  ];
}

/** "◀ Trang trước" / "Trang sau ▶" for a paged passage; empty when there is one page. */
export function passageNavRow(chunkId: string, page: number, pages: number): InlineKeyboardButton[] {
  const row: InlineKeyboardButton[] = [];
  if (page > 0)
    row.push({ text: FORMAT_LABELS.previousPage, callback_data: sourceCallbackData(chunkId, page - 1) });
  if (page < pages - 1)
    row.push({ text: FORMAT_LABELS.nextPage, callback_data: sourceCallbackData(chunkId, page + 1) });
  return row;
}
