import type { Message, MessageEntity, Update, User } from "telegraf/types";
import { chatMember, documentObject, nowSeconds, withoutReply } from "./api-objects.js";
import type { CallbackQueries } from "./callback-queries.js";
import type { ChatDirectory } from "./chats.js";
import { detectEntities, entityText } from "./entities.js";
import type { MessageStore } from "./messages.js";
import type {
  BotMessage,
  ButtonSelector,
  EmulatorChat,
  EmulatorUser,
  MemberStatus,
  SentUserMessage,
  UserMessageContent,
} from "./types.js";
import type { UpdateQueues } from "./updates.js";

/**
 * What simulated users do, turned into the updates Telegram would send the bot: messages
 * (with the entities Telegram detects), button presses, adding, removing or blocking the
 * bot. In groups, privacy mode decides which messages reach the bot.
 */
export class UserActions {
  constructor(
    private readonly deps: {
      chats: ChatDirectory;
      messages: MessageStore;
      updates: UpdateQueues;
      callbackQueries: CallbackQueries;
      privacyMode: boolean;
    },
  ) {}

  /** Whether a group message reaches a bot in privacy mode. */
  private reachesBot(chatId: number, chatType: string, message: Record<string, unknown>): boolean {
    const { chats } = this.deps;
    if (chatType === "private" || !this.deps.privacyMode) return true;
    const status = chats.memberStatus(chatId, chats.botInfo.id);
    if (status === "administrator" || status === "creator") return true;
    const replyTo = message.reply_to_message as { from?: User } | undefined;
    if (replyTo?.from?.id === chats.botInfo.id) return true;
    const text = String(message.text ?? message.caption ?? "");
    const entities = (message.entities ?? message.caption_entities ?? []) as MessageEntity[];
    const me = chats.botInfo.username.toLowerCase();
    return entities.some((e) => {
      const value = entityText(text, e).toLowerCase();
      if (e.type === "mention") return value === `@${me}`;
      if (e.type === "bot_command") {
        const at = value.indexOf("@");
        return at === -1 || value.slice(at + 1) === me;
      }
      return false;
    });
  }

  send(token: string, user: EmulatorUser, chat: EmulatorChat, content: UserMessageContent): SentUserMessage {
    const { chats, messages } = this.deps;
    const from = chats.registerUser(user);
    chats.registerChat(chat, user);
    const chatObject = chats.chat(chat.id) ?? {};
    const messageId = messages.nextId();
    const message: Record<string, unknown> = {
      message_id: messageId,
      from,
      chat: chatObject,
      date: nowSeconds(),
    };
    if (content.replyTo !== undefined) {
      const replyId = typeof content.replyTo === "number" ? content.replyTo : content.replyTo.messageId;
      const target = messages.find(chat.id, replyId);
      if (!target) throw new Error(`no message ${replyId} in chat ${chat.id} to reply to`);
      message.reply_to_message = withoutReply(target.api);
    }
    if (content.text !== undefined) {
      message.text = content.text;
      const entities = content.entities ?? detectEntities(content.text);
      if (entities.length > 0) message.entities = entities;
    }
    if (content.voice) {
      message.voice = {
        file_id: content.voice.fileId,
        file_unique_id: content.voice.fileUniqueId,
        duration: content.voice.duration,
        mime_type: content.voice.mimeType,
        file_size: content.voice.size,
      };
    }
    if (content.document) {
      message.document = documentObject(content.document);
      if (content.caption !== undefined && content.caption !== "") {
        message.caption = content.caption;
        const entities = detectEntities(content.caption);
        if (entities.length > 0) message.caption_entities = entities;
      }
    }
    const api = message as unknown as Message;
    messages.storeUserMessage(token, chat.id, messageId, api);
    const botStatus = chats.memberStatus(chat.id, chats.botInfo.id);
    const botPresent =
      chat.type === "private" ? !chats.isBlockedBy(user.id) : botStatus !== "left" && botStatus !== "kicked";
    const updateId =
      botPresent && this.reachesBot(chat.id, chat.type, message)
        ? this.deps.updates.enqueue(token, { message: api })
        : null;
    return { messageId, updateId, message: api };
  }

  press(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    target: number | BotMessage,
    selector: ButtonSelector | { data: string },
  ): { callbackQueryId: string; updateId: number } {
    const { chats, messages } = this.deps;
    const from = chats.registerUser(user);
    chats.registerChat(chat, user);
    const messageId = typeof target === "number" ? target : target.messageId;
    const stored = messages.find(chat.id, messageId);
    if (!stored?.view) throw new Error(`no bot message ${messageId} in chat ${chat.id}`);
    let data: string;
    if (typeof selector === "object") {
      data = selector.data;
    } else {
      const buttons = (stored.view.replyMarkup?.inline_keyboard ?? []).flat() as Array<{
        text: string;
        callback_data?: string;
        url?: string;
      }>;
      const match =
        typeof selector === "function"
          ? buttons.find(selector)
          : (buttons.find((b) => b.callback_data === selector) ?? buttons.find((b) => b.text === selector));
      if (!match?.callback_data) {
        const labels = buttons.map((b) => `${b.text} (${b.callback_data ?? b.url ?? "?"})`).join(", ");
        throw new Error(
          `no callback button matching ${String(selector)} on message ${messageId}; buttons: ${labels}`,
        );
      }
      data = match.callback_data;
    }
    const callbackQueryId = this.deps.callbackQueries.open();
    const updateId = this.deps.updates.enqueue(token, {
      callback_query: {
        id: callbackQueryId,
        from,
        message: stored.api,
        chat_instance: String(Math.abs(chat.id * 7919 + chats.botInfo.id)),
        data,
      },
    } as unknown as Omit<Update, "update_id">);
    return { callbackQueryId, updateId };
  }

  /** The user adds, removes, bans or (un)blocks the bot: a `my_chat_member` update. */
  changeBotStatus(token: string, user: EmulatorUser, chat: EmulatorChat, status: MemberStatus): number {
    const { chats } = this.deps;
    const from = chats.registerUser(user);
    chats.registerChat(chat, user);
    const old = chats.memberStatus(chat.id, chats.botInfo.id);
    chats.setChatMember(chat.id, chats.botInfo.id, status);
    return this.deps.updates.enqueue(token, {
      my_chat_member: {
        chat: chats.chat(chat.id),
        from,
        date: nowSeconds(),
        old_chat_member: chatMember(chats.botUser(), old),
        new_chat_member: chatMember(chats.botUser(), status),
      },
    } as unknown as Omit<Update, "update_id">);
  }
}
