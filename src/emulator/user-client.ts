import type {
  BotIdentity,
  BotMessage,
  ButtonSelector,
  EmulatorChat,
  EmulatorUser,
  MemberStatus,
  SendTextOptions,
  SentUserMessage,
  StoredFile,
  UserDocument,
  UserMessageContent,
  UserVoice,
  WaitOptions,
} from "./types.js";

/** What a user client needs from the emulator (kept narrow so the client stays a thin facade). */
export interface EmulatorCore {
  readonly botInfo: BotIdentity;
  userSend(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    content: UserMessageContent,
  ): SentUserMessage;
  userPress(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    target: number | BotMessage,
    selector: ButtonSelector | { data: string },
  ): { callbackQueryId: string; updateId: number };
  userChangeBotStatus(token: string, user: EmulatorUser, chat: EmulatorChat, status: MemberStatus): number;
  setBlocked(userId: number, blocked: boolean): void;
  registerFile(input: {
    bytes: Buffer | Uint8Array | string;
    fileName: string;
    mimeType?: string;
  }): StoredFile;
  botMessages(chatId: number, options?: { includeDeleted?: boolean }): BotMessage[];
  waitForBotMessage(
    chatId: number,
    predicate?: (message: BotMessage) => boolean,
    options?: number | WaitOptions,
  ): Promise<BotMessage>;
}

/**
 * One user in one chat, as a test or the sandbox plays them. Every action becomes an
 * update the bot receives through getUpdates (or its webhook). In groups, privacy mode
 * applies: plain chatter does not reach the bot (see the emulator options).
 */
export interface UserClient {
  readonly user: EmulatorUser;
  readonly chat: EmulatorChat;
  /** A text message; commands and @mentions get their entities automatically. */
  sendText(text: string, options?: SendTextOptions): Promise<SentUserMessage>;
  /** `/command args`; in groups `mention: true` writes `/command@BotName`. */
  sendCommand(command: string, args?: string, options?: { mention?: boolean }): Promise<SentUserMessage>;
  /** `@BotName text`, the way users address a bot in a group. */
  mentionBot(text: string): Promise<SentUserMessage>;
  /** A reply to one of the bot's messages (in groups, replies to the bot reach it). */
  replyTo(message: BotMessage | number, text: string): Promise<SentUserMessage>;
  /** Press an inline button of a bot message, chosen by callback data, label or predicate. */
  pressButton(
    message: BotMessage | number,
    button: ButtonSelector,
  ): Promise<{ callbackQueryId: string; updateId: number }>;
  /** A callback query with arbitrary data (e.g. forged or stale), without checking the keyboard. */
  sendCallbackData(
    message: BotMessage | number,
    data: string,
  ): Promise<{ callbackQueryId: string; updateId: number }>;
  /** Send a file to the bot; the update carries `message.document` and the optional caption. */
  sendDocument(document: UserDocument): Promise<SentUserMessage & { file: StoredFile }>;
  /** Send a voice note; the update carries `message.voice` (OGG/Opus as Telegram records). */
  sendVoice(voice: UserVoice): Promise<SentUserMessage & { file: StoredFile }>;
  /** The bot's messages in this chat, oldest first. */
  botMessages(): BotMessage[];
  /** The bot's next message in this chat after this user's last message (see {@link WaitOptions}). */
  waitForBotMessage(
    predicate?: (message: BotMessage) => boolean,
    options?: number | WaitOptions,
  ): Promise<BotMessage>;
  /** Group only: the user adds the bot (a `my_chat_member` update; status "member" or "administrator"). */
  addBotToChat(status?: "member" | "administrator"): Promise<number>;
  /** Group only: the user removes the bot ("left"), or bans it (`ban: true`, "kicked"). */
  removeBotFromChat(options?: { ban?: boolean }): Promise<number>;
  /** Private chat only: the user blocks the bot; sends to the chat then fail with 403. */
  blockBot(): Promise<number>;
  unblockBot(): Promise<number>;
}

/** Builds the client; use `emulator.createUserClient` rather than calling this directly. */
export function createUserClient(
  core: EmulatorCore,
  token: string,
  user: EmulatorUser,
  chat: EmulatorChat,
): UserClient {
  const requireGroup = (what: string) => {
    if (chat.type === "private") throw new Error(`${what} needs a group chat`);
  };
  const requirePrivate = (what: string) => {
    if (chat.type !== "private") throw new Error(`${what} needs a private chat`);
  };
  return {
    user,
    chat,
    sendText: async (text, options = {}) =>
      core.userSend(token, user, chat, {
        text,
        ...(options.entities ? { entities: options.entities } : {}),
        ...(options.replyTo !== undefined ? { replyTo: options.replyTo } : {}),
      }),
    sendCommand: async (command, args, options = {}) => {
      const name = command.replace(/^\//, "");
      const suffix = options.mention ? `@${core.botInfo.username}` : "";
      const text = `/${name}${suffix}${args ? ` ${args}` : ""}`;
      return core.userSend(token, user, chat, { text });
    },
    mentionBot: async (text) =>
      core.userSend(token, user, chat, { text: `@${core.botInfo.username} ${text}` }),
    replyTo: async (message, text) => core.userSend(token, user, chat, { text, replyTo: message }),
    pressButton: async (message, button) => core.userPress(token, user, chat, message, button),
    sendCallbackData: async (message, data) => core.userPress(token, user, chat, message, { data }),
    sendDocument: async (document) => {
      const file = core.registerFile({
        bytes: document.bytes,
        fileName: document.fileName,
        ...(document.mimeType ? { mimeType: document.mimeType } : {}),
      });
      const sent = core.userSend(token, user, chat, {
        document: file,
        ...(document.caption !== undefined ? { caption: document.caption } : {}),
        ...(document.replyTo !== undefined ? { replyTo: document.replyTo } : {}),
      });
      return { ...sent, file };
    },
    sendVoice: async (voice) => {
      const file = core.registerFile({ bytes: voice.bytes, fileName: "voice.ogg", mimeType: "audio/ogg" });
      const sent = core.userSend(token, user, chat, {
        voice: { ...file, duration: voice.duration },
        ...(voice.replyTo !== undefined ? { replyTo: voice.replyTo } : {}),
      });
      return { ...sent, file };
    },
    botMessages: () => core.botMessages(chat.id),
    waitForBotMessage: (predicate, options) => core.waitForBotMessage(chat.id, predicate, options),
    addBotToChat: async (status = "member") => {
      requireGroup("addBotToChat");
      return core.userChangeBotStatus(token, user, chat, status);
    },
    removeBotFromChat: async (options = {}) => {
      requireGroup("removeBotFromChat");
      return core.userChangeBotStatus(token, user, chat, options.ban ? "kicked" : "left");
    },
    blockBot: async () => {
      requirePrivate("blockBot");
      core.setBlocked(user.id, true);
      return core.userChangeBotStatus(token, user, chat, "kicked");
    },
    unblockBot: async () => {
      requirePrivate("unblockBot");
      core.setBlocked(user.id, false);
      return core.userChangeBotStatus(token, user, chat, "member");
    },
  };
}
