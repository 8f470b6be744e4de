import type Database from "better-sqlite3";
import type { SentMessage } from "./bot-state.js";

/**
 * A message asking an admin for an official answer's text: a reply to it is the text.
 * It names the question (and the logged question it came from, for approving the bot's
 * own answer), or the official answer being edited.
 */
export interface OfficialDraft {
  adminId: number;
  question: string;
  questionId: number | null;
  officialId: number | null;
}

export interface OfficialDrafts {
  remember(chatId: number, message: SentMessage, draft: OfficialDraft): void;
  find(chatId: number, message: SentMessage): OfficialDraft | null;
}

export function createOfficialDrafts(db: Database.Database, now: () => number): OfficialDrafts {
  const put = db.prepare(
    `INSERT OR REPLACE INTO bot_official_drafts
       (chat_id, message_id, message_date, admin_id, question, question_id, official_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare(
    `SELECT admin_id, question, question_id, official_id FROM bot_official_drafts
     WHERE chat_id = ? AND message_id = ? AND message_date = ?`,
  );
  return {
    remember(chatId, message, draft) {
      put.run(
        chatId,
        message.message_id,
        message.date,
        draft.adminId,
        draft.question,
        draft.questionId,
        draft.officialId,
        now(),
      );
    },
    find(chatId, message) {
      const row = get.get(chatId, message.message_id, message.date) as
        | { admin_id: number; question: string; question_id: number | null; official_id: number | null }
        | undefined;
      return row
        ? {
            adminId: row.admin_id,
            question: row.question,
            questionId: row.question_id,
            officialId: row.official_id,
          }
        : null;
    },
  };
}
