/**
 * The bot's tables in the store's SQLite database, as ordered migration steps of the
 * "bot" module. Append new steps; never edit a step that has shipped.
 *
 * Times are milliseconds since the epoch (from the injected clock).
 */
export const BOT_MIGRATIONS: string[] = [
  `
  CREATE TABLE bot_chats (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    title TEXT,
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE TABLE bot_users (
    id INTEGER PRIMARY KEY,
    username TEXT,
    first_name TEXT,
    last_name TEXT,
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  -- Users and chats an admin allowed or blocked at run time (on top of the configuration).
  CREATE TABLE bot_permissions (
    kind TEXT NOT NULL CHECK (kind IN ('user', 'chat')),
    subject_id INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('allowed', 'blocked')),
    by_user_id INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, subject_id)
  );
  -- The question log: one row per answered (or declined) question.
  CREATE TABLE bot_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    user_id INTEGER,
    update_id INTEGER,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    mode TEXT NOT NULL,
    declined INTEGER NOT NULL,
    latency_ms INTEGER NOT NULL,
    parent_id INTEGER REFERENCES bot_questions (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX bot_questions_created_at ON bot_questions (created_at);
  -- The sources an answer cited, numbered as in its [n] markers.
  CREATE TABLE bot_question_sources (
    question_id INTEGER NOT NULL REFERENCES bot_questions (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    chunk_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (question_id, n)
  );
  CREATE INDEX bot_question_sources_doc ON bot_question_sources (doc_id);
  -- One vote per user and question; a second press changes it.
  CREATE TABLE bot_feedback (
    question_id INTEGER NOT NULL REFERENCES bot_questions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (question_id, user_id)
  );
  -- Which bot messages carry which answer (for follow-ups and buttons). The message's
  -- date (unix seconds) must match too: a Bot API emulator reuses message ids across runs.
  CREATE TABLE bot_answer_messages (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    message_date INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES bot_questions (id) ON DELETE CASCADE,
    part INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
  );
  CREATE INDEX bot_answer_messages_question ON bot_answer_messages (question_id);
  -- Passages the bot showed (source buttons), so page buttons can edit them.
  CREATE TABLE bot_passage_messages (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    message_date INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES bot_questions (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    chunk_id TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
  );
  -- Recently handled updates, so one delivered twice (a lost offset confirmation, a
  -- webhook retry, a restart) is answered once. The fingerprint tells a redelivery from a
  -- new update that reuses an id (ids restart on a Bot API emulator, and on Telegram after
  -- a week without updates).
  CREATE TABLE bot_seen_updates (
    update_id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  );
  CREATE INDEX bot_seen_updates_seen_at ON bot_seen_updates (seen_at);
  `,
  // LLM usage per answer (0 on the extractive path), summed in /thongke.
  `
  ALTER TABLE bot_questions ADD COLUMN prompt_tokens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE bot_questions ADD COLUMN completion_tokens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE bot_questions ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
  `,
  // Why a 👎 (issue 21): a reason chosen with a button and an optional comment; the
  // messages asking for them (a reply to one is the comment); what admins reviewed in
  // /danhgia; the messages asking an admin for an official answer's text.
  `
  ALTER TABLE bot_feedback ADD COLUMN reason TEXT;
  ALTER TABLE bot_feedback ADD COLUMN comment TEXT;
  CREATE TABLE bot_feedback_prompts (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    message_date INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES bot_questions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
  );
  CREATE TABLE bot_reviews (
    item TEXT PRIMARY KEY,
    reviewed_by INTEGER NOT NULL,
    reviewed_at INTEGER NOT NULL
  );
  CREATE TABLE bot_official_drafts (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    message_date INTEGER NOT NULL,
    admin_id INTEGER NOT NULL,
    question TEXT NOT NULL,
    question_id INTEGER,
    official_id INTEGER,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
  );
  `,
];
