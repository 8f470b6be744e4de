import type Database from "better-sqlite3";
import type { Citation } from "../../answer/types.js";
import type { Clock } from "../../clock.js";
import { migrate } from "../../store/sqlite.js";
import { createFeedbackReasons, type FeedbackReasons } from "./feedback-reasons.js";
import { BOT_MIGRATIONS } from "./migrations.js";
import { createOfficialDrafts, type OfficialDrafts } from "./official-drafts.js";
import { createReviewQueueState, type ReviewQueueState } from "./review-queue.js";
import { type UsageStats, usageStats } from "./usage-stats.js";

export type SubjectKind = "user" | "chat";
export type PermissionStatus = "allowed" | "blocked";

/** Users and chats an admin allowed or blocked at run time. */
export interface RuntimePermissions {
  allowedUsers: ReadonlySet<number>;
  allowedChats: ReadonlySet<number>;
  blockedUsers: ReadonlySet<number>;
  blockedChats: ReadonlySet<number>;
}

/** What the question log keeps about one answered question. */
export interface QuestionEntry {
  chatId: number;
  userId: number | undefined;
  updateId: number | undefined;
  question: string;
  answer: string;
  mode: string;
  declined: boolean;
  latencyMs: number;
  /** The question this one follows up on (reply to an answer). */
  parentId?: number;
  citations: Array<Pick<Citation, "n" | "chunkId" | "docId" | "title">>;
  /** LLM tokens and estimated cost of this answer, when a model was used. */
  usage?: { promptTokens: number; completionTokens: number; costUsd: number };
}

export interface QuestionRecord {
  id: number;
  chatId: number;
  userId: number | null;
  question: string;
  answer: string;
  declined: boolean;
  createdAt: number;
  /** The question this one followed up on, if it was a reply to an answer. */
  parentId: number | null;
  sources: Array<{ n: number; chunkId: string; docId: string; title: string }>;
}

/** A bot message as Telegram identifies it; `date` (unix seconds) guards against reused ids. */
export interface SentMessage {
  message_id: number;
  date: number;
}

/** A source of an answer shown in a message of its own. */
export interface PassageRef {
  questionId: number;
  n: number;
  chunkId: string;
}

export interface StatsSummary {
  /** Oldest first; `day` is YYYY-MM-DD in the configured time zone. */
  days: Array<{ day: string; questions: number }>;
  total: number;
  declined: number;
  topDocuments: Array<{ docId: string; title: string; count: number }>;
  up: number;
  down: number;
  /** LLM usage over the window. */
  llm: { promptTokens: number; completionTokens: number; costUsd: number };
}

/**
 * The bot's state in the store's SQLite database: chats and users seen, run-time
 * permissions, the question log with cited sources, feedback, which bot messages carry
 * which answer (or show which source), and recently handled updates. Synchronous underneath (better-sqlite3),
 * so each method is atomic with respect to concurrent updates.
 */
export interface BotState {
  /**
   * Records a handled update; false when this very update (same id, same fingerprint)
   * was handled already. A different update reusing an id replaces the old record.
   */
  markUpdateSeen(updateId: number, fingerprint: string): boolean;
  touchChat(chat: { id: number; type: string; title?: string }): void;
  touchUser(user: { id: number; username?: string; first_name?: string; last_name?: string }): void;
  permissions(): RuntimePermissions;
  setPermission(kind: SubjectKind, id: number, status: PermissionStatus, byUserId?: number): void;
  logQuestion(entry: QuestionEntry): number;
  /** Sets the final latency (update received → answer sent) of a logged question. */
  setLatency(questionId: number, latencyMs: number): void;
  rememberAnswerMessages(chatId: number, messages: readonly SentMessage[], questionId: number): void;
  /** The answer a bot message belongs to, or null when it is not an answer. */
  findAnswerByMessage(chatId: number, message: SentMessage): QuestionRecord | null;
  getQuestion(id: number): QuestionRecord | null;
  /** Remembers a message showing source `n` of an answer (for its page buttons). */
  rememberPassageMessage(chatId: number, message: SentMessage, passage: PassageRef): void;
  findPassageByMessage(chatId: number, message: SentMessage): PassageRef | null;
  recordFeedback(questionId: number, userId: number, value: 1 | -1): void;
  feedbackCounts(questionId: number): { up: number; down: number };
  /** Summary of the last `days` days (including today) in `timeZone`. */
  stats(options: { timeZone: string; days?: number; top?: number }): StatsSummary;
  /** Usage of the last `days` days (default 30) for /thongke's chart and caption. */
  usage(options: { timeZone: string; days?: number; top?: number }): UsageStats;
  /** Reasons and comments of 👎 votes, and the messages asking for them. */
  feedback: FeedbackReasons;
  /** What /danhgia lists, and what admins marked reviewed. */
  review: ReviewQueueState;
  /** Messages asking an admin for an official answer's text. */
  drafts: OfficialDrafts;
}

