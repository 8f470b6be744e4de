import type { Message, MessageEntity, Update } from "telegraf/types";
import { escapeRegExp } from "../../text/index.js";
import type { BotContext } from "../context.js";

/** A command at the start of a message: `/hoi@ten_bot câu hỏi` → { name: "hoi", target: "ten_bot", payload }. */
export interface ParsedCommand {
  name: string;
  /** The bot username after `@`, when given. */
  target: string | undefined;
  payload: string;
}

const COMMAND = /^\/([a-zA-Z0-9_]{1,32})(?:@([a-zA-Z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/;

/** Parses a leading bot command, or null when the text does not start with one. */
export function parseCommand(text: string): ParsedCommand | null {
  const match = COMMAND.exec(text.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), target: match[2], payload: (match[3] ?? "").trim() };
}

/** True when a command is meant for this bot (no `@target`, or `@` its own username). */
export function isOwnCommand(command: ParsedCommand, username: string | undefined): boolean {
  return (
    command.target === undefined || (!!username && command.target.toLowerCase() === username.toLowerCase())
  );
}

/** True when the text @mentions the bot (by entity, text mention, or plain `@username`). */
export function mentionsBot(
  text: string,
  entities: readonly MessageEntity[] | undefined,
  bot: { id: number; username?: string },
): boolean {
  const username = bot.username?.toLowerCase();
  for (const e of entities ?? []) {
    if (e.type === "text_mention" && e.user.id === bot.id) return true;
    if (
      e.type === "mention" &&
      username &&
      text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${username}`
    )
      return true;
  }
  if (!username) return false;
  return new RegExp(`(^|[^\\w@])@${escapeRegExp(username)}(?![\\w])`, "i").test(text);
}

/** Removes the bot's @mention from a question and tidies what is left. */
export function stripMention(text: string, username: string | undefined): string {
  if (!username) return text.trim();
  return text
    .replace(new RegExp(`@${escapeRegExp(username)}(?![\\w])`, "gi"), " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,:;.!-]+/, "")
    .trim();
}

type AnyMessage = Message & {
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  reply_to_message?: Message;
};

/** The message of a message update, or undefined. */
export function messageOf(ctx: BotContext): AnyMessage | undefined {
  const update = ctx.update as Update;
  return "message" in update ? (update.message as AnyMessage) : undefined;
}

/**
 * True when a message replies to one of the bot's messages: the replied message is from
 * the bot, or it is a known answer of this chat (some clients omit `from`).
 */
export function isReplyToBot(ctx: BotContext): boolean {
  const reply = messageOf(ctx)?.reply_to_message;
  if (!reply) return false;
  if (reply.from?.id !== undefined && reply.from.id === ctx.botInfo?.id) return true;
  return ctx.services.state.findAnswerByMessage(reply.chat.id, reply) !== null;
}

/**
 * Whether the bot should react to this update. Private chats: always. Groups: only when
 * the bot is @mentioned, a message replies to one of its messages, or a command is
 * meant for it. Button presses on the bot's own messages always are.
 */
export function isAddressedToBot(ctx: BotContext): boolean {
  if (ctx.callbackQuery) return true;
  const message = messageOf(ctx);
  if (!message) return false;
  if (message.chat.type === "private") return true;
  const text = message.text ?? message.caption ?? "";
  const command = parseCommand(text);
  if (command && isOwnCommand(command, ctx.botInfo?.username)) return true;
  if (ctx.botInfo && mentionsBot(text, message.entities, ctx.botInfo)) return true;
  return isReplyToBot(ctx);
}
