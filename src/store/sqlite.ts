import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { storeError } from "./errors.js";

/** A better-sqlite3 connection. One file holds the store and the bot's own state. */
export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock before failing (default 5 s). */
  busyTimeoutMs?: number;
  /** Page cache of this connection in MiB (default 64). */
  cacheMiB?: number;
}

/**
 * Opens (creating when missing, with its parent directory) the SQLite database shared by
 * the store and the other modules: WAL journal so readers never block the writer,
 * synchronous=NORMAL (durable at checkpoints, never corrupt), foreign keys on, and a busy
 * timeout so a CLI ingest and the running bot can share the file. Pass ":memory:" for a
 * throwaway database.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const memory = path === ":memory:" || path === "";
  let db: Database;
  try {
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path);
  } catch (error) {
    throw storeError("openFailed", `cannot open database ${path}`, { cause: error, context: { path } });
  }
  try {
    if (!memory) {
      const mode = db.pragma("journal_mode = WAL", { simple: true });
      if (mode !== "wal") throw new Error(`journal_mode is ${String(mode)}, expected wal`);
    }
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma(`cache_size = -${Math.max(1, Math.floor((options.cacheMiB ?? 64) * 1024))}`);
    db.pragma("temp_store = MEMORY");
  } catch (error) {
    db.close();
    throw storeError("openFailed", `cannot configure database ${path}`, { cause: error, context: { path } });
  }
  return db;
}

/**
 * Brings one module's tables up to date. Each module (the store, the bot state, ...)
 * owns a version number in `schema_migrations`; `steps[i]` is the SQL that moves it from
 * version i to i + 1. Steps are append-only: never edit a released one, add a new one.
 * Runs in one IMMEDIATE transaction, so two processes starting together cannot both
 * migrate. Returns the module's version afterwards. A database written by a newer
 * program (more versions than steps) is refused rather than misread.
 */
export function migrate(db: Database, module: string, steps: readonly string[]): number {
  const run = db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         module TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         updated_at TEXT NOT NULL
       )`,
    );
    const row = db.prepare("SELECT version FROM schema_migrations WHERE module = ?").get(module) as
      | { version: number }
      | undefined;
    const current = row?.version ?? 0;
    if (current > steps.length) {
      throw storeError(
        "schemaTooNew",
        `module ${module} is at version ${current}, this program knows ${steps.length}`,
        {
          context: { module, version: current, known: steps.length },
        },
      );
    }
    for (let version = current; version < steps.length; version++) db.exec(steps[version]!);
    if (current < steps.length) {
      db.prepare(
        `INSERT INTO schema_migrations (module, version, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (module) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
      ).run(module, steps.length, new Date().toISOString());
    }
    return Math.max(current, steps.length);
  });
  return run.immediate();
}
