import type { Clock } from "../clock.js";
import type { ComposedDigest } from "./compose.js";
import type { DigestRepository, Subscription } from "./digest-store.js";
import type { DigestBuilder } from "./gather.js";
import { localDateOf } from "./local-time.js";
import type { QuietPolicy } from "./messages.js";

/**
 * What `/bantin` needs: a chat's settings, turning the digest on and off, the quiet-day
 * policy and a preview. Changes are announced to listeners (the scheduler re-arms the
 * chat's timer).
 */
export interface DigestService {
  /** The configured zone (TZ) every digest time is read in. */
  readonly zone: string;
  /** DIGEST_TIME, "HH:MM". */
  readonly defaultTime: string;
  subscription(chatId: number): Subscription | null;
  /** Turns the digest on (at `time`, or the chat's time, or the default). */
  subscribe(chatId: number, options?: { time?: string; byUserId?: number; chatTitle?: string }): Subscription;
  /** Turns it off; false when it was not on. */
  unsubscribe(chatId: number, options?: { byUserId?: number; reason?: string }): boolean;
  setQuietPolicy(chatId: number, policy: QuietPolicy, byUserId?: number): Subscription;
  /** A group became a supergroup: its settings follow the new id. */
  moveChat(fromChatId: number, toChatId: number): void;
  /** The digest the chat would get now, short form on a quiet day (nothing is recorded). */
  preview(chatId: number): Promise<ComposedDigest>;
  /** The last digests of a chat, newest first. */
  history(chatId: number, limit?: number): ReturnType<DigestRepository["history"]>;
  /** Calls `listener` with the chat id whenever a chat's settings change. */
  onChange(listener: (chatId: number) => void): () => void;
  /** Announces a change made elsewhere (delivery unsubscribed a chat). */
  notifyChange(chatId: number): void;
}

export interface DigestServiceDeps {
  repo: DigestRepository;
  builder: Pick<DigestBuilder, "build">;
  clock: Clock;
  zone: string;
  defaultTime: string;
  /** Changes window of a chat's first digest (and of a preview before it). Default 24 h. */
  firstWindowMs?: number;
}

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { repo, clock } = deps;
  const listeners = new Set<(chatId: number) => void>();
  const defaults = { time: deps.defaultTime, quietPolicy: "short" as QuietPolicy };
  const notify = (chatId: number) => {
    for (const listener of listeners) listener(chatId);
  };
  return {
    zone: deps.zone,
    defaultTime: deps.defaultTime,
    subscription: (chatId) => repo.subscription(chatId),
    subscribe(chatId, options = {}) {
      const sub = repo.saveSubscription(
        chatId,
        {
          enabled: true,
          ...(options.time ? { time: options.time } : {}),
          ...(options.chatTitle !== undefined ? { chatTitle: options.chatTitle } : {}),
          byUserId: options.byUserId ?? null,
        },
        clock.now(),
        defaults,
      );
      notify(chatId);
      return sub;
    },
    unsubscribe(chatId, options = {}) {
      const current = repo.subscription(chatId);
      if (!current?.enabled) return false;
      repo.saveSubscription(
        chatId,
        { enabled: false, disabledReason: options.reason ?? "command", byUserId: options.byUserId ?? null },
        clock.now(),
        defaults,
      );
      notify(chatId);
      return true;
    },
    setQuietPolicy(chatId, policy, byUserId) {
      const sub = repo.saveSubscription(
        chatId,
        { quietPolicy: policy, byUserId: byUserId ?? null },
        clock.now(),
        defaults,
      );
      notify(chatId);
      return sub;
    },
    moveChat(fromChatId, toChatId) {
      repo.moveChat(fromChatId, toChatId, clock.now());
      notify(fromChatId);
      notify(toChatId);
    },
    async preview(chatId) {
      const now = clock.now();
      const sub = repo.subscription(chatId);
      return deps.builder.build({
        chatId,
        localDate: localDateOf(now, deps.zone),
        from: sub?.lastDigestAt ?? now - (deps.firstWindowMs ?? 24 * 3_600_000),
        to: now,
        // A preview always shows what there is; the caller notes a "none" policy on a quiet day.
        quietPolicy: "short",
      });
    },
    history: (chatId, limit = 10) => repo.history(chatId, limit),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyChange: notify,
  };
}
