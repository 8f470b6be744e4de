import type { Context, Telegraf } from "telegraf";

/** A bot long-polling an emulator, and how to stop it cleanly. */
export interface RunningBot {
  stop(): Promise<void>;
}

/**
 * Launches `bot` with long polling and resolves once it has fetched its identity and
 * started polling. `stop()` ends polling and waits for telegraf's final offset sync.
 */
export async function launchBot<C extends Context>(bot: Telegraf<C>): Promise<RunningBot> {
  let launched!: () => void;
  const started = new Promise<void>((resolve) => {
    launched = resolve;
  });
  const running = bot.launch({ dropPendingUpdates: false }, () => launched());
  running.catch(() => undefined);
  await Promise.race([started, running]);
  return {
    async stop() {
      try {
        bot.stop("test finished");
      } catch {
        // already stopped
      }
      await running.catch(() => undefined);
    },
  };
}
