import { ApiError, CHAT_ACTIONS, chatMember } from "./api-objects.js";
import type { CallbackQueries } from "./callback-queries.js";
import type { ChatDirectory } from "./chats.js";
import type { CommandSets } from "./commands.js";
import type { Handlers } from "./dispatch.js";
import type { FileStore } from "./files.js";
import { numParam, strParam } from "./http-body.js";

/**
 * The Bot API methods around the messages: the bot's identity and commands, chats and
 * their members, chat actions, answers to button presses, and file downloads.
 */
export function chatMethods(deps: {
  chats: ChatDirectory;
  files: FileStore;
  commands: CommandSets;
  callbackQueries: CallbackQueries;
  /** Largest file `getFile` serves. */
  maxDownloadBytes: number;
}): Handlers {
  const { chats, files, commands, callbackQueries } = deps;
  return {
    getMe: () => chats.botUser(true),
    getChat: (c) => chats.requireChat(c.params.chat_id),

    getChatMember: (c) => {
      const chat = chats.requireChat(c.params.chat_id);
      const userId = numParam(c.params.user_id);
      if (userId === undefined) throw new ApiError(400, "Bad Request: invalid user_id specified");
      return chatMember(chats.userObject(userId), chats.memberStatus(Number(chat.id), userId));
    },

    getChatAdministrators: (c) => {
      const chat = chats.requireChat(c.params.chat_id);
      if (chat.type === "private") {
        throw new ApiError(400, "Bad Request: there are no administrators in the private chat");
      }
      const out: Record<string, unknown>[] = [];
      for (const [userId, status] of chats.membersOf(Number(chat.id))) {
        if (status === "creator" || status === "administrator")
          out.push(chatMember(chats.userObject(userId), status));
      }
      return out;
    },

    leaveChat: (c) => {
      const chat = chats.requireChat(c.params.chat_id);
      chats.setChatMember(Number(chat.id), chats.botInfo.id, "left");
      return true;
    },

    sendChatAction: (c) => {
      const chat = chats.requireChat(c.params.chat_id);
      chats.assertCanSend(chat);
      const action = strParam(c.params.action) ?? "";
      if (!CHAT_ACTIONS.has(action))
        throw new ApiError(400, "Bad Request: wrong parameter action in request");
      return true;
    },

    answerCallbackQuery: (c) => {
      const id = strParam(c.params.callback_query_id) ?? "";
      if (!callbackQueries.isOpen(id)) {
        throw new ApiError(
          400,
          "Bad Request: query is too old and response timeout expired or query ID is invalid",
        );
      }
      const text = strParam(c.params.text);
      if (text !== undefined && text.length > 200) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
      callbackQueries.answer(id);
      return true;
    },

    setMyCommands: (c) => {
      commands.set(c.params);
      return true;
    },
    getMyCommands: (c) => commands.get(c.params) ?? [],
    deleteMyCommands: (c) => {
      commands.delete(c.params);
      return true;
    },

    getFile: (c) => {
      const fileId = strParam(c.params.file_id) ?? "";
      const file = files.get(fileId);
      if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
      if (file.size > deps.maxDownloadBytes) throw new ApiError(400, "Bad Request: file is too big");
      return {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_size: file.size,
        file_path: file.filePath,
      };
    },

    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setChatMenuButton: () => true,
  };
}