/** Handled updates are remembered this long (Telegram keeps an undelivered update 24 hours). */
export const SEEN_UPDATES_TTL_MS = 48 * 60 * 60 * 1000;
const PRUNE_EVERY = 1000;

/** Creates the bot tables when missing and returns the state API over them. */
export function createBotState(db: Database.Database, clock: Clock): BotState {
  migrate(db, "bot", BOT_MIGRATIONS);

  const stmt = {
    seenGet: db.prepare("SELECT fingerprint FROM bot_seen_updates WHERE update_id = ?"),
    seenPut: db.prepare(
      "INSERT OR REPLACE INTO bot_seen_updates (update_id, fingerprint, seen_at) VALUES (?, ?, ?)",
    ),
    seenPrune: db.prepare("DELETE FROM bot_seen_updates WHERE seen_at < ?"),
    chatUpsert: db.prepare(
      `INSERT INTO bot_chats (id, type, title, first_seen_at, last_seen_at) VALUES (@id, @type, @title, @now, @now)
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = COALESCE(excluded.title, bot_chats.title), last_seen_at = excluded.last_seen_at`,
    ),
    userUpsert: db.prepare(
      `INSERT INTO bot_users (id, username, first_name, last_name, first_seen_at, last_seen_at)
       VALUES (@id, @username, @first_name, @last_name, @now, @now)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, first_name = excluded.first_name,
         last_name = excluded.last_name, last_seen_at = excluded.last_seen_at`,
    ),
    permissionsAll: db.prepare("SELECT kind, subject_id, status FROM bot_permissions"),
    permissionUpsert: db.prepare(
      `INSERT INTO bot_permissions (kind, subject_id, status, by_user_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, subject_id) DO UPDATE SET status = excluded.status, by_user_id = excluded.by_user_id,
         updated_at = excluded.updated_at`,
    ),
    questionInsert: db.prepare(
      `INSERT INTO bot_questions (chat_id, user_id, update_id, question, answer, mode, declined, latency_ms, parent_id, created_at)
       VALUES (@chatId, @userId, @updateId, @question, @answer, @mode, @declined, @latencyMs, @parentId, @createdAt)`,
    ),
    latencyUpdate: db.prepare("UPDATE bot_questions SET latency_ms = ? WHERE id = ?"),
    usageUpdate: db.prepare(
      "UPDATE bot_questions SET prompt_tokens = ?, completion_tokens = ?, cost_usd = ? WHERE id = ?",
    ),
    usageSince: db.prepare(
      `SELECT COALESCE(SUM(prompt_tokens), 0) AS p, COALESCE(SUM(completion_tokens), 0) AS c,
              COALESCE(SUM(cost_usd), 0) AS cost FROM bot_questions WHERE created_at >= ?`,
    ),
    sourceInsert: db.prepare(
      "INSERT INTO bot_question_sources (question_id, n, chunk_id, doc_id, title) VALUES (?, ?, ?, ?, ?)",
    ),
    answerMessageInsert: db.prepare(
      "INSERT OR REPLACE INTO bot_answer_messages (chat_id, message_id, message_date, question_id, part) VALUES (?, ?, ?, ?, ?)",
    ),
    answerByMessage: db.prepare(
      "SELECT question_id FROM bot_answer_messages WHERE chat_id = ? AND message_id = ? AND message_date = ?",
    ),
    questionById: db.prepare(
      "SELECT id, chat_id, user_id, question, answer, declined, created_at, parent_id FROM bot_questions WHERE id = ?",
    ),
    sourcesOf: db.prepare(
      "SELECT n, chunk_id, doc_id, title FROM bot_question_sources WHERE question_id = ? ORDER BY n",
    ),
    passageInsert: db.prepare(
      "INSERT OR REPLACE INTO bot_passage_messages (chat_id, message_id, message_date, question_id, n, chunk_id) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    passageByMessage: db.prepare(
      "SELECT question_id, n, chunk_id FROM bot_passage_messages WHERE chat_id = ? AND message_id = ? AND message_date = ?",
    ),
    feedbackUpsert: db.prepare(
      `INSERT INTO bot_feedback (question_id, user_id, value, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (question_id, user_id) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         reason = CASE WHEN excluded.value = bot_feedback.value THEN bot_feedback.reason END,
         comment = CASE WHEN excluded.value = bot_feedback.value THEN bot_feedback.comment END`,
    ),
    feedbackOf: db.prepare(
      "SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM bot_feedback WHERE question_id = ?",
    ),
    questionsSince: db.prepare("SELECT created_at, declined FROM bot_questions WHERE created_at >= ?"),
    topDocsSince: db.prepare(
      `SELECT s.doc_id AS doc_id, MAX(s.title) AS title, COUNT(*) AS count
       FROM bot_question_sources s JOIN bot_questions q ON q.id = s.question_id
       WHERE q.created_at >= ? GROUP BY s.doc_id ORDER BY count DESC, s.doc_id LIMIT ?`,
    ),
    feedbackSince: db.prepare(
      "SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM bot_feedback WHERE created_at >= ?",
    ),
  };

  let cachedPermissions: RuntimePermissions | null = null;
  let insertsSincePrune = 0;
  stmt.seenPrune.run(clock.now() - SEEN_UPDATES_TTL_MS);

  const markSeen = db.transaction((updateId: number, fingerprint: string): boolean => {
    const row = stmt.seenGet.get(updateId) as { fingerprint: string } | undefined;
    if (row?.fingerprint === fingerprint) return false;
    stmt.seenPut.run(updateId, fingerprint, clock.now());
    return true;
  });

  const loadPermissions = (): RuntimePermissions => {
    const allowedUsers = new Set<number>();
    const allowedChats = new Set<number>();
    const blockedUsers = new Set<number>();
    const blockedChats = new Set<number>();
    for (const row of stmt.permissionsAll.all() as Array<{
      kind: string;
      subject_id: number;
      status: string;
    }>) {
      const target =
        row.kind === "user"
          ? row.status === "allowed"
            ? allowedUsers
            : blockedUsers
          : row.status === "allowed"
            ? allowedChats
            : blockedChats;
      target.add(Number(row.subject_id));
    }
    return { allowedUsers, allowedChats, blockedUsers, blockedChats };
  };

  const readQuestion = (id: number): QuestionRecord | null => {
    const row = stmt.questionById.get(id) as
      | {
          id: number;
          chat_id: number;
          user_id: number | null;
          question: string;
          answer: string;
          declined: number;
          created_at: number;
          parent_id: number | null;
        }
      | undefined;
    if (!row) return null;
    const sources = (
      stmt.sourcesOf.all(id) as Array<{ n: number; chunk_id: string; doc_id: string; title: string }>
    ).map((s) => ({ n: s.n, chunkId: s.chunk_id, docId: s.doc_id, title: s.title }));
    return {
      id: row.id,
      chatId: row.chat_id,
      userId: row.user_id,
      question: row.question,
      answer: row.answer,
      declined: row.declined === 1,
      createdAt: row.created_at,
      parentId: row.parent_id,
      sources,
    };
  };

  const insertQuestion = db.transaction((entry: QuestionEntry): number => {
    const info = stmt.questionInsert.run({
      chatId: entry.chatId,
      userId: entry.userId ?? null,
      updateId: entry.updateId ?? null,
      question: entry.question,
      answer: entry.answer,
      mode: entry.mode,
      declined: entry.declined ? 1 : 0,
      latencyMs: Math.round(entry.latencyMs),
      parentId: entry.parentId ?? null,
      createdAt: clock.now(),
    });
    const id = Number(info.lastInsertRowid);
    for (const c of entry.citations) stmt.sourceInsert.run(id, c.n, c.chunkId, c.docId, c.title);
    return id;
  });

  const insertAnswerMessages = db.transaction(
    (chatId: number, messages: readonly SentMessage[], questionId: number) => {
      messages.forEach((m, part) => {
        stmt.answerMessageInsert.run(chatId, m.message_id, m.date, questionId, part);
      });
    },
  );

  return {
    feedback: createFeedbackReasons(db),
    review: createReviewQueueState(db),
    drafts: createOfficialDrafts(db, () => clock.now()),
    usage: (options) => usageStats(db, { ...options, now: clock.now() }),
    markUpdateSeen(updateId, fingerprint) {
      const fresh = markSeen(updateId, fingerprint);
      if (fresh && ++insertsSincePrune >= PRUNE_EVERY) {
        insertsSincePrune = 0;
        stmt.seenPrune.run(clock.now() - SEEN_UPDATES_TTL_MS);
      }
      return fresh;
    },
    touchChat(chat) {
      stmt.chatUpsert.run({ id: chat.id, type: chat.type, title: chat.title ?? null, now: clock.now() });
    },
    touchUser(user) {
      stmt.userUpsert.run({
        id: user.id,
        username: user.username ?? null,
        first_name: user.first_name ?? null,
        last_name: user.last_name ?? null,
        now: clock.now(),
      });
    },
    permissions() {
      cachedPermissions ??= loadPermissions();
      return cachedPermissions;
    },
    setPermission(kind, id, status, byUserId) {
      stmt.permissionUpsert.run(kind, id, status, byUserId ?? null, clock.now());
      cachedPermissions = null;
    },
    logQuestion(entry) {
      const id = insertQuestion(entry);
      if (entry.usage) {
        stmt.usageUpdate.run(entry.usage.promptTokens, entry.usage.completionTokens, entry.usage.costUsd, id);
      }
      return id;
    },
    setLatency(questionId, latencyMs) {
      stmt.latencyUpdate.run(Math.round(latencyMs), questionId);
    },
    rememberAnswerMessages(chatId, messages, questionId) {
      insertAnswerMessages(chatId, messages, questionId);
    },
    findAnswerByMessage(chatId, message) {
      const row = stmt.answerByMessage.get(chatId, message.message_id, message.date) as
        | { question_id: number }
        | undefined;
      return row ? readQuestion(row.question_id) : null;
    },
    getQuestion(id) {
      return readQuestion(id);
    },
    rememberPassageMessage(chatId, message, passage) {
      stmt.passageInsert.run(
        chatId,
        message.message_id,
        message.date,
        passage.questionId,
        passage.n,
        passage.chunkId,
      );
    },
    findPassageByMessage(chatId, message) {
      const row = stmt.passageByMessage.get(chatId, message.message_id, message.date) as
        | { question_id: number; n: number; chunk_id: string }
        | undefined;
      return row ? { questionId: row.question_id, n: row.n, chunkId: row.chunk_id } : null;
    },
    recordFeedback(questionId, userId, value) {
      stmt.feedbackUpsert.run(questionId, userId, value, clock.now());
    },
    feedbackCounts(questionId) {
      const row = stmt.feedbackOf.get(questionId) as { up: number; down: number };
      return { up: Number(row.up), down: Number(row.down) };
    },
    stats({ timeZone, days = 7, top = 5 }) {
      const now = clock.now();
      const dayKey = dayKeyFormatter(timeZone);
      const keys: string[] = [];
      // Walk back by hours so days of any length (DST zones) are all listed once.
      for (let t = now; keys.length < days; t -= 60 * 60 * 1000) {
        const key = dayKey(t);
        if (keys[keys.length - 1] !== key) keys.push(key);
      }
      keys.reverse();
      const first = keys[0]!;
      // Start a little early and filter by day key, so time zone offsets never cut a day.
      const since = now - (days + 1) * 24 * 60 * 60 * 1000;
      const counts = new Map(keys.map((k) => [k, 0]));
      let total = 0;
      let declined = 0;
      for (const row of stmt.questionsSince.all(since) as Array<{ created_at: number; declined: number }>) {
        const key = dayKey(row.created_at);
        if (key < first || !counts.has(key)) continue;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        total++;
        if (row.declined === 1) declined++;
      }
      // Documents and feedback over the same window, from the first counted day's start.
      const startOfWindow = findDayStart(first, dayKey, since, now);
      const topDocuments = (
        stmt.topDocsSince.all(startOfWindow, top) as Array<{ doc_id: string; title: string; count: number }>
      ).map((r) => ({ docId: r.doc_id, title: r.title, count: Number(r.count) }));
      const fb = stmt.feedbackSince.get(startOfWindow) as { up: number; down: number };
      const usage = stmt.usageSince.get(startOfWindow) as { p: number; c: number; cost: number };
      const llm = {
        promptTokens: Number(usage.p),
        completionTokens: Number(usage.c),
        costUsd: Number(usage.cost),
      };
      return {
        days: keys.map((day) => ({ day, questions: counts.get(day) ?? 0 })),
        total,
        declined,
        topDocuments,
        up: Number(fb.up),
        down: Number(fb.down),
        llm,
      };
    },
  };
}

function dayKeyFormatter(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return (ms) => format.format(new Date(ms));
}

/** The first millisecond in [from, to] whose day key is `day` (or later). */
function findDayStart(day: string, dayKey: (ms: number) => string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  // Binary search on the monotone predicate dayKey(t) >= day.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}
