import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { chatGone, refusedForGood, telegramErrorInfo } from "../telegram/errors.js";
import type { DigestLogEntry, DigestRepository, Subscription } from "./digest-store.js";
import type { BuildRequest, DigestBuilder } from "./gather.js";
import { localDateOf, parseClockTime, zonedTimeToEpoch } from "./local-time.js";

/**
 * Delivery of the daily digest: each subscribed chat gets one digest per local day.
 *
 * How a digest goes out (one row of `digest_log` per chat and local date):
 * 1. compose it (store, corpus log, question log) with the chat's changes window;
 * 2. claim the slot: one transaction inserts the row as 'sending' with the HTML parts
 *    frozen, an owner and a lease (INSERT OR IGNORE on the (chat, date) key: a second
 *    claimer, in this process or another, gets nothing and sends nothing);
 * 3. send part by part through the bot's Telegram client (the outbox: limits, 429);
 * 4. right after Telegram returns a part's message_id, one transaction records it; for
 *    the last part the same transaction marks the row 'sent', advances the chat's
 *    changes window and remembers the "Bạn có biết?" passage.
 *
 * Guarantee: AT-LEAST-ONCE, with a duplicate possible only in one narrow window.
 * Telegram's Bot API has no idempotency key and a bot cannot read a group's history, so
 * if the process dies after Telegram accepted a part and before step 4 committed, the
 * system cannot know the part arrived. We resend it: a row left 'sending' is taken over
 * once its lease has run out (a restarted process resumes it on its next sweep) and the
 * parts not yet recorded are sent again. So:
 * - a restart anywhere else (before the claim, while composing, while the part waits in
 *   the outbox, during the HTTP call before Telegram accepts it, after the record)
 *   gives exactly one digest;
 * - a crash inside the window (HTTP response received → local commit, a few
 *   milliseconds) gives that one part twice; a network error after Telegram accepted a
 *   part, which the outbox retries, does too.
 * A digest interrupted by a crash arrives late: after its lease (10 min by default) and
 * the next sweep (at most 5 min). Parts already recorded are never sent again.
 * Why not at-most-once: its loss window would be the whole span from the claim to
 * Telegram's answer, including time queued in the outbox behind rate limits or a 429
 * (up to minutes), so far more digests would be lost than duplicated here; and a
 * duplicated digest is visible and harmless, a lost one silently is not.
 *
 * Which days: only the current local day is owed (the day in the configured zone at
 * `now`). After downtime, a digest whose time already passed today and was not sent is
 * sent at start (catch-up); a day missed entirely is never sent later. A slot claimed
 * but unfinished is resumed for up to `resumeWindowMs` after its claim, even past
 * midnight; older ones are marked 'abandoned'. A slot is retried at most `maxAttempts`
 * times, so a digest that crashes the process cannot loop forever.
 *
 * Run one scheduler per database (the bot process). Two would still never claim a slot
 * twice; the lease only keeps a second one from resuming a send that is still running.
 */

/** The one Bot API call delivery needs; telegraf's `bot.telegram` (with the outbox) fits. */
export interface DigestSender {
  sendMessage(
    chatId: number,
    text: string,
    extra: { parse_mode: "HTML"; link_preview_options: { is_disabled: boolean } },
  ): Promise<{ message_id: number }>;
}

export interface DeliveryOptions {
  /** Identifies this instance in the log (default: random). */
  owner?: string;
  /** How long a claim keeps other instances off a 'sending' slot; renewed before each part. Default 10 min. */
  leaseMs?: number;
  /** Claims plus take-overs before a slot is given up as 'failed'. Default 5. */
  maxAttempts?: number;
  /** An unfinished slot is resumed up to this long after its claim. Default 6 h. */
  resumeWindowMs?: number;
  /** Wait before retrying after a temporary failure (5xx, network). Default 5 min. */
  retryDelayMs?: number;
  /** A timer firing this early still counts as on time. Default 2 s. */
  earlyToleranceMs?: number;
  /** Changes window of a chat's first digest. Default 24 h. */
  firstWindowMs?: number;
  /** Chats delivered at the same time. Default 4. */
  concurrency?: number;
  /** Told about every slot handled by `deliverDue` (e.g. to count digests sent in metrics). */
  onReport?: (report: DeliveryReport) => void;
}

export type DeliveryOutcome =
  | { status: "sent"; parts: number; resumed: boolean }
  | { status: "skipped" }
  | { status: "done"; state: DigestLogEntry["state"] }
  | { status: "busy" }
  | { status: "not-subscribed" }
  | { status: "unsubscribed"; reason: string }
  | { status: "migrated"; to: number }
  | { status: "retry-later"; error: string }
  | { status: "failed"; error: string };

export interface DeliveryReport {
  chatId: number;
  localDate: string;
  outcome: DeliveryOutcome;
}

