import type { Database } from "../store/sqlite.js";
import { migrate } from "../store/sqlite.js";
import type { QuietPolicy } from "./messages.js";

/**
 * The digest's own tables in the shared SQLite database (module "digest"): which groups
 * subscribed and how, the delivery log keyed by (chat, local date), and which passages
 * each chat was shown ("Bạn có biết?" is not repeated within 30 days). Times are epoch ms.
 */

export const DIGEST_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE digest_subscriptions (
    chat_id INTEGER PRIMARY KEY,
    enabled INTEGER NOT NULL,
    -- Local time of day, HH:MM, in the configured zone.
    time TEXT NOT NULL,
    quiet_policy TEXT NOT NULL CHECK (quiet_policy IN ('short', 'none')),
    -- When the current schedule was set: a digest due before this moment is not owed.
    schedule_since INTEGER NOT NULL,
    -- End of the changes window of the last digest sent (or skipped): the next one starts here.
    last_digest_at INTEGER,
    chat_title TEXT,
    updated_by INTEGER,
    disabled_reason TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- One row per chat and local day: the slot is claimed once ('sending', with the parts
  -- frozen), then finished ('sent', 'skipped', 'failed', 'abandoned').
  CREATE TABLE digest_log (
    chat_id INTEGER NOT NULL,
    local_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'skipped', 'failed', 'abandoned')),
    owner TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    lease_until INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL,
    window_from INTEGER NOT NULL,
    window_to INTEGER NOT NULL,
    parts TEXT NOT NULL,
    message_ids TEXT NOT NULL,
    did_you_know TEXT,
    quiet INTEGER NOT NULL,
    finished_at INTEGER,
    error TEXT,
    PRIMARY KEY (chat_id, local_date)
  );
  CREATE INDEX digest_log_state ON digest_log (state);
  CREATE TABLE digest_shown (
    chat_id INTEGER NOT NULL,
    chunk_id TEXT NOT NULL,
    shown_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, chunk_id)
  );
  CREATE INDEX digest_shown_at ON digest_shown (chat_id, shown_at);
  `,
];

/** A group's digest settings. */
export interface Subscription {
  chatId: number;
  enabled: boolean;
  /** "HH:MM", local. */
  time: string;
  quietPolicy: QuietPolicy;
  scheduleSince: number;
  lastDigestAt: number | null;
  chatTitle: string | null;
  updatedBy: number | null;
  /** Why it was turned off: "command", "bot_removed", "chat_not_found", ... */
  disabledReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export type DigestState = "sending" | "sent" | "skipped" | "failed" | "abandoned";

/** One chat's digest for one local day. */
export interface DigestLogEntry {
  chatId: number;
  localDate: string;
  state: DigestState;
  /** The delivery instance that holds (or last held) the slot. */
  owner: string;
  /** Claims and take-overs so far. */
  attempts: number;
  /** No other instance touches a 'sending' row before this time. */
  leaseUntil: number;
  claimedAt: number;
  windowFrom: number;
  windowTo: number;
  /** The HTML parts, frozen when the slot was claimed, so a resumed send sends the same. */
  parts: string[];
  /** message_id of each part Telegram accepted, in order: a resumed send starts after them. */
  messageIds: number[];
  didYouKnowChunkId: string | null;
  quiet: boolean;
  finishedAt: number | null;
  error: string | null;
}

export interface NewDigestEntry {
  chatId: number;
  localDate: string;
  owner: string;
  leaseUntil: number;
  claimedAt: number;
  windowFrom: number;
  windowTo: number;
  parts: string[];
  didYouKnowChunkId: string | null;
  quiet: boolean;
}

export interface SubscriptionChange {
  enabled?: boolean;
  time?: string;
  quietPolicy?: QuietPolicy;
  chatTitle?: string | null;
  byUserId?: number | null;
  disabledReason?: string | null;
}

/**
 * Reads and writes of the digest tables. Each method is one SQLite transaction, so a
 * claim or a "sent" record is all-or-nothing even across processes.
 */
export interface DigestRepository {
  subscription(chatId: number): Subscription | null;
  enabledSubscriptions(): Subscription[];
  /**
   * Creates or changes a chat's settings. Turning it on or changing its time restarts the
   * schedule at `now` (a slot already past today is not owed). `defaults` fill a new row.
   */
  saveSubscription(
    chatId: number,
    change: SubscriptionChange,
    now: number,
    defaults: { time: string; quietPolicy: QuietPolicy },
  ): Subscription;
  /** A group became a supergroup (new id): settings and shown passages move along. */
  moveChat(fromChatId: number, toChatId: number, now: number): void;
  entry(chatId: number, localDate: string): DigestLogEntry | null;
  /** Rows still 'sending' (claimed, not finished), oldest first. */
  unfinished(): DigestLogEntry[];
  /** Recent rows of a chat, newest first. */
  history(chatId: number, limit: number): DigestLogEntry[];
  /** Claims the slot with the parts to send. False when it was already claimed. */
  claim(entry: NewDigestEntry): boolean;
  /** Records a day with nothing to send (it also ends the changes window). False when already claimed. */
  claimSkipped(entry: Omit<NewDigestEntry, "parts" | "leaseUntil">): boolean;
  /** Takes over an unfinished slot whose lease ran out; counts an attempt. */
  takeOver(chatId: number, localDate: string, owner: string, leaseUntil: number, now: number): boolean;
  /** Extends the lease before a part is sent; false when another instance holds the slot. */
  renewLease(chatId: number, localDate: string, owner: string, leaseUntil: number): boolean;
  /**
   * Records that Telegram accepted part `index`. For the last part, in the same
   * transaction: the row becomes 'sent', the chat's changes window advances and the
   * "Bạn có biết?" passage is remembered.
   */
  recordPart(chatId: number, localDate: string, index: number, messageId: number, now: number): void;
  /** Gives the slot back after a temporary failure; another try after `retryAt`. */
  release(chatId: number, localDate: string, owner: string, retryAt: number, error: string): void;
  /** Ends a slot without (fully) sending it. */
  finish(chatId: number, localDate: string, state: "failed" | "abandoned", error: string, now: number): void;
  /** A digest sent by hand (CLI): advances the changes window and remembers the passage. */
  recordManual(chatId: number, windowTo: number, didYouKnowChunkId: string | null, now: number): void;
  /** Chunk ids shown to the chat at or after `since`. */
  recentlyShown(chatId: number, since: number): string[];
}

interface SubscriptionRow {
  chat_id: number;
  enabled: number;
  time: string;
  quiet_policy: QuietPolicy;
  schedule_since: number;
  last_digest_at: number | null;
  chat_title: string | null;
  updated_by: number | null;
  disabled_reason: string | null;
  created_at: number;
  updated_at: number;
}

interface LogRow {
  chat_id: number;
  local_date: string;
  state: DigestState;
  owner: string;
  attempts: number;
  lease_until: number;
  claimed_at: number;
  window_from: number;
  window_to: number;
  parts: string;
  message_ids: string;
  did_you_know: string | null;
  quiet: number;
  finished_at: number | null;
  error: string | null;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: Number(row.chat_id),
    enabled: row.enabled === 1,
    time: row.time,
    quietPolicy: row.quiet_policy,
    scheduleSince: row.schedule_since,
    lastDigestAt: row.last_digest_at,
    chatTitle: row.chat_title,
    updatedBy: row.updated_by,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toEntry(row: LogRow): DigestLogEntry {
  return {
    chatId: Number(row.chat_id),
    localDate: row.local_date,
    state: row.state,
    owner: row.owner,
    attempts: row.attempts,
    leaseUntil: row.lease_until,
    claimedAt: row.claimed_at,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    parts: JSON.parse(row.parts) as string[],
    messageIds: JSON.parse(row.message_ids) as number[],
    didYouKnowChunkId: row.did_you_know,
    quiet: row.quiet === 1,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

/** Creates the digest tables when missing and returns the repository over them. */
export function createDigestRepository(db: Database): DigestRepository {
  migrate(db, "digest", DIGEST_MIGRATIONS);
  const stmt = {
    subscription: db.prepare("SELECT * FROM digest_subscriptions WHERE chat_id = ?"),
    enabled: db.prepare("SELECT * FROM digest_subscriptions WHERE enabled = 1 ORDER BY chat_id"),
    insertSubscription: db.prepare(
      `INSERT INTO digest_subscriptions (chat_id, enabled, time, quiet_policy, schedule_since, last_digest_at,
         chat_title, updated_by, disabled_reason, created_at, updated_at)
       VALUES (@chatId, @enabled, @time, @quietPolicy, @scheduleSince, NULL, @chatTitle, @updatedBy,
         @disabledReason, @now, @now)`,
    ),
    updateSubscription: db.prepare(
      `UPDATE digest_subscriptions SET enabled = @enabled, time = @time, quiet_policy = @quietPolicy,
         schedule_since = @scheduleSince, chat_title = @chatTitle, updated_by = @updatedBy,
         disabled_reason = @disabledReason, updated_at = @now
       WHERE chat_id = @chatId`,
    ),
    advanceWindow: db.prepare(
      `UPDATE digest_subscriptions SET last_digest_at = MAX(COALESCE(last_digest_at, 0), ?) WHERE chat_id = ?`,
    ),
    entry: db.prepare("SELECT * FROM digest_log WHERE chat_id = ? AND local_date = ?"),
    unfinished: db.prepare("SELECT * FROM digest_log WHERE state = 'sending' ORDER BY claimed_at"),
    history: db.prepare("SELECT * FROM digest_log WHERE chat_id = ? ORDER BY local_date DESC LIMIT ?"),
    claim: db.prepare(
      `INSERT OR IGNORE INTO digest_log (chat_id, local_date, state, owner, attempts, lease_until, claimed_at,
         window_from, window_to, parts, message_ids, did_you_know, quiet, finished_at, error)
       VALUES (@chatId, @localDate, @state, @owner, 1, @leaseUntil, @claimedAt, @windowFrom, @windowTo,
         @parts, '[]', @didYouKnowChunkId, @quiet, @finishedAt, NULL)`,
    ),
    takeOver: db.prepare(
      `UPDATE digest_log SET owner = ?, lease_until = ?, attempts = attempts + 1
       WHERE chat_id = ? AND local_date = ? AND state = 'sending' AND lease_until <= ?`,
    ),
    renew: db.prepare(
      `UPDATE digest_log SET lease_until = ?
       WHERE chat_id = ? AND local_date = ? AND state = 'sending' AND owner = ?`,
    ),
    setParts: db.prepare("UPDATE digest_log SET message_ids = ? WHERE chat_id = ? AND local_date = ?"),
    markSent: db.prepare(
      `UPDATE digest_log SET state = 'sent', finished_at = ?, error = NULL WHERE chat_id = ? AND local_date = ?`,
    ),
    release: db.prepare(
      `UPDATE digest_log SET lease_until = ?, error = ?
       WHERE chat_id = ? AND local_date = ? AND state = 'sending' AND owner = ?`,
    ),
    finish: db.prepare(
      `UPDATE digest_log SET state = ?, error = ?, finished_at = ?
       WHERE chat_id = ? AND local_date = ? AND state = 'sending'`,
    ),
    shown: db.prepare(
      `INSERT INTO digest_shown (chat_id, chunk_id, shown_at) VALUES (?, ?, ?)
       ON CONFLICT (chat_id, chunk_id) DO UPDATE SET shown_at = excluded.shown_at`,
    ),
    recentlyShown: db.prepare(
      "SELECT chunk_id FROM digest_shown WHERE chat_id = ? AND shown_at >= ? ORDER BY shown_at",
    ),
    moveSubscription: db.prepare("UPDATE OR REPLACE digest_subscriptions SET chat_id = ? WHERE chat_id = ?"),
    moveShown: db.prepare("UPDATE OR REPLACE digest_shown SET chat_id = ? WHERE chat_id = ?"),
  };

  const readSubscription = (chatId: number) => {
    const row = stmt.subscription.get(chatId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  };
  const readEntry = (chatId: number, localDate: string) => {
    const row = stmt.entry.get(chatId, localDate) as LogRow | undefined;
    return row ? toEntry(row) : null;
  };

  const save = db.transaction(
    (
      chatId: number,
      change: SubscriptionChange,
      now: number,
      defaults: { time: string; quietPolicy: QuietPolicy },
    ): Subscription => {
      const current = readSubscription(chatId);
      const enabled = change.enabled ?? current?.enabled ?? false;
      const time = change.time ?? current?.time ?? defaults.time;
      const restarts = enabled && (!current?.enabled || time !== current.time);
      const row = {
        chatId,
        enabled: enabled ? 1 : 0,
        time,
        quietPolicy: change.quietPolicy ?? current?.quietPolicy ?? defaults.quietPolicy,
        scheduleSince: restarts || !current ? now : current.scheduleSince,
        chatTitle: change.chatTitle !== undefined ? change.chatTitle : (current?.chatTitle ?? null),
        updatedBy: change.byUserId !== undefined ? change.byUserId : (current?.updatedBy ?? null),
        disabledReason: enabled
          ? null
          : change.disabledReason !== undefined
            ? change.disabledReason
            : (current?.disabledReason ?? null),
        now,
      };
      if (current) stmt.updateSubscription.run(row);
      else stmt.insertSubscription.run(row);
      return readSubscription(chatId)!;
    },
  );

  const claim = db.transaction((entry: NewDigestEntry, state: "sending" | "skipped"): boolean => {
    const info = stmt.claim.run({
      ...entry,
      state,
      parts: JSON.stringify(entry.parts),
      quiet: entry.quiet ? 1 : 0,
      finishedAt: state === "skipped" ? entry.claimedAt : null,
    });
    if (info.changes === 0) return false;
    if (state === "skipped") stmt.advanceWindow.run(entry.windowTo, entry.chatId);
    return true;
  });

  const recordPart = db.transaction(
    (chatId: number, localDate: string, index: number, messageId: number, now: number) => {
      const entry = readEntry(chatId, localDate);
      if (!entry) throw new Error(`no digest claimed for chat ${chatId} on ${localDate}`);
      const ids = [...entry.messageIds];
      ids[index] = messageId;
      stmt.setParts.run(JSON.stringify(ids), chatId, localDate);
      if (index < entry.parts.length - 1 || entry.state !== "sending") return;
      stmt.markSent.run(now, chatId, localDate);
      stmt.advanceWindow.run(entry.windowTo, chatId);
      if (entry.didYouKnowChunkId) stmt.shown.run(chatId, entry.didYouKnowChunkId, now);
    },
  );

  const moveChat = db.transaction((fromChatId: number, toChatId: number, now: number) => {
    stmt.moveSubscription.run(toChatId, fromChatId);
    stmt.moveShown.run(toChatId, fromChatId);
    db.prepare("UPDATE digest_subscriptions SET updated_at = ? WHERE chat_id = ?").run(now, toChatId);
  });

  const recordManual = db.transaction(
    (chatId: number, windowTo: number, chunkId: string | null, now: number) => {
      stmt.advanceWindow.run(windowTo, chatId);
      if (chunkId) stmt.shown.run(chatId, chunkId, now);
    },
  );

  return {
    subscription: readSubscription,
    enabledSubscriptions: () => (stmt.enabled.all() as SubscriptionRow[]).map(toSubscription),
    saveSubscription: (chatId, change, now, defaults) => save.immediate(chatId, change, now, defaults),
    moveChat: (fromChatId, toChatId, now) => moveChat.immediate(fromChatId, toChatId, now),
    entry: readEntry,
    unfinished: () => (stmt.unfinished.all() as LogRow[]).map(toEntry),
    history: (chatId, limit) => (stmt.history.all(chatId, limit) as LogRow[]).map(toEntry),
    claim: (entry) => claim.immediate(entry, "sending"),
    claimSkipped: (entry) => claim.immediate({ ...entry, parts: [], leaseUntil: entry.claimedAt }, "skipped"),
    takeOver: (chatId, localDate, owner, leaseUntil, now) =>
      stmt.takeOver.run(owner, leaseUntil, chatId, localDate, now).changes === 1,
    renewLease: (chatId, localDate, owner, leaseUntil) =>
      stmt.renew.run(leaseUntil, chatId, localDate, owner).changes === 1,
    recordPart: (chatId, localDate, index, messageId, now) =>
      recordPart.immediate(chatId, localDate, index, messageId, now),
    release: (chatId, localDate, owner, retryAt, error) => {
      stmt.release.run(retryAt, error, chatId, localDate, owner);
    },
    finish: (chatId, localDate, state, error, now) => {
      stmt.finish.run(state, error, now, chatId, localDate);
    },
    recordManual: (chatId, windowTo, chunkId, now) => recordManual.immediate(chatId, windowTo, chunkId, now),
    recentlyShown: (chatId, since) =>
      (stmt.recentlyShown.all(chatId, since) as Array<{ chunk_id: string }>).map((r) => r.chunk_id),
  };
}
