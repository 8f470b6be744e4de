import type { ComposedDigest } from "../../../src/digest/compose.js";
import type { DigestSender } from "../../../src/digest/delivery.js";
import type { DigestRepository } from "../../../src/digest/digest-store.js";
import type { BuildRequest, DigestBuilder } from "../../../src/digest/gather.js";
import { createLogger } from "../../../src/logger.js";
import { FakeTelegramError } from "../../support/fake-telegram.js";

/** Fakes for delivery tests: a clock you set, a Telegram that records, a builder that labels. */

export const silentLogger = createLogger({ level: "silent" });

export interface MutableClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function createMutableClock(start: number): MutableClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A message Telegram accepted. */
export interface Delivered {
  chatId: number;
  text: string;
  messageId: number;
  at: number;
}

/** What the next call does instead of succeeding. */
export type SendFault =
  | { kind: "telegram"; code: number; description: string; parameters?: Record<string, number> }
  | { kind: "network" }
  /** The process dies while the request is in flight: the promise never settles, nothing arrives. */
  | { kind: "hang" };

/**
 * A Telegram that keeps what it accepted ("the group's history", which the bot itself
 * cannot read). Faults are consumed in order.
 */
export function createFakeTelegram(clock: { now(): number }) {
  const delivered: Delivered[] = [];
  const faults: SendFault[] = [];
  let nextId = 1;
  const sender: DigestSender & { calls: number } = {
    calls: 0,
    async sendMessage(chatId, text) {
      sender.calls++;
      const fault = faults.shift();
      if (fault?.kind === "hang") return new Promise<never>(() => {});
      if (fault?.kind === "network")
        throw Object.assign(new Error("request failed, reason: ECONNRESET"), { code: "ECONNRESET" });
      if (fault?.kind === "telegram") {
        const error = new FakeTelegramError(fault.code, fault.description);
        if (fault.parameters) Object.assign(error.response, { parameters: fault.parameters });
        throw error;
      }
      const message = { chatId, text, messageId: nextId++, at: clock.now() };
      delivered.push(message);
      return { message_id: message.messageId };
    },
  };
  return {
    sender,
    delivered,
    failNext: (fault: SendFault) => faults.push(fault),
    /** Messages to `chatId` whose text starts with the digest label of `date`. */
    digestsOf: (chatId: number, date?: string) =>
      delivered.filter((m) => m.chatId === chatId && (date === undefined || m.text.includes(`date=${date}`))),
  };
}

/** A builder whose parts name the chat, date and part: content is tested elsewhere. */
export function createLabelBuilder(
  options: { parts?: (chatId: number) => number; skip?: (chatId: number) => boolean } = {},
) {
  const requests: BuildRequest[] = [];
  const builder: Pick<DigestBuilder, "build"> = {
    async build(request) {
      requests.push(request);
      const n = options.parts?.(request.chatId) ?? 1;
      const skipped = options.skip?.(request.chatId) ?? false;
      const parts = skipped
        ? []
        : Array.from(
            { length: n },
            (_, i) => `DIGEST chat=${request.chatId} date=${request.localDate} part=${i}`,
          );
      const digest: ComposedDigest = {
        date: request.localDate,
        zone: "test",
        quiet: skipped,
        skipped,
        sections: [],
        parts,
        citations: [],
        didYouKnowChunkId: skipped ? null : `chunk-${request.localDate}`,
        changes: [],
        topics: [],
        questionCount: 0,
      };
      return digest;
    },
  };
  return { builder, requests };
}

/** Thrown by a repository whose process "died". */
export class SimulatedCrash extends Error {
  override readonly name = "SimulatedCrash";
}

/**
 * Wraps a repository so a test can make the process die at the worst moment: right
 * after Telegram accepted a part, before `recordPart` commits. After the crash every
 * write throws (the process is gone).
 */
export function crashableRepo(repo: DigestRepository) {
  /** recordPart calls left before the one that dies (0: none planned). */
  let crashAt = 0;
  let dead = false;
  const wrapped: DigestRepository = new Proxy(repo, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (dead) throw new SimulatedCrash("the process is gone");
        if (prop === "recordPart" && crashAt > 0 && --crashAt === 0) {
          dead = true;
          throw new SimulatedCrash("died between send and record");
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    repo: wrapped,
    /** Dies at the `nth` record of a sent part from now (default the next one), before it commits. */
    crashBeforeRecord: (nth = 1) => {
      crashAt = nth;
    },
    kill: () => {
      dead = true;
    },
    isDead: () => dead,
  };
}
