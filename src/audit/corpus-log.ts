import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import type { Database } from "../store/sqlite.js";
import { migrate } from "../store/sqlite.js";

/**
 * The corpus audit log: who changed which document, when. Uploads, replacements and
 * deletions from Telegram, the CLI and the start-up sync all write here; `/nhatky`
 * shows it to admins and the daily digest reads the changes since a chat's last digest.
 * Times are milliseconds since the epoch.
 */

export type CorpusAction = "added" | "replaced" | "removed";

export interface CorpusEventInput {
  action: CorpusAction;
  docId: string;
  title: string;
  number: string | null;
  /** The document's own date (ISO), when known. */
  docDate: string | null;
  version: number;
  /** Telegram user id of the admin, or null for the CLI and the start-up sync. */
  actorId: number | null;
  /** "telegram", "cli", "sync". */
  via: string;
  /** The file name as it was ingested. */
  source?: string | null;
}

export interface CorpusEvent extends CorpusEventInput {
  id: number;
  at: number;
}

export interface CorpusLog {
  record(event: CorpusEventInput): CorpusEvent;
  /** Events with `at` in [from, to), oldest first. */
  between(from: number, to: number): CorpusEvent[];
  /** The newest events first. */
  recent(limit: number, offset?: number): CorpusEvent[];
  count(): number;
}

const MIGRATIONS = [
  `CREATE TABLE corpus_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('added', 'replaced', 'removed')),
     doc_id TEXT NOT NULL,
     title TEXT NOT NULL,
     number TEXT,
     doc_date TEXT,
     version INTEGER NOT NULL,
     actor_id INTEGER,
     via TEXT NOT NULL,
     source TEXT
   );
   CREATE INDEX corpus_events_at ON corpus_events (at);`,
];

interface Row {
  id: number;
  at: number;
  action: CorpusAction;
  doc_id: string;
  title: string;
  number: string | null;
  doc_date: string | null;
  version: number;
  actor_id: number | null;
  via: string;
  source: string | null;
}

function toEvent(row: Row): CorpusEvent {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    docId: row.doc_id,
    title: row.title,
    number: row.number,
    docDate: row.doc_date,
    version: row.version,
    actorId: row.actor_id,
    via: row.via,
    source: row.source,
  };
}

export function createCorpusLog(db: Database, clock: Clock = systemClock): CorpusLog {
  migrate(db, "corpus-log", MIGRATIONS);
  const insert = db.prepare(
    `INSERT INTO corpus_events (at, action, doc_id, title, number, doc_date, version, actor_id, via, source)
     VALUES (@at, @action, @docId, @title, @number, @docDate, @version, @actorId, @via, @source)`,
  );
  const between = db.prepare("SELECT * FROM corpus_events WHERE at >= ? AND at < ? ORDER BY at, id");
  const recent = db.prepare("SELECT * FROM corpus_events ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM corpus_events");
  return {
    record(event) {
      const at = clock.now();
      const row = { ...event, source: event.source ?? null, at };
      const info = insert.run(row);
      return { ...event, source: row.source, id: Number(info.lastInsertRowid), at };
    },
    between(from, to) {
      return (between.all(from, to) as Row[]).map(toEvent);
    },
    recent(limit, offset = 0) {
      return (recent.all(limit, offset) as Row[]).map(toEvent);
    },
    count() {
      return (count.get() as { n: number }).n;
    },
  };
}
