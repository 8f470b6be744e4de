import type { Clock } from "../../clock.js";

/** Telegram's answer to an edit that changes nothing; harmless for a progress message. */
export function isNotModified(error: unknown): boolean {
  const description =
    (error as { response?: { description?: unknown } } | null)?.response?.description ??
    (error as { description?: unknown } | null)?.description ??
    (error instanceof Error ? error.message : "");
  return typeof description === "string" && description.includes("message is not modified");
}

/** How a progress message is changed: the caller edits one Telegram message. */
export type EditMessage = (text: string) => Promise<unknown>;

export interface ProgressMessageOptions {
  edit: EditMessage;
  clock: Clock;
  /** Least time between two edits (Telegram allows about one edit a second per chat). Default 1000 ms. */
  minIntervalMs?: number;
  /** Called for an edit that failed for another reason than "not modified". */
  onError?: (error: unknown) => void;
  /**
   * When the message was last sent or edited (e.g. just now, when it was created), so the
   * first edit keeps the interval too. Default: long ago (the first edit goes at once).
   */
  lastEditAt?: number;
  /** Timer, replaceable in tests. */
  schedule?: (fn: () => void, ms: number) => { cancel(): void };
}

/**
 * One message that shows an upload's progress (đang tải → đang đọc 40% → đang lập chỉ
 * mục), edited in place. `update` is cheap to call often: edits are throttled to one per
 * `minIntervalMs`, the latest text wins, an unchanged text is not sent, and edits never
 * overlap. `finish` waits for the edit in flight, then sets the final text at once.
 */
export interface ProgressMessage {
  update(text: string): void;
  /** Sets the final text (the card or the error) with `finalEdit`; later updates are ignored. */
  finish(finalEdit: () => Promise<unknown>): Promise<void>;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(timer) };
};

export function createProgressMessage(options: ProgressMessageOptions): ProgressMessage {
  const interval = options.minIntervalMs ?? 1000;
  const schedule = options.schedule ?? defaultSchedule;
  let lastEditAt = options.lastEditAt ?? Number.NEGATIVE_INFINITY;
  let shown: string | null = null;
  let wanted: string | null = null;
  let timer: { cancel(): void } | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let finished = false;

  const send = () => {
    timer = null;
    const text = wanted;
    wanted = null;
    if (finished || text === null || text === shown) return;
    shown = text;
    lastEditAt = options.clock.now();
    inFlight = inFlight.then(() =>
      options.edit(text).then(
        () => undefined,
        (error: unknown) => {
          if (!isNotModified(error)) options.onError?.(error);
        },
      ),
    );
  };

  return {
    update(text) {
      if (finished || text === (wanted ?? shown)) return;
      wanted = text;
      if (timer) return;
      const wait = lastEditAt + interval - options.clock.now();
      if (wait <= 0) send();
      else timer = schedule(send, wait);
    },
    async finish(finalEdit) {
      finished = true;
      timer?.cancel();
      timer = null;
      wanted = null;
      await inFlight;
      try {
        await finalEdit();
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
    },
  };
}
