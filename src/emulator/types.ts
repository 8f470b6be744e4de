import type { InlineKeyboardMarkup, Message, MessageEntity } from "telegraf/types";

/** Chat kinds the emulator knows. Channels are not emulated. */
export type ChatType = "private" | "group" | "supergroup";

/** A human user as tests and the sandbox describe it. */
export interface EmulatorUser {
  id: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** A chat the user writes in. For a private chat, `id` is the user's id. */
export interface EmulatorChat {
  id: number;
  type: ChatType;
  /** Group title; ignored for private chats. */
  title?: string;
}

/** Chat member statuses as the Bot API names them. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** The bot's own identity, as `getMe` reports it. */
export interface BotIdentity {
  id: number;
  username: string;
  firstName: string;
}

/**
 * An error to inject into the next call(s) of a method. The HTTP status equals the
 * Bot API `error_code`, and the body has the real shape
 * `{ ok: false, error_code, description, parameters?: { retry_after } }`.
 * `{ network: "reset" }` drops the connection without answering (the client sees ECONNRESET).
 */
export type Fault =
  | { status: 429; retryAfter: number; description?: string }
  | { status: 500 | 502 | 503 | 504; description?: string }
  | { status: 400 | 401 | 403 | 404 | 409; description?: string }
  | { network: "reset" };

/** One Bot API call the bot made, in arrival order. */
export interface RecordedCall {
  method: string;
  token: string;
  /** Parameters as received; uploaded files appear as `{ fileName, mimeType, size }`. */
  params: Record<string, unknown>;
  /** Milliseconds since the epoch when the call arrived. */
  at: number;
  /** HTTP status the emulator answered with (0 when the connection was dropped). */
  status: number;
  /** The error description when the call failed. */
  error?: string;
}

/** A file known to the emulator: uploaded by a user, or sent by the bot. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** Path for `getFile` and the download route `/file/bot<token>/<filePath>`. */
  filePath: string;
  bytes: Buffer;
}

/** A message the bot sent, with its current content (after edits). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  /** Unix time in seconds. */
  date: number;
  kind: "text" | "document" | "photo";
  /** The `text` (or document or photo `caption`) parameter exactly as sent, e.g. HTML source. */
  text: string;
  parseMode?: string;
  /** What a user sees: tags removed and entities decoded for HTML; `text` otherwise. */
  plainText: string;
  replyMarkup?: InlineKeyboardMarkup;
  replyToMessageId?: number;
  document?: StoredFile;
  /** A photo the bot sent (`sendPhoto`), as uploaded, with the size read from a PNG header. */
  photo?: StoredFile & { width: number; height: number };
  editCount: number;
  deleted: boolean;
  /** The Bot API `Message` object as returned to the bot. */
  apiMessage: Message;
}

/** What a simulated user sends: text (with entities), or a document with a caption; maybe as a reply. */
export interface UserMessageContent {
  text?: string;
  entities?: MessageEntity[];
  document?: StoredFile;
  /** A voice note: the recording and its length in seconds. */
  voice?: StoredFile & { duration: number };
  caption?: string;
  replyTo?: number | BotMessage;
}

/** What a user-side send returns. */
export interface SentUserMessage {
  messageId: number;
  /** The update that carries it, or null when the bot does not get it (privacy mode, bot not in the chat). */
  updateId: number | null;
  message: Message;
}

/** Options for a user's text message. */
export interface SendTextOptions {
  /** Reply to this message (a bot message or a message id in the same chat). */
  replyTo?: number | BotMessage;
  /** Explicit entities; by default bot commands and @mentions are detected like Telegram does. */
  entities?: MessageEntity[];
}

/** A document a user sends to the bot. */
export interface UserDocument {
  bytes: Buffer | Uint8Array | string;
  fileName: string;
  /** Guessed from the file name when omitted. */
  mimeType?: string;
  caption?: string;
  replyTo?: number | BotMessage;
}

/** A voice note a simulated user records. */
export interface UserVoice {
  bytes: Buffer | Uint8Array | string;
  /** Seconds. */
  duration: number;
  replyTo?: number | BotMessage;
}

/** Options for waiting on a bot message. */
export interface WaitOptions {
  timeoutMs?: number;
  /**
   * Only messages with a larger id count. Defaults to the id of the last message a user
   * sent in that chat through the emulator, so "the reply to what I just sent".
   */
  afterMessageId?: number;
}

/** Selects an inline button by its callback data or label, or with a predicate. */
export type ButtonSelector =
  | string
  | ((button: { text: string; callback_data?: string; url?: string }) => boolean);
