import type Database from "better-sqlite3";
import type { FeedbackReason } from "../../telegram/callback-data/index.js";
import { foldedWords } from "../../text/index.js";

/** An answer cadres voted 👎 on and no admin has reviewed since the last such vote. */
export interface DownVotedItem {
  questionId: number;
  question: string;
  answer: string;
  declined: boolean;
  sources: Array<{ n: number; chunkId: string; docId: string; title: string }>;
  downs: number;
  reasons: Array<{ reason: FeedbackReason | null; count: number }>;
  comments: string[];
  /** The last 👎, ms. */
  at: number;
}

/** One question (folded, punctuation and case aside) the bot declined, with how often. */
export interface DeclinedItem {
  /** The latest asking of it. */
  questionId: number;
  question: string;
  count: number;
  at: number;
  key: string;
}

/**
 * The review queue's records: which answers were voted down and which questions were
 * declined, minus what an admin marked reviewed after the last vote or asking. An item
 * is named `q:<questionId>` (a voted-down answer), `d:<folded question>` (a declined
 * question) or `o:<officialId>` (an official answer whose documents changed).
 */
export interface ReviewQueueState {
  downVoted(): DownVotedItem[];
  /** The `top` questions declined most often since `since` (ms), not reviewed since. */
  mostDeclined(since: number, top: number): DeclinedItem[];
  markReviewed(item: string, byUserId: number, at: number): void;
}

/** How a declined question is grouped: folded, lower case, words only. */
export function declinedKey(question: string): string {
  return foldedWords(question);
}

/** The name a review is stored under (see `ReviewQueueState`). */
export function reviewItemName(kind: "q" | "d" | "o", id: string | number): string {
  return `${kind}:${id}`;
}

export function createReviewQueueState(db: Database.Database): ReviewQueueState {
  const stmt = {
    down: db.prepare(
      `SELECT q.id AS id, q.question AS question, q.answer AS answer, q.declined AS declined,
              COUNT(*) AS downs, MAX(f.created_at) AS at
       FROM bot_feedback f JOIN bot_questions q ON q.id = f.question_id
       LEFT JOIN bot_reviews r ON r.item = 'q:' || q.id
       WHERE f.value = -1
       GROUP BY q.id
       HAVING MAX(r.reviewed_at) IS NULL OR MAX(r.reviewed_at) < MAX(f.created_at)
       ORDER BY at DESC, q.id DESC`,
    ),
    reasons: db.prepare(
      `SELECT reason, COUNT(*) AS count FROM bot_feedback WHERE question_id = ? AND value = -1
       GROUP BY reason ORDER BY count DESC, reason`,
    ),
    comments: db.prepare(
      `SELECT comment FROM bot_feedback WHERE question_id = ? AND value = -1 AND comment IS NOT NULL
       ORDER BY created_at DESC`,
    ),
    sources: db.prepare(
      "SELECT n, chunk_id, doc_id, title FROM bot_question_sources WHERE question_id = ? ORDER BY n",
    ),
    declined: db.prepare(
      "SELECT id, question, created_at FROM bot_questions WHERE declined = 1 AND created_at >= ? ORDER BY id",
    ),
    reviewedAt: db.prepare("SELECT reviewed_at FROM bot_reviews WHERE item = ?"),
    review: db.prepare(
      `INSERT INTO bot_reviews (item, reviewed_by, reviewed_at) VALUES (?, ?, ?)
       ON CONFLICT (item) DO UPDATE SET reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at`,
    ),
  };
  return {
    downVoted() {
      const rows = stmt.down.all() as Array<{
        id: number;
        question: string;
        answer: string;
        declined: number;
        downs: number;
        at: number;
      }>;
      return rows.map((r) => ({
        questionId: r.id,
        question: r.question,
        answer: r.answer,
        declined: r.declined === 1,
        sources: (
          stmt.sources.all(r.id) as Array<{ n: number; chunk_id: string; doc_id: string; title: string }>
        ).map((s) => ({ n: s.n, chunkId: s.chunk_id, docId: s.doc_id, title: s.title })),
        downs: Number(r.downs),
        reasons: (stmt.reasons.all(r.id) as Array<{ reason: string | null; count: number }>).map((x) => ({
          reason: x.reason as FeedbackReason | null,
          count: Number(x.count),
        })),
        comments: (stmt.comments.all(r.id) as Array<{ comment: string }>).map((c) => c.comment),
        at: r.at,
      }));
    },
    mostDeclined(since, top) {
      const groups = new Map<string, DeclinedItem>();
      for (const row of stmt.declined.all(since) as Array<{
        id: number;
        question: string;
        created_at: number;
      }>) {
        const key = declinedKey(row.question);
        if (!key) continue;
        const group = groups.get(key);
        if (group) {
          group.count++;
          group.questionId = row.id;
          group.question = row.question;
          group.at = row.created_at;
        } else {
          groups.set(key, { questionId: row.id, question: row.question, count: 1, at: row.created_at, key });
        }
      }
      const open = [...groups.values()].filter((g) => {
        const reviewed = stmt.reviewedAt.get(reviewItemName("d", g.key)) as
          | { reviewed_at: number }
          | undefined;
        return !reviewed || reviewed.reviewed_at < g.at;
      });
      return open.sort((a, b) => b.count - a.count || b.at - a.at).slice(0, top);
    },
    markReviewed(item, byUserId, at) {
      stmt.review.run(item, byUserId, at);
    },
  };
}
