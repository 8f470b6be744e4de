import type { BotSettings } from "./context.js";
import type { BotState } from "./state/bot-state.js";

/** The user and chat of an update, as far as access is concerned. */
export interface Subject {
  from: { id: number } | undefined;
  chat: { id: number; type: string } | undefined;
}

/**
 * Who may use the bot. Fails closed: an update without `from` is denied; admins are
 * always allowed; a run-time block beats any allow; in `allowlist` mode a user needs to
 * be listed (configuration or run time) or to write in a listed chat.
 */
export interface AccessPolicy {
  isAdmin(from: { id: number } | undefined): boolean;
  isAllowed(subject: Subject): boolean;
}

export function createAccessPolicy(
  settings: Pick<BotSettings, "accessMode" | "adminUserIds" | "allowedUserIds" | "allowedChatIds">,
  state: Pick<BotState, "permissions">,
): AccessPolicy {
  const admins = new Set(settings.adminUserIds);
  const users = new Set(settings.allowedUserIds);
  const chats = new Set(settings.allowedChatIds);
  const isAdmin = (from: { id: number } | undefined) => !!from && admins.has(from.id);
  return {
    isAdmin,
    isAllowed({ from, chat }) {
      if (!from) return false;
      if (admins.has(from.id)) return true;
      const runtime = state.permissions();
      if (runtime.blockedUsers.has(from.id)) return false;
      if (chat && runtime.blockedChats.has(chat.id)) return false;
      if (settings.accessMode === "open") return true;
      if (users.has(from.id) || runtime.allowedUsers.has(from.id)) return true;
      return !!chat && (chats.has(chat.id) || runtime.allowedChats.has(chat.id));
    },
  };
}
