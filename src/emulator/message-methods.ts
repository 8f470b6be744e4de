import type { InlineKeyboardMarkup, Message } from "telegraf/types";
import { ApiError, byteLength, guessMimeType, pngSize } from "./api-objects.js";
import type { ChatDirectory } from "./chats.js";
import type { CallContext, Handlers } from "./dispatch.js";
import type { FileStore } from "./files.js";
import { boolParam, jsonParam, numParam, strParam } from "./http-body.js";
import type { MessageStore, StoredBotMessage, StoredMessage } from "./messages.js";
import { parseTelegramHtml } from "./telegram-html.js";
import type { StoredFile } from "./types.js";

/**
 * The Bot API methods that send, edit and delete messages, with Telegram's checks and
 * error texts: HTML that does not parse, empty or too long text, bad buttons, a reply to a
 * message that is gone, a chat the bot may not write to.
 */
export function messageMethods(chats: ChatDirectory, messages: MessageStore, files: FileStore): Handlers {
  /** What a user sees of `text`: HTML parsed as Telegram parses it (or refused like it). */
  const visibleText = (text: string, parseMode: string | undefined): string => {
    if (parseMode?.toLowerCase() !== "html") return text;
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${parsed.error}`);
    return parsed.text;
  };

  const readMarkup = (value: unknown): InlineKeyboardMarkup | undefined => {
    const markup = jsonParam<Record<string, unknown>>(value);
    if (!markup || !("inline_keyboard" in markup)) return undefined;
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
    for (const row of rows) {
      if (!Array.isArray(row)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
      for (const button of row as Record<string, unknown>[]) {
        if (typeof button.text !== "string" || button.text === "") {
          throw new ApiError(400, "Bad Request: BUTTON_TEXT_INVALID");
        }
        if (button.callback_data !== undefined) {
          const data = String(button.callback_data);
          if (byteLength(data) < 1 || byteLength(data) > 64)
            throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
        }
      }
    }
    return markup as unknown as InlineKeyboardMarkup;
  };

  const readReplyTo = (params: Record<string, unknown>, chatId: number): StoredMessage | undefined => {
    const replyParameters = jsonParam<Record<string, unknown>>(params.reply_parameters);
    const messageId = numParam(replyParameters?.message_id) ?? numParam(params.reply_to_message_id);
    if (messageId === undefined) return undefined;
    const found = messages.find(chatId, messageId);
    if (found) return found;
    const allow =
      boolParam(params.allow_sending_without_reply) ||
      boolParam(replyParameters?.allow_sending_without_reply);
    if (allow) return undefined;
    throw new ApiError(400, "Bad Request: message to be replied not found");
  };

  /** A sent file's caption as a message shows it: text, entities' mode, buttons, reply. */
  const captionOf = (c: CallContext, chatId: number) => {
    const caption = strParam(c.params.caption) ?? "";
    const parseMode = strParam(c.params.parse_mode);
    const plainText = visibleText(caption, parseMode);
    if (plainText.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    const replyMarkup = readMarkup(c.params.reply_markup);
    const replyTo = readReplyTo(c.params, chatId);
    return {
      text: caption,
      ...(parseMode ? { parseMode } : {}),
      plainText,
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyTo ? { replyTo } : {}),
    };
  };

  const requireBotMessageForEdit = (c: CallContext): StoredBotMessage => {
    if (c.params.inline_message_id !== undefined) {
      throw new ApiError(400, "Bad Request: inline messages are not supported by the emulator");
    }
    const chat = chats.requireChat(c.params.chat_id);
    const messageId = numParam(c.params.message_id);
    if (messageId === undefined) throw new ApiError(400, "Bad Request: message identifier is not specified");
    const stored = messages.find(Number(chat.id), messageId);
    if (!stored) throw new ApiError(400, "Bad Request: message to edit not found");
    if (!stored.fromBot || !stored.view) throw new ApiError(400, "Bad Request: message can't be edited");
    return stored as StoredBotMessage;
  };

  return {
    sendMessage: (c): Message => {
      const chat = chats.requireChat(c.params.chat_id);
      chats.assertCanSend(chat);
      const text = strParam(c.params.text) ?? "";
      const parseMode = strParam(c.params.parse_mode);
      const plainText = visibleText(text, parseMode);
      if (plainText.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      if (plainText.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
      const replyMarkup = readMarkup(c.params.reply_markup);
      const replyTo = readReplyTo(c.params, Number(chat.id));
      return messages.storeBotMessage(c.token, chat, {
        kind: "text",
        text,
        ...(parseMode ? { parseMode } : {}),
        plainText,
        ...(replyMarkup ? { replyMarkup } : {}),
        ...(replyTo ? { replyTo } : {}),
      }).apiMessage;
    },

    sendDocument: (c): Message => {
      const chat = chats.requireChat(c.params.chat_id);
      chats.assertCanSend(chat);
      let file: StoredFile | undefined;
      const part = c.files.get("document");
      const ref = strParam(c.params.document);
      const attached = ref?.startsWith("attach://") ? c.files.get(ref.slice("attach://".length)) : undefined;
      const upload = part ?? attached;
      if (upload) {
        const fileName = upload.fileName || "document";
        file = files.register({
          bytes: upload.bytes,
          fileName,
          mimeType: guessMimeType(fileName) ?? (upload.mimeType || "application/octet-stream"),
        });
      } else if (ref !== undefined) {
        file = files.get(ref);
        if (!file) throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
      } else {
        throw new ApiError(400, "Bad Request: there is no document in the request");
      }
      if (file.size === 0) throw new ApiError(400, "Bad Request: file must be non-empty");
      return messages.storeBotMessage(c.token, chat, {
        kind: "document",
        ...captionOf(c, Number(chat.id)),
        document: file,
      }).apiMessage;
    },

    /** A photo uploaded by the bot (multipart `photo`); its size is read from a PNG header. */
    sendPhoto: (c): Message => {
      const chat = chats.requireChat(c.params.chat_id);
      chats.assertCanSend(chat);
      const upload = c.files.get("photo");
      if (!upload) throw new ApiError(400, "Bad Request: there is no photo in the request");
      if (upload.bytes.length === 0) throw new ApiError(400, "Bad Request: file must be non-empty");
      const size = pngSize(upload.bytes);
      if (!size) throw new ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED");
      const file = files.register({
        bytes: upload.bytes,
        fileName: upload.fileName || "photo.png",
        mimeType: "image/png",
      });
      return messages.storeBotMessage(c.token, chat, {
        kind: "photo",
        ...captionOf(c, Number(chat.id)),
        photo: { ...file, ...size },
      }).apiMessage;
    },

    editMessageText: (c): Message => {
      const stored = requireBotMessageForEdit(c);
      if (stored.view.kind !== "text")
        throw new ApiError(400, "Bad Request: there is no text in the message to edit");
      const text = strParam(c.params.text) ?? "";
      const parseMode = strParam(c.params.parse_mode);
      const plainText = visibleText(text, parseMode);
      if (plainText.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
      if (plainText.length > 4096) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
      const replyMarkup = readMarkup(c.params.reply_markup);
      return messages.applyEdit(stored, { text, parseMode, plainText, replyMarkup });
    },

    editMessageCaption: (c): Message => {
      const stored = requireBotMessageForEdit(c);
      if (stored.view.kind === "text") {
        throw new ApiError(400, "Bad Request: there is no caption in the message to edit");
      }
      const text = strParam(c.params.caption) ?? "";
      const parseMode = strParam(c.params.parse_mode);
      const plainText = visibleText(text, parseMode);
      if (plainText.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
      const replyMarkup = readMarkup(c.params.reply_markup);
      return messages.applyEdit(stored, { text, parseMode, plainText, replyMarkup });
    },

    editMessageReplyMarkup: (c): Message => {
      const stored = requireBotMessageForEdit(c);
      const replyMarkup = readMarkup(c.params.reply_markup);
      return messages.applyEdit(stored, {
        text: stored.view.text,
        parseMode: stored.view.parseMode,
        plainText: stored.view.plainText,
        replyMarkup,
      });
    },

    deleteMessage: (c): boolean => {
      const chat = chats.requireChat(c.params.chat_id);
      const messageId = numParam(c.params.message_id);
      const stored = messageId === undefined ? undefined : messages.find(Number(chat.id), messageId);
      if (!stored) throw new ApiError(400, "Bad Request: message to delete not found");
      messages.delete(stored);
      return true;
    },
  };
}
