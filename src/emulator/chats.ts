import type { User } from "telegraf/types";
import { ApiError } from "./api-objects.js";
import { numParam } from "./http-body.js";
import type { BotIdentity, EmulatorChat, EmulatorUser, MemberStatus } from "./types.js";

/**
 * Who is where, in the emulator's model of Telegram: chats, users, members' statuses in
 * groups, and the users who blocked the bot. Decides whether the bot may write to a chat.
 */
export class ChatDirectory {
  private readonly chats = new Map<number, Record<string, unknown>>();
  private readonly users = new Map<number, User>();
  private readonly members = new Map<number, Map<number, MemberStatus>>();
  private readonly blockedBy = new Set<number>();

  constructor(
    readonly botInfo: BotIdentity,
    /** Telegram's group privacy mode; `getMe` reports it. */
    private readonly privacyMode: boolean,
  ) {}

  registerChat(chat: EmulatorChat, user?: EmulatorUser): void {
    const existing = this.chats.get(chat.id);
    if (chat.type === "private") {
      const u = user && user.id === chat.id ? user : undefined;
      this.chats.set(chat.id, {
        id: chat.id,
        type: "private",
        first_name: u?.firstName ?? (existing?.first_name as string | undefined) ?? `User ${chat.id}`,
        ...(u?.lastName ? { last_name: u.lastName } : {}),
        ...(u?.username ? { username: u.username } : {}),
      });
    } else {
      this.chats.set(chat.id, {
        id: chat.id,
        type: chat.type,
        title: chat.title ?? existing?.title ?? `Chat ${chat.id}`,
      });
    }
  }

  /** The Bot API `Chat` object of a known chat. */
  chat(chatId: number): Record<string, unknown> | undefined {
    return this.chats.get(chatId);
  }

  registerUser(user: EmulatorUser): User {
    const api: User = {
      id: user.id,
      is_bot: false,
      first_name: user.firstName ?? `User ${user.id}`,
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.languageCode ? { language_code: user.languageCode } : {}),
    };
    this.users.set(user.id, api);
    return api;
  }

  /** The bot as a `User`; `full` adds what only `getMe` reports. */
  botUser(full = false): User & Record<string, unknown> {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.firstName,
      username: this.botInfo.username,
      ...(full
        ? {
            can_join_groups: true,
            can_read_all_group_messages: !this.privacyMode,
            supports_inline_queries: false,
          }
        : {}),
    };
  }

  userObject(userId: number): User {
    if (userId === this.botInfo.id) return this.botUser();
    return this.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
  }

  /** The chat a `chat_id` parameter names, or the Bot API's 400. */
  requireChat(chatIdParam: unknown): Record<string, unknown> {
    const chatId = numParam(chatIdParam);
    if (chatId === undefined) {
      if (chatIdParam === undefined || chatIdParam === "")
        throw new ApiError(400, "Bad Request: chat_id is empty");
      throw new ApiError(400, "Bad Request: chat not found");
    }
    const chat = this.chats.get(chatId);
    if (!chat) throw new ApiError(400, "Bad Request: chat not found");
    return chat;
  }

  setChatMember(chatId: number, userId: number, status: MemberStatus): void {
    let map = this.members.get(chatId);
    if (!map) {
      map = new Map();
      this.members.set(chatId, map);
    }
    map.set(userId, status);
  }

  memberStatus(chatId: number, userId: number): MemberStatus {
    return this.members.get(chatId)?.get(userId) ?? "member";
  }

  /** Whether a status was ever set for this user in this chat. */
  hasMember(chatId: number, userId: number): boolean {
    return this.members.get(chatId)?.has(userId) ?? false;
  }

  /** The users with a status set in a chat, and their statuses. */
  membersOf(chatId: number): Iterable<[number, MemberStatus]> {
    return this.members.get(chatId) ?? [];
  }

  setBlocked(userId: number, blocked: boolean): void {
    if (blocked) this.blockedBy.add(userId);
    else this.blockedBy.delete(userId);
  }

  isBlockedBy(userId: number): boolean {
    return this.blockedBy.has(userId);
  }

  /** The 403s Telegram answers when the bot may not write to a chat. */
  assertCanSend(chat: Record<string, unknown>): void {
    const chatId = Number(chat.id);
    if (chat.type === "private") {
      if (this.blockedBy.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
      return;
    }
    const status = this.memberStatus(chatId, this.botInfo.id);
    const kind = chat.type === "supergroup" ? "supergroup" : "group";
    if (status === "kicked") throw new ApiError(403, `Forbidden: bot was kicked from the ${kind} chat`);
    if (status === "left") throw new ApiError(403, `Forbidden: bot is not a member of the ${kind} chat`);
  }
}
