import { Composer } from "telegraf";
import type { BotContext } from "../context.js";
import { messageOf } from "../filters/addressed.js";
import { adminOnly } from "../filters/admin.js";
import { botMessages } from "../messages.js";
import type { PermissionStatus, SubjectKind } from "../state/bot-state.js";

/**
 * Admins allow or block users and chats at run time: `/cho_phep <id>`, `/chan <id>`
 * (positive id: a user, negative: a group), or either command as a reply to the
 * person's message; in a group, with neither, the group itself. Persisted in the state.
 */
export const accessAdminFeature = new Composer<BotContext>();

accessAdminFeature.command("cho_phep", adminOnly(), (ctx) => changePermission(ctx, "cho_phep", "allowed"));
accessAdminFeature.command("chan", adminOnly(), (ctx) => changePermission(ctx, "chan", "blocked"));

async function changePermission(ctx: BotContext, command: string, status: PermissionStatus): Promise<void> {
  const target = resolveTarget(ctx);
  if (!target) {
    await ctx.reply(botMessages.permissionUsage(command), { parse_mode: "HTML" });
    return;
  }
  if (status === "blocked" && target.kind === "user" && ctx.services.access.isAdmin({ id: target.id })) {
    await ctx.reply(botMessages.cannotBlockAdmin);
    return;
  }
  ctx.services.state.setPermission(target.kind, target.id, status, ctx.from?.id);
  ctx.log.info({ kind: target.kind, id: target.id, status }, "permission changed");
  const text =
    status === "allowed"
      ? botMessages.allowed(target.kind, target.id)
      : botMessages.blocked(target.kind, target.id);
  await ctx.reply(text, { parse_mode: "HTML" });
}

function resolveTarget(ctx: BotContext): { kind: SubjectKind; id: number } | null {
  const message = messageOf(ctx);
  const text = message?.text ?? "";
  const arg = text.trim().split(/\s+/)[1];
  if (arg !== undefined) {
    if (!/^-?\d{1,16}$/.test(arg)) return null;
    const id = Number(arg);
    if (!Number.isSafeInteger(id) || id === 0) return null;
    return { kind: id < 0 ? "chat" : "user", id };
  }
  const replied = message?.reply_to_message?.from;
  if (replied && !replied.is_bot) return { kind: "user", id: replied.id };
  if (ctx.chat && ctx.chat.type !== "private") return { kind: "chat", id: ctx.chat.id };
  return null;
}