export interface DigestDelivery {
  readonly owner: string;
  /**
   * Sends every digest due at `now` and not yet sent, and resumes unfinished ones whose
   * lease ran out. Idempotent: call it as often as you like (timers, start-up, a sweep).
   */
  deliverDue(now?: number, filter?: { chatId?: number }): Promise<DeliveryReport[]>;
  /** The digest of one chat for one local day: sends it unless already claimed. */
  deliver(chatId: number, localDate: string, now?: number): Promise<DeliveryOutcome>;
  /** Resolves when no delivery of this instance is running. */
  idle(): Promise<void>;
}

export interface DeliveryDeps {
  repo: DigestRepository;
  builder: Pick<DigestBuilder, "build">;
  sender: DigestSender;
  clock: Clock;
  zone: string;
  logger: Logger;
  /** Told when delivery turned a chat's digest off (bot removed) or moved it. */
  onSubscriptionChange?: (chatId: number) => void;
  options?: DeliveryOptions;
}

/** When `subscription`'s digest is due on `localDate`, as epoch ms (null for a bad time). */
export function dueTime(
  subscription: Pick<Subscription, "time">,
  localDate: string,
  zone: string,
): number | null {
  const time = parseClockTime(subscription.time);
  return time ? zonedTimeToEpoch(localDate, time, zone) : null;
}

