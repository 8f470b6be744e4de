import { escapeHtml } from "../telegram/format/index.js";

/** How often a streamed answer may be edited in one chat (Telegram tolerates about 1/s). */
export const STREAM_EDIT_INTERVAL_MS = 1000;
/** A streamed draft longer than this is cut (the final answer is split properly). */
const DRAFT_LIMIT = 3500;

export interface StreamingReplyDeps {
  /** Sends the first draft; resolves with the new message. */
  send(html: string): Promise<{ message_id: number; date: number }>;
  /** Replaces the draft's text. */
  edit(messageId: number, html: string): Promise<void>;
  /** Called once, when the first text is on screen (e.g. to stop "typing…"). */
  onFirstText?: () => void;
  now?: () => number;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface StreamingReply {
  /** Feed the whole text so far (the ChatModel's onDelta). */
  onDelta(textSoFar: string): void;
  /** Waits for the edit in flight; the draft message, if one was sent. */
  finish(): Promise<{ message_id: number; date: number } | null>;
}

/**
 * An answer that grows in Telegram while the model writes it: the first text is sent
 * as a message, then the message is edited at most once per `intervalMs` (flood-safe:
 * one edit in flight at a time, and the outgoing queue obeys 429). The caller makes the
 * final edit with the checked answer, its sources and buttons.
 */
export function createStreamingReply(deps: StreamingReplyDeps): StreamingReply {
  const now = deps.now ?? Date.now;
  const interval = deps.intervalMs ?? STREAM_EDIT_INTERVAL_MS;
  let message: { message_id: number; date: number } | null = null;
  let inFlight: Promise<void> | null = null;
  let lastShown = "";
  let lastAt = 0;
  let latest = "";

  const draft = (text: string) => {
    const cut = text.length > DRAFT_LIMIT ? `${text.slice(0, DRAFT_LIMIT)}` : text;
    return `${escapeHtml(cut)} …`;
  };
  const flush = () => {
    if (inFlight || latest === lastShown || latest.trim() === "") return;
    if (message && now() - lastAt < interval) return;
    const text = latest;
    lastAt = now();
    const step = message
      ? deps.edit(message.message_id, draft(text))
      : deps.send(draft(text)).then((sent) => {
          message = sent;
          deps.onFirstText?.();
        });
    inFlight = step
      .then(() => {
        lastShown = text;
      })
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        inFlight = null;
      });
  };
  return {
    onDelta(textSoFar) {
      latest = textSoFar;
      flush();
    },
    async finish() {
      while (inFlight) await inFlight;
      return message;
    },
  };
}
