import type { MessageEntity } from "telegraf/types";

const COMMAND = /(^|[\s([{])(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?![A-Za-z0-9_@])/g;
const MENTION = /(^|[^A-Za-z0-9_@/])(@[A-Za-z0-9_]{3,32})(?![A-Za-z0-9_])/g;

/**
 * The entities Telegram adds to a user's text that matter to a bot: `bot_command`
 * (`/start`, `/hoi@SomeBot`) and `mention` (`@SomeBot`). Offsets and lengths are in
 * UTF-16 code units, as in the Bot API.
 */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(COMMAND)) {
    const offset = (m.index ?? 0) + (m[1] ?? "").length;
    entities.push({ type: "bot_command", offset, length: (m[2] ?? "").length });
  }
  for (const m of text.matchAll(MENTION)) {
    const offset = (m.index ?? 0) + (m[1] ?? "").length;
    entities.push({ type: "mention", offset, length: (m[2] ?? "").length });
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

/** The text an entity covers. */
export function entityText(text: string, entity: MessageEntity): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}
