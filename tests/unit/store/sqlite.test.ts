import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../../src/errors.js";
import { type Database, migrate, openDatabase } from "../../../src/store/sqlite.js";

describe("openDatabase", () => {
  let dir: string;
  const opened: Database[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nhatthe-sqlite-"));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the parent directories and sets WAL, synchronous NORMAL, foreign keys and a busy timeout", () => {
    const path = join(dir, "nested", "deeper", "x.db");
    const db = openDatabase(path);
    opened.push(db);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(1);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("takes a busy timeout and opens an in-memory database", () => {
    const db = openDatabase(":memory:", { busyTimeoutMs: 250 });
    opened.push(db);
    expect(db.memory).toBe(true);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(250);
  });

  it("fails with a StoreError when the path cannot be a database", () => {
    let error: unknown;
    try {
      openDatabase(dir); // a directory
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("store.open_failed");
    expect((error as StoreError).cause).toBeDefined();
  });
});

describe("migrate", () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(":memory:");
  });
  afterEach(() => {
    db.close();
  });

  const tables = () =>
    (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[]
    ).filter((name) => name !== "schema_migrations");

  it("applies steps in order, once", () => {
    const steps = ["CREATE TABLE a (x INTEGER)", "ALTER TABLE a ADD COLUMN y TEXT", "CREATE TABLE b (z)"];
    expect(migrate(db, "mod", steps)).toBe(3);
    expect(tables()).toEqual(["a", "b"]);
    expect(migrate(db, "mod", steps)).toBe(3);
    db.prepare("INSERT INTO a (x, y) VALUES (1, 'one')").run();
  });

  it("applies only the steps added since the last run", () => {
    migrate(db, "mod", ["CREATE TABLE a (x)"]);
    db.prepare("INSERT INTO a VALUES (1)").run();
    expect(migrate(db, "mod", ["CREATE TABLE a (x)", "CREATE TABLE c (w)"])).toBe(2);
    expect(tables()).toEqual(["a", "c"]);
    expect(db.prepare("SELECT count(*) FROM a").pluck().get()).toBe(1);
  });

  it("keeps one version per module", () => {
    migrate(db, "store", ["CREATE TABLE store_t (x)"]);
    migrate(db, "bot", ["CREATE TABLE bot_t (x)", "CREATE TABLE bot_u (x)"]);
    expect(db.prepare("SELECT module, version FROM schema_migrations ORDER BY module").all()).toEqual([
      { module: "bot", version: 2 },
      { module: "store", version: 1 },
    ]);
  });

  it("rolls back every step when one fails", () => {
    migrate(db, "other", ["CREATE TABLE other_t (x)"]);
    expect(() => migrate(db, "mod", ["CREATE TABLE a (x)", "THIS IS NOT SQL"])).toThrow();
    expect(tables()).toEqual(["other_t"]);
    expect(db.prepare("SELECT module FROM schema_migrations").pluck().all()).toEqual(["other"]);
  });

  it("refuses a database written by a newer program", () => {
    migrate(db, "mod", ["CREATE TABLE a (x)", "CREATE TABLE b (x)"]);
    let error: unknown;
    try {
      migrate(db, "mod", ["CREATE TABLE a (x)"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("store.schema_too_new");
  });
});
