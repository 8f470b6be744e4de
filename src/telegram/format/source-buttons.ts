import type { InlineKeyboardButton } from "telegraf/types";
import type { AskResult } from "../../answer/types.js";
import { FEEDBACK_REASONS, type FeedbackReason, isFeedbackReason } from "./feedback-reasons.js";
import { FORMAT_LABELS } from "./labels.js";
import { citationTitle, orderedCitations } from "./render-answer.js";
import { truncate } from "./text-utils.js";

/**
 * Callback data (Telegram allows 1–64 bytes):
 *
 * - `src:<ref>:<page>` opens page `<page>` (zero-based) of a cited passage. `<ref>` is the
 *   chunk id in compact form: a 32-hex-digit lowercase id is written as the base64url of
 *   its 16 bytes (22 characters); any other id of at most 40 characters from
 *   `[A-Za-z0-9_.-]` is written as `~<id>`. At most 4 + 41 + 1 + 4 = 50 bytes.
 * - `fb:<questionLogId>:up|down` records feedback on an answer; the id is at most 48
 *   characters from `[A-Za-z0-9_-]` (a number is fine).
 * - `fr:<questionLogId>:<reason>` gives the reason of a 👎 (`FEEDBACK_REASONS`), from the
 *   buttons the 👎 brings.
 */
const HEX_ID = /^[0-9a-f]{32}$/;
const RAW_ID = /^[A-Za-z0-9_.-]{1,40}$/;
const SOURCE_DATA = /^src:([A-Za-z0-9_-]{22}|~[A-Za-z0-9_.-]{1,40}):(\d{1,4})$/;
const FEEDBACK_ID = /^[A-Za-z0-9_-]{1,48}$/;
const FEEDBACK_DATA = /^fb:([A-Za-z0-9_-]{1,48}):(up|down)$/;
const MAX_PAGE = 9999;

/** Callback data that opens page `page` of the passage `chunkId`. */
export function sourceCallbackData(chunkId: string, page = 0): string {
  if (!Number.isInteger(page) || page < 0 || page > MAX_PAGE)
    throw new RangeError(`page out of range: ${page}`);
  let ref: string;
  if (HEX_ID.test(chunkId)) ref = Buffer.from(chunkId, "hex").toString("base64url");
  else if (RAW_ID.test(chunkId)) ref = `~${chunkId}`;
  else throw new RangeError(`chunk id cannot be put in callback data: ${JSON.stringify(chunkId)}`);
  return `src:${ref}:${page}`;
}

/** Reads `src:` callback data; null when it is not well-formed (stale or forged data). */
export function parseSourceCallback(data: string): { chunkId: string; page: number } | null {
  const m = SOURCE_DATA.exec(data);
  if (!m) return null;
  const ref = m[1] ?? "";
  const chunkId = ref.startsWith("~") ? ref.slice(1) : Buffer.from(ref, "base64url").toString("hex");
  if (!ref.startsWith("~") && chunkId.length !== 32) return null;
  return { chunkId, page: Number(m[2]) };
}

/** Callback data for a 👍 / 👎 on the answer logged as `questionLogId`. */
export function feedbackCallbackData(questionLogId: string | number, vote: "up" | "down"): string {
  const id = String(questionLogId);
  if (!FEEDBACK_ID.test(id)) throw new RangeError(`question log id cannot be put in callback data: ${id}`);
  return `fb:${id}:${vote}`;
}

/** Reads `fb:` callback data; null when it is not well-formed. */
export function parseFeedbackCallback(data: string): { questionLogId: string; vote: "up" | "down" } | null {
  const m = FEEDBACK_DATA.exec(data);
  if (!m) return null;
  return { questionLogId: m[1] ?? "", vote: m[2] === "up" ? "up" : "down" };
}

const REASON_DATA = /^fr:(\d{1,15}):([a-z_]{1,20})$/;

/** Callback data of a reason button under the question "why 👎?". */
export function feedbackReasonData(questionLogId: number, reason: FeedbackReason): string {
  return `fr:${questionLogId}:${reason}`;
}

/** Reads `fr:` callback data; null when it is not well-formed or names no known reason. */
export function parseFeedbackReason(data: string): { questionLogId: number; reason: FeedbackReason } | null {
  const m = REASON_DATA.exec(data);
  if (!m || !isFeedbackReason(m[2] ?? "")) return null;
  return { questionLogId: Number(m[1]), reason: m[2] as FeedbackReason };
}

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
