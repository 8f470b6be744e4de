import type Database from "better-sqlite3";
import type { FeedbackReason } from "../../telegram/callback-data/index.js";
import type { SentMessage } from "./bot-state.js";

/** A message asking one user why they voted 👎 on one answer. */
export interface FeedbackPrompt {
  questionId: number;
  userId: number;
}

/**
 * The reason and comment of a 👎, kept on the vote itself (`bot_feedback`), so changing
 * the vote to 👍 clears them, and the messages that asked for them (a reply to one is
 * the comment). Tables: the "bot" migrations.
 */
export interface FeedbackReasons {
  /** The user's current vote on an answer: 1, -1, or null when none. */
  voteOf(questionId: number, userId: number): 1 | -1 | null;
  /** Sets the reason of the user's 👎; false when their vote is not a 👎 (changed since). */
  setReason(questionId: number, userId: number, reason: FeedbackReason): boolean;
  /** Sets the comment of the user's 👎; false when their vote is not a 👎. */
  setComment(questionId: number, userId: number, comment: string): boolean;
  rememberPrompt(chatId: number, message: SentMessage, prompt: FeedbackPrompt): void;
  findPrompt(chatId: number, message: SentMessage): FeedbackPrompt | null;
}

/** Longest comment kept, in characters (a Telegram message is at most 4096). */
export const MAX_FEEDBACK_COMMENT = 1000;

export function createFeedbackReasons(db: Database.Database): FeedbackReasons {
  const stmt = {
    vote: db.prepare("SELECT value FROM bot_feedback WHERE question_id = ? AND user_id = ?"),
    reason: db.prepare(
      "UPDATE bot_feedback SET reason = ? WHERE question_id = ? AND user_id = ? AND value = -1",
    ),
    comment: db.prepare(
      "UPDATE bot_feedback SET comment = ? WHERE question_id = ? AND user_id = ? AND value = -1",
    ),
    promptPut: db.prepare(
      `INSERT OR REPLACE INTO bot_feedback_prompts (chat_id, message_id, message_date, question_id, user_id)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    promptGet: db.prepare(
      "SELECT question_id, user_id FROM bot_feedback_prompts WHERE chat_id = ? AND message_id = ? AND message_date = ?",
    ),
  };
  return {
    voteOf(questionId, userId) {
      const row = stmt.vote.get(questionId, userId) as { value: number } | undefined;
      return row ? (row.value === 1 ? 1 : -1) : null;
    },
    setReason(questionId, userId, reason) {
      return stmt.reason.run(reason, questionId, userId).changes > 0;
    },
    setComment(questionId, userId, comment) {
      return stmt.comment.run(comment.slice(0, MAX_FEEDBACK_COMMENT), questionId, userId).changes > 0;
    },
    rememberPrompt(chatId, message, prompt) {
      stmt.promptPut.run(chatId, message.message_id, message.date, prompt.questionId, prompt.userId);
    },
    findPrompt(chatId, message) {
      const row = stmt.promptGet.get(chatId, message.message_id, message.date) as
        | { question_id: number; user_id: number }
        | undefined;
      return row ? { questionId: row.question_id, userId: row.user_id } : null;
    },
  };
}
