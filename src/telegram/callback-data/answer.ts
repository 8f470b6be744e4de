import { type FeedbackReason, isFeedbackReason } from "./feedback-reasons.js";

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