export function createDigestDelivery(deps: DeliveryDeps): DigestDelivery {
  const { repo, clock, zone, logger } = deps;
  const o = deps.options ?? {};
  const owner = o.owner ?? `digest-${randomBytes(4).toString("hex")}`;
  const leaseMs = o.leaseMs ?? 10 * 60_000;
  const maxAttempts = o.maxAttempts ?? 5;
  const resumeWindowMs = o.resumeWindowMs ?? 6 * 3_600_000;
  const retryDelayMs = o.retryDelayMs ?? 5 * 60_000;
  const tolerance = o.earlyToleranceMs ?? 2000;
  const firstWindowMs = o.firstWindowMs ?? 24 * 3_600_000;
  const concurrency = Math.max(1, o.concurrency ?? 4);
  const running = new Map<string, Promise<DeliveryOutcome>>();

  const log = (chatId: number, localDate: string) => logger.child({ chat: chatId, digest_date: localDate });

  /** Sends the parts not yet recorded; the row is claimed by this instance. */
  async function sendParts(entry: DigestLogEntry, resumed: boolean): Promise<DeliveryOutcome> {
    const { chatId, localDate } = entry;
    for (let index = entry.messageIds.length; index < entry.parts.length; index++) {
      if (!repo.renewLease(chatId, localDate, owner, clock.now() + leaseMs)) return { status: "busy" };
      let messageId: number;
      try {
        const message = await deps.sender.sendMessage(chatId, entry.parts[index]!, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
        messageId = message.message_id;
      } catch (error) {
        return onSendError(entry, error);
      }
      // The window: Telegram has the part; until this commit we cannot prove it.
      repo.recordPart(chatId, localDate, index, messageId, clock.now());
    }
    log(chatId, localDate).info(
      { parts: entry.parts.length, resumed, attempts: entry.attempts },
      "digest sent",
    );
    return { status: "sent", parts: entry.parts.length, resumed };
  }

  function onSendError(entry: DigestLogEntry, error: unknown): DeliveryOutcome {
    const { chatId, localDate } = entry;
    const now = clock.now();
    const info = telegramErrorInfo(error);
    const l = log(chatId, localDate);
    const reason = chatGone(info);
    if (reason) {
      repo.finish(chatId, localDate, "failed", `${info.code}: ${info.description}`, now);
      const sub = repo.subscription(chatId);
      if (sub?.enabled)
        repo.saveSubscription(chatId, { enabled: false, disabledReason: reason }, now, {
          time: sub.time,
          quietPolicy: sub.quietPolicy,
        });
      l.warn({ code: info.code, description: info.description, reason }, "digest chat unsubscribed");
      deps.onSubscriptionChange?.(chatId);
      return { status: "unsubscribed", reason };
    }
    if (info.code === 400 && info.migrateTo !== undefined) {
      repo.finish(chatId, localDate, "failed", `migrated to ${info.migrateTo}`, now);
      repo.moveChat(chatId, info.migrateTo, now);
      l.info({ to: info.migrateTo }, "digest chat moved to its supergroup");
      deps.onSubscriptionChange?.(chatId);
      deps.onSubscriptionChange?.(info.migrateTo);
      return { status: "migrated", to: info.migrateTo };
    }
    const message = info.code ? `${info.code}: ${info.description}` : info.description;
    if (refusedForGood(info) || entry.attempts >= maxAttempts) {
      repo.finish(chatId, localDate, "failed", message, now);
      l.error({ err: error, attempts: entry.attempts }, "digest not delivered");
      return { status: "failed", error: message };
    }
    const wait = Math.max(retryDelayMs, (info.retryAfter ?? 0) * 1000);
    repo.release(chatId, localDate, owner, now + wait, message);
    l.warn({ err: error, retryInMs: wait }, "digest send failed; will retry");
    return { status: "retry-later", error: message };
  }

  async function resume(entry: DigestLogEntry, now: number): Promise<DeliveryOutcome> {
    const { chatId, localDate } = entry;
    if (entry.leaseUntil > now) return { status: "busy" };
    if (now - entry.claimedAt > resumeWindowMs) {
      repo.finish(chatId, localDate, "abandoned", "not finished in time", now);
      log(chatId, localDate).warn({ claimedAt: entry.claimedAt }, "unfinished digest abandoned");
      return { status: "done", state: "abandoned" };
    }
    if (entry.attempts >= maxAttempts) {
      repo.finish(chatId, localDate, "failed", entry.error ?? "too many attempts", now);
      log(chatId, localDate).error({ attempts: entry.attempts }, "digest given up");
      return { status: "failed", error: entry.error ?? "too many attempts" };
    }
    const sub = repo.subscription(chatId);
    if (!sub?.enabled) {
      repo.finish(chatId, localDate, "abandoned", "digest turned off", now);
      return { status: "not-subscribed" };
    }
    if (!repo.takeOver(chatId, localDate, owner, now + leaseMs, now)) return { status: "busy" };
    const taken = repo.entry(chatId, localDate);
    if (!taken) return { status: "busy" };
    log(chatId, localDate).info(
      { sentParts: taken.messageIds.length, parts: taken.parts.length, attempts: taken.attempts },
      "resuming an unfinished digest",
    );
    return sendParts(taken, true);
  }

  async function run(chatId: number, localDate: string, now: number): Promise<DeliveryOutcome> {
    const existing = repo.entry(chatId, localDate);
    if (existing) {
      if (existing.state !== "sending") return { status: "done", state: existing.state };
      return resume(existing, now);
    }
    const sub = repo.subscription(chatId);
    if (!sub?.enabled) return { status: "not-subscribed" };
    const request: BuildRequest = {
      chatId,
      localDate,
      from: sub.lastDigestAt ?? now - firstWindowMs,
      to: now,
      quietPolicy: sub.quietPolicy,
    };
    const digest = await deps.builder.build(request);
    const claimedAt = clock.now();
    const base = {
      chatId,
      localDate,
      owner,
      claimedAt,
      windowFrom: request.from,
      windowTo: request.to,
      didYouKnowChunkId: digest.didYouKnowChunkId,
      quiet: digest.quiet,
    };
    if (digest.skipped) {
      if (!repo.claimSkipped(base)) return { status: "busy" };
      log(chatId, localDate).info({ quiet: digest.quiet }, "digest skipped: nothing to send");
      return { status: "skipped" };
    }
    if (!repo.claim({ ...base, parts: digest.parts, leaseUntil: claimedAt + leaseMs }))
      return { status: "busy" };
    const entry = repo.entry(chatId, localDate);
    if (!entry) return { status: "busy" };
    return sendParts(entry, false);
  }

  function deliver(chatId: number, localDate: string, now = clock.now()): Promise<DeliveryOutcome> {
    const key = `${chatId}:${localDate}`;
    const inFlight = running.get(key);
    if (inFlight) return inFlight;
    const promise = run(chatId, localDate, now).finally(() => running.delete(key));
    running.set(key, promise);
    return promise;
  }

  async function settle(
    chatId: number,
    localDate: string,
    job: () => Promise<DeliveryOutcome>,
  ): Promise<DeliveryReport> {
    try {
      return { chatId, localDate, outcome: await job() };
    } catch (error) {
      // A failure to compose or to write the log: the slot stays as it is (unclaimed, or
      // 'sending' under its lease) and a later call tries again.
      log(chatId, localDate).error({ err: error }, "digest delivery failed");
      return { chatId, localDate, outcome: { status: "retry-later", error: String(error) } };
    }
  }

  return {
    owner,
    deliver,
    async deliverDue(now = clock.now(), filter = {}) {
      const slots: Array<{ chatId: number; localDate: string }> = [];
      const seen = new Set<string>();
      for (const entry of repo.unfinished()) {
        if (filter.chatId !== undefined && entry.chatId !== filter.chatId) continue;
        if (entry.leaseUntil > now) continue;
        seen.add(`${entry.chatId}:${entry.localDate}`);
        slots.push({ chatId: entry.chatId, localDate: entry.localDate });
      }
      const today = localDateOf(now, zone);
      for (const sub of repo.enabledSubscriptions()) {
        if (filter.chatId !== undefined && sub.chatId !== filter.chatId) continue;
        if (seen.has(`${sub.chatId}:${today}`)) continue;
        const due = dueTime(sub, today, zone);
        if (due === null || now + tolerance < due || due < sub.scheduleSince) continue;
        const entry = repo.entry(sub.chatId, today);
        if (entry && (entry.state !== "sending" || entry.leaseUntil > now)) continue;
        slots.push({ chatId: sub.chatId, localDate: today });
      }
      // A few chats at a time: the outbox keeps Telegram's limits, and a chat paused by a
      // 429 does not hold up the others.
      const reports: DeliveryReport[] = [];
      let next = 0;
      const worker = async () => {
        for (let slot = slots[next++]; slot !== undefined; slot = slots[next++]) {
          const { chatId, localDate } = slot;
          const report = await settle(chatId, localDate, () => deliver(chatId, localDate, now));
          reports.push(report);
          o.onReport?.(report);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, slots.length) }, worker));
      return reports;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
