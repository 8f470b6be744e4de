import type { BotCommand } from "telegraf/types";
import { ApiError } from "./api-objects.js";
import { jsonParam, strParam } from "./http-body.js";

/** The bot's command lists (`setMyCommands`), one per scope and language. */
export class CommandSets {
  private readonly sets = new Map<string, BotCommand[]>();

  /** The key of a scope and language, as the Bot API parameters give them. */
  private key(params: Record<string, unknown>): string {
    const scope = jsonParam<Record<string, unknown>>(params.scope) ?? { type: "default" };
    const sorted = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
    return `${JSON.stringify(sorted)}|${strParam(params.language_code) ?? ""}`;
  }

  get(params: Record<string, unknown>): BotCommand[] | undefined {
    return this.sets.get(this.key(params));
  }

  /** Checks `commands` as Telegram does and keeps them for the scope and language. */
  set(params: Record<string, unknown>): void {
    const commands = jsonParam<unknown>(params.commands);
    if (!Array.isArray(commands)) throw new ApiError(400, 'Bad Request: parameter "commands" is required');
    if (commands.length > 100) throw new ApiError(400, "Bad Request: too many commands");
    const clean: BotCommand[] = [];
    for (const item of commands as Record<string, unknown>[]) {
      const command = String(item?.command ?? "");
      const description = String(item?.description ?? "");
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      if (description.length < 1 || description.length > 256) {
        throw new ApiError(400, "Bad Request: command description is invalid");
      }
      clean.push({ command, description });
    }
    this.sets.set(this.key(params), clean);
  }

  delete(params: Record<string, unknown>): void {
    this.sets.delete(this.key(params));
  }
}
