import { Telegram } from "telegraf";
import { type Clock, systemClock } from "../clock.js";
import { chatGone, telegramErrorInfo } from "../telegram/errors.js";
import { visibleText } from "../telegram/format/index.js";
import { installOutbox, type OutboxOptions } from "../telegram/outbox/index.js";
import type { ComposedDigest } from "./compose.js";
import type { DigestSender } from "./delivery.js";
import type { DigestRepository } from "./digest-store.js";
import type { DigestBuilder } from "./gather.js";
import { localDateOf } from "./local-time.js";
import { digestMessages } from "./messages.js";

/**
 * `npm run cli -- digest --chat <id> [--dry-run] [--json]`: composes a chat's digest now,
 * prints it, and unless it is a dry run sends it. A digest sent this way is a manual
 * extra: it advances the chat's changes window and remembers its "Bạn có biết?" passage,
 * but does not take the place of the scheduled digest of the day.
 */
export interface RunDigestCommandOptions {
  chatId: number;
  dryRun: boolean;
  /** Print one JSON object instead of the text. */
  json?: boolean;
  repo: DigestRepository;
  builder: Pick<DigestBuilder, "build">;
  zone: string;
  clock?: Clock;
  /** How to send (a Telegram client through the outbox, see `createTelegramSender`); required unless `dryRun`. */
  sender?: DigestSender;
  /** Where the output goes (stdout). */
  write: (text: string) => void;
}

export interface DigestCommandResult {
  exitCode: number;
  digest: ComposedDigest;
  messageIds: number[];
}

/** An error the CLI shows as is (Vietnamese), without a stack. */
export class DigestCommandError extends Error {
  override readonly name = "DigestCommandError";
}

export async function runDigestCommand(options: RunDigestCommandOptions): Promise<DigestCommandResult> {
  const clock = options.clock ?? systemClock;
  if (!options.dryRun && !options.sender) throw new DigestCommandError(digestMessages.cliNeedsToken);
  const now = clock.now();
  const sub = options.repo.subscription(options.chatId);
  const digest = await options.builder.build({
    chatId: options.chatId,
    localDate: localDateOf(now, options.zone),
    from: sub?.lastDigestAt ?? now - 24 * 3_600_000,
    to: now,
    quietPolicy: sub?.quietPolicy ?? "short",
  });
  const messageIds: number[] = [];
  if (!options.dryRun && options.sender && !digest.skipped) {
    for (const part of digest.parts) {
      try {
        const message = await options.sender.sendMessage(options.chatId, part, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
        messageIds.push(message.message_id);
      } catch (error) {
        const info = telegramErrorInfo(error);
        if (chatGone(info) === "bot_removed" && sub?.enabled) {
          options.repo.saveSubscription(
            options.chatId,
            { enabled: false, disabledReason: "bot_removed" },
            clock.now(),
            { time: sub.time, quietPolicy: sub.quietPolicy },
          );
        }
        throw new DigestCommandError(`Không gửi được bản tin tới ${options.chatId}: ${info.description}`, {
          cause: error,
        });
      }
    }
    options.repo.recordManual(options.chatId, now, digest.didYouKnowChunkId, clock.now());
  }

  if (options.json) {
    options.write(
      `${JSON.stringify({
        chatId: options.chatId,
        date: digest.date,
        quiet: digest.quiet,
        skipped: digest.skipped,
        sent: !options.dryRun && !digest.skipped,
        messageIds,
        parts: digest.parts,
        text: digest.parts.map((p) => visibleText(p)),
        citations: digest.citations.map(({ text: _text, ...c }) => c),
        didYouKnowChunkId: digest.didYouKnowChunkId,
      })}\n`,
    );
  } else if (digest.skipped) {
    options.write(`${digestMessages.cliNothing}\n`);
  } else {
    options.write(`${digest.parts.map((p) => visibleText(p).trim()).join("\n\n────────\n\n")}\n`);
    if (!options.dryRun) options.write(`\n${digestMessages.cliSent(options.chatId, messageIds.length)}\n`);
  }
  return { exitCode: 0, digest, messageIds };
}

/**
 * A Telegram client for one-off sends from the CLI, through its own outbox (Telegram's
 * limits, 429 waits). Call `drain()` before the process exits.
 */
export function createTelegramSender(options: {
  token: string;
  apiRoot?: string;
  outbox?: Omit<OutboxOptions, "clock">;
}): { sender: DigestSender; drain(): Promise<void> } {
  const telegram = new Telegram(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
  const outbox = installOutbox(telegram, options.outbox ?? {});
  return { sender: telegram, drain: () => outbox.drain() };
}
