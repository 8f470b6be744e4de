import type { InlineKeyboardMarkup, Message, User } from "telegraf/types";
import { ApiError, documentObject, nowSeconds, photoSizeObject, withoutReply } from "./api-objects.js";
import type { EmulatorEvents } from "./events.js";
import type { BotMessage, StoredFile } from "./types.js";

/** A message in a chat, from the bot or a user, as the emulator keeps it. */
export interface StoredMessage {
  chatId: number;
  messageId: number;
  token: string;
  fromBot: boolean;
  deleted: boolean;
  api: Message;
  /** Present for bot messages. */
  view?: BotMessage;
}

export type StoredBotMessage = StoredMessage & { view: BotMessage };

/** What the bot sends in one message. */
export interface BotMessageContent {
  kind: "text" | "document" | "photo";
  text: string;
  parseMode?: string;
  plainText: string;
  replyMarkup?: InlineKeyboardMarkup;
  replyTo?: StoredMessage;
  document?: StoredFile;
  photo?: StoredFile & { width: number; height: number };
}

/** An edit's new content; an absent parse mode or markup means the edited message has none. */
export interface MessageEdit {
  text: string;
  parseMode: string | undefined;
  plainText: string;
  replyMarkup: InlineKeyboardMarkup | undefined;
}

/**
 * The messages of every chat, users' and the bot's, with the bot's kept as the tests read
 * them ({@link BotMessage}, current after edits). Every change to a bot message is a
 * "message" event.
 */
export class MessageStore {
  private nextMessageId = 1;
  private readonly messages = new Map<string, StoredMessage>();
  private readonly botMessageViews: BotMessage[] = [];
  private readonly lastUserMessage = new Map<number, number>();

  constructor(
    private readonly events: EmulatorEvents,
    /** The bot as the sender of its messages. */
    private readonly botUser: () => User,
  ) {}

  /** The next message id (one sequence for every chat, as the emulator has always numbered). */
  nextId(): number {
    return this.nextMessageId++;
  }

  /** A message not deleted. */
  find(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.messages.get(`${chatId}:${messageId}`);
    return stored && !stored.deleted ? stored : undefined;
  }

  storeUserMessage(token: string, chatId: number, messageId: number, api: Message): void {
    this.messages.set(`${chatId}:${messageId}`, {
      chatId,
      messageId,
      token,
      fromBot: false,
      deleted: false,
      api,
    });
    this.lastUserMessage.set(chatId, messageId);
  }

  /** The id of the last message a user sent in a chat through the emulator. */
  lastUserMessageId(chatId: number): number | undefined {
    return this.lastUserMessage.get(chatId);
  }

  storeBotMessage(token: string, chat: Record<string, unknown>, content: BotMessageContent): BotMessage {
    const messageId = this.nextId();
    const chatId = Number(chat.id);
    const date = nowSeconds();
    const api: Record<string, unknown> = { message_id: messageId, from: this.botUser(), chat, date };
    if (content.kind === "text") api.text = content.plainText;
    if (content.document) {
      api.document = documentObject(content.document);
      if (content.plainText !== "") api.caption = content.plainText;
    }
    if (content.photo) {
      api.photo = [photoSizeObject(content.photo)];
      if (content.plainText !== "") api.caption = content.plainText;
    }
    if (content.replyMarkup) api.reply_markup = content.replyMarkup;
    if (content.replyTo) api.reply_to_message = withoutReply(content.replyTo.api);
    const view: BotMessage = {
      messageId,
      chatId,
      date,
      kind: content.kind,
      text: content.text,
      ...(content.parseMode ? { parseMode: content.parseMode } : {}),
      plainText: content.plainText,
      ...(content.replyMarkup ? { replyMarkup: content.replyMarkup } : {}),
      ...(content.replyTo ? { replyToMessageId: content.replyTo.messageId } : {}),
      ...(content.document ? { document: content.document } : {}),
      ...(content.photo ? { photo: content.photo } : {}),
      editCount: 0,
      deleted: false,
      apiMessage: api as unknown as Message,
    };
    this.messages.set(`${chatId}:${messageId}`, {
      chatId,
      messageId,
      token,
      fromBot: true,
      deleted: false,
      api: view.apiMessage,
      view,
    });
    this.botMessageViews.push(view);
    this.events.emit("message", view, "new");
    return view;
  }

  /** Applies an edit, or answers Telegram's "message is not modified" when nothing changes. */
  applyEdit(stored: StoredBotMessage, next: MessageEdit): Message {
    const view = stored.view;
    const same =
      view.text === next.text &&
      (view.parseMode ?? "") === (next.parseMode ?? "") &&
      JSON.stringify(view.replyMarkup ?? null) === JSON.stringify(next.replyMarkup ?? null);
    if (same) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    view.text = next.text;
    view.plainText = next.plainText;
    if (next.parseMode) view.parseMode = next.parseMode;
    else delete view.parseMode;
    if (next.replyMarkup) view.replyMarkup = next.replyMarkup;
    else delete view.replyMarkup;
    view.editCount += 1;
    const api: Record<string, unknown> = { ...(view.apiMessage as unknown as Record<string, unknown>) };
    if (view.kind === "text") api.text = next.plainText;
    else if (next.plainText === "") delete api.caption;
    else api.caption = next.plainText;
    if (next.replyMarkup) api.reply_markup = next.replyMarkup;
    else delete api.reply_markup;
    api.edit_date = nowSeconds();
    view.apiMessage = api as unknown as Message;
    stored.api = view.apiMessage;
    this.events.emit("message", view, "edited");
    return view.apiMessage;
  }

  delete(stored: StoredMessage): void {
    stored.deleted = true;
    if (stored.view) stored.view.deleted = true;
    this.events.emit("message", stored.view, "deleted");
  }

  /** The bot's messages in a chat, oldest first. */
  botMessages(chatId: number, options: { includeDeleted?: boolean } = {}): BotMessage[] {
    return this.botMessageViews.filter((m) => m.chatId === chatId && (options.includeDeleted || !m.deleted));
  }
}
