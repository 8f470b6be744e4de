import { bestOfficialMatch, type QuestionSignature, questionSignature } from "../answer/official-match.js";
import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import type { Database } from "../store/sqlite.js";
import { migrate } from "../store/sqlite.js";

/**
 * Official answers: the answer a unit's admin wrote or approved for a question, which the
 * bot gives first when a later question asks the same (see `official-match.ts`). Each is
 * stored with its author and dates and the documents it cites (with the version cited,
 * so a replaced or deleted document can be flagged); every change is in its audit log.
 * Lives in the store's SQLite database beside the bot's state, below the bot: the CLI's
 * `ask` gives official answers too.
 */

/** A document an official answer cites, as it was when cited. */
export interface OfficialSource {
  docId: string;
  title: string;
  number: string | null;
  version: number;
}

export interface OfficialAnswer {
  id: number;
  question: string;
  answer: string;
  sources: OfficialSource[];
  /** Telegram user id of the admin who wrote it (null from the CLI). */
  authorId: number | null;
  createdAt: number;
  updatedAt: number;
}

export type OfficialAction = "added" | "edited" | "removed" | "sources_checked";

export interface OfficialEvent {
  id: number;
  at: number;
  action: OfficialAction;
  officialId: number;
  actorId: number | null;
  question: string;
}

export interface OfficialAnswerInput {
  question: string;
  answer: string;
  sources: OfficialSource[];
  actorId: number | null;
}

/** The official answer a question gets, with how close the questions are. */
export interface OfficialMatch {
  official: OfficialAnswer;
  similarity: number;
}

export interface OfficialAnswers {
  add(input: OfficialAnswerInput): OfficialAnswer;
  /** Null when it does not exist (or was removed). */
  edit(
    id: number,
    change: Partial<Omit<OfficialAnswerInput, "actorId">>,
    actorId: number | null,
  ): OfficialAnswer | null;
  /** False when it did not exist. */
  remove(id: number, actorId: number | null): boolean;
  get(id: number): OfficialAnswer | null;
  /** Newest change first. */
  list(): OfficialAnswer[];
  /** The official answer whose question this one asks, or null (see `OFFICIAL_MATCH_THRESHOLD`). */
  match(question: string): OfficialMatch | null;
  /** The audit log, newest first. */
  events(limit: number, offset?: number): OfficialEvent[];
  eventCount(): number;
}

const MIGRATIONS = [
  `CREATE TABLE official_answers (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     sources TEXT NOT NULL,
     author_id INTEGER,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     removed_at INTEGER
   );
   CREATE TABLE official_answer_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('added', 'edited', 'removed', 'sources_checked')),
     official_id INTEGER NOT NULL,
     actor_id INTEGER,
     question TEXT NOT NULL
   );
   CREATE INDEX official_answer_events_at ON official_answer_events (at);`,
];

interface Row {
  id: number;
  question: string;
  answer: string;
  sources: string;
  author_id: number | null;
  created_at: number;
  updated_at: number;
}

function toAnswer(row: Row): OfficialAnswer {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    sources: JSON.parse(row.sources) as OfficialSource[],
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createOfficialAnswers(db: Database, clock: Clock = systemClock): OfficialAnswers {
  migrate(db, "official-answers", MIGRATIONS);
  const stmt = {
    insert: db.prepare(
      `INSERT INTO official_answers (question, answer, sources, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare(
      "UPDATE official_answers SET question = ?, answer = ?, sources = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL",
    ),
    remove: db.prepare("UPDATE official_answers SET removed_at = ? WHERE id = ? AND removed_at IS NULL"),
    get: db.prepare("SELECT * FROM official_answers WHERE id = ? AND removed_at IS NULL"),
    list: db.prepare(
      "SELECT * FROM official_answers WHERE removed_at IS NULL ORDER BY updated_at DESC, id DESC",
    ),
    event: db.prepare(
      "INSERT INTO official_answer_events (at, action, official_id, actor_id, question) VALUES (?, ?, ?, ?, ?)",
    ),
    events: db.prepare("SELECT * FROM official_answer_events ORDER BY at DESC, id DESC LIMIT ? OFFSET ?"),
    eventCount: db.prepare("SELECT COUNT(*) AS n FROM official_answer_events"),
  };
  // Signatures of the live answers, rebuilt after any change: matching runs on every question.
  let cache: Array<{ official: OfficialAnswer; signature: QuestionSignature }> | null = null;
  const live = () => {
    cache ??= (stmt.list.all() as Row[]).map(toAnswer).map((official) => ({
      official,
      signature: questionSignature(official.question),
    }));
    return cache;
  };
  const get = (id: number) => {
    const row = stmt.get.get(id) as Row | undefined;
    return row ? toAnswer(row) : null;
  };
  const log = (action: OfficialAction, id: number, actorId: number | null, question: string) =>
    stmt.event.run(clock.now(), action, id, actorId, question);

  const add = db.transaction((input: OfficialAnswerInput): OfficialAnswer => {
    const now = clock.now();
    const info = stmt.insert.run(
      input.question,
      input.answer,
      JSON.stringify(input.sources),
      input.actorId,
      now,
      now,
    );
    const id = Number(info.lastInsertRowid);
    log("added", id, input.actorId, input.question);
    return get(id) as OfficialAnswer;
  });
  const edit = db.transaction(
    (id: number, change: Partial<Omit<OfficialAnswerInput, "actorId">>, actorId: number | null) => {
      const current = get(id);
      if (!current) return null;
      const sourcesOnly = change.question === undefined && change.answer === undefined;
      stmt.update.run(
        change.question ?? current.question,
        change.answer ?? current.answer,
        JSON.stringify(change.sources ?? current.sources),
        clock.now(),
        id,
      );
      log(sourcesOnly ? "sources_checked" : "edited", id, actorId, change.question ?? current.question);
      return get(id);
    },
  );
  const remove = db.transaction((id: number, actorId: number | null) => {
    const current = get(id);
    if (!current) return false;
    stmt.remove.run(clock.now(), id);
    log("removed", id, actorId, current.question);
    return true;
  });

  return {
    add(input) {
      const added = add(input);
      cache = null;
      return added;
    },
    edit(id, change, actorId) {
      const edited = edit(id, change, actorId);
      cache = null;
      return edited;
    },
    remove(id, actorId) {
      const removed = remove(id, actorId);
      cache = null;
      return removed;
    },
    get,
    list: () => live().map((c) => c.official),
    match(question) {
      const best = bestOfficialMatch(question, live());
      return best ? { official: best.candidate.official, similarity: best.similarity } : null;
    },
    events(limit, offset = 0) {
      return (
        stmt.events.all(limit, offset) as Array<{
          id: number;
          at: number;
          action: OfficialAction;
          official_id: number;
          actor_id: number | null;
          question: string;
        }>
      ).map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        officialId: r.official_id,
        actorId: r.actor_id,
        question: r.question,
      }));
    },
    eventCount: () => (stmt.eventCount.get() as { n: number }).n,
  };
}
