import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { formatClockTime, formatLocalDateTime, parseClockTime } from "../../digest/local-time.js";
import { digestMessages, type QuietPolicy } from "../../digest/messages.js";
import type { DigestService } from "../../digest/service.js";
import { escapeHtml } from "../../telegram/format/index.js";
import { foldDiacritics } from "../../text/index.js";
import type { BotContext } from "../context.js";
import { messageOf } from "../filters/addressed.js";
import { replyTo } from "../reply-to.js";

/**
 * `/bantin` in groups: the daily digest. `bat [HH:MM]` turns it on, `tat` off, `xem`
 * previews it now, `yenlang ngan|bo` chooses what a quiet day gets; without arguments it
 * shows the settings. Changing them (and previewing) is for the bot's admins and the
 * group's own Telegram admins (creator/administrator, or an anonymous admin posting as
 * the group); others get a polite refusal. When the bot is removed from a group the
 * digest is turned off; when a group becomes a supergroup its settings move along.
 */
export const digestFeature = new Composer<BotContext>();

digestFeature.command("bantin", async (ctx, next) => {
  const digest = ctx.services.digest;
  if (!digest) return next();
  const chat = ctx.chat;
  if (chat.type !== "group" && chat.type !== "supergroup") {
    await ctx.reply(digestMessages.groupOnly);
    return;
  }
  const [rawAction = "", ...args] = ctx.payload.trim().split(/\s+/).filter(Boolean);
  const action = subcommand(rawAction);
  if (action === "status") {
    await ctx.reply(statusText(digest, chat.id), { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }
  if (action === "help") {
    await ctx.reply(digestMessages.usage(digest.defaultTime), { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }
  if (!(await mayManage(ctx))) {
    ctx.log.info({ action }, "digest command refused");
    await ctx.reply(digestMessages.notAllowed, replyTo(ctx));
    return;
  }
  const byUserId = ctx.from?.id;
  switch (action) {
    case "on": {
      let time: string | undefined;
      if (args[0] !== undefined) {
        const parsed = parseClockTime(args[0]);
        if (!parsed) {
          await ctx.reply(digestMessages.badTime(escapeHtml(args[0])), {
            parse_mode: "HTML",
            ...replyTo(ctx),
          });
          return;
        }
        time = formatClockTime(parsed);
      }
      const sub = digest.subscribe(chat.id, {
        ...(time ? { time } : {}),
        ...(byUserId !== undefined ? { byUserId } : {}),
        ...("title" in chat ? { chatTitle: chat.title } : {}),
      });
      ctx.log.info({ time: sub.time }, "digest turned on");
      await ctx.reply(digestMessages.enabled(sub.time, escapeHtml(digest.zone)), {
        parse_mode: "HTML",
        ...replyTo(ctx),
      });
      return;
    }
    case "off": {
      const was = digest.unsubscribe(chat.id, { ...(byUserId !== undefined ? { byUserId } : {}) });
      ctx.log.info({ was }, "digest turned off");
      await ctx.reply(was ? digestMessages.disabled : digestMessages.alreadyDisabled, replyTo(ctx));
      return;
    }
    case "quiet": {
      const policy = quietPolicy(args[0] ?? "");
      if (!policy) {
        await ctx.reply(digestMessages.badQuietPolicy, { parse_mode: "HTML", ...replyTo(ctx) });
        return;
      }
      digest.setQuietPolicy(chat.id, policy, byUserId);
      await ctx.reply(digestMessages.quietPolicySet(policy), { parse_mode: "HTML", ...replyTo(ctx) });
      return;
    }
    case "preview": {
      const preview = await digest.preview(chat.id);
      if (preview.skipped) {
        await ctx.reply(digestMessages.previewEmpty, replyTo(ctx));
        return;
      }
      const quietNone = preview.quiet && digest.subscription(chat.id)?.quietPolicy === "none";
      await ctx.reply(quietNone ? digestMessages.previewQuietNone : digestMessages.previewNote, replyTo(ctx));
      for (const part of preview.parts) {
        await ctx.reply(part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      }
      return;
    }
  }
});

digestFeature.on("my_chat_member", async (ctx, next) => {
  const digest = ctx.services.digest;
  if (!digest) return next();
  const update = ctx.myChatMember;
  const status = update.new_chat_member.status;
  if (
    (status === "left" || status === "kicked") &&
    digest.unsubscribe(update.chat.id, { reason: "bot_removed" })
  )
    ctx.log.warn({ status }, "bot removed from the group; digest turned off");
  await next();
});

digestFeature.on(message("migrate_to_chat_id"), async (ctx, next) => {
  const digest = ctx.services.digest;
  if (!digest) return next();
  const to = ctx.message.migrate_to_chat_id;
  if (digest.subscription(ctx.chat.id)) {
    digest.moveChat(ctx.chat.id, to);
    ctx.log.info({ to }, "group became a supergroup; digest settings moved");
  }
  await next();
});

type Action = "status" | "help" | "on" | "off" | "preview" | "quiet";

function fold(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

function subcommand(raw: string): Action {
  switch (fold(raw)) {
    case "":
      return "status";
    case "bat":
    case "on":
      return "on";
    case "tat":
    case "off":
      return "off";
    case "xem":
    case "xemtruoc":
    case "preview":
      return "preview";
    case "yenlang":
    case "quiet":
      return "quiet";
    default:
      return "help";
  }
}

function quietPolicy(raw: string): QuietPolicy | null {
  const value = fold(raw);
  if (["ngan", "short", "gui"].includes(value)) return "short";
  if (["bo", "none", "khong", "tat"].includes(value)) return "none";
  return null;
}

/** Bot admins, and the group's creator and administrators (fails closed). */
async function mayManage(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (ctx.services.access.isAdmin(ctx.from)) return true;
  // An anonymous group admin posts as the group itself.
  if (messageOf(ctx)?.sender_chat?.id === chat.id) return true;
  const from = ctx.from;
  if (!from || from.is_bot) return false;
  try {
    const member = await ctx.telegram.getChatMember(chat.id, from.id);
    return member.status === "creator" || member.status === "administrator";
  } catch (error) {
    ctx.log.warn({ err: error }, "could not check the user's status in the group");
    return false;
  }
}

function statusText(digest: DigestService, chatId: number): string {
  const sub = digest.subscription(chatId);
  const last = digest.history(chatId, 10).find((e) => e.state === "sent");
  return `${digestMessages.status({
    enabled: sub?.enabled ?? false,
    time: sub?.time ?? digest.defaultTime,
    zone: escapeHtml(digest.zone),
    quietPolicy: sub?.quietPolicy ?? "short",
    lastSent: last?.finishedAt ? formatLocalDateTime(last.finishedAt, digest.zone) : null,
  })}\n\n${digestMessages.usage(digest.defaultTime)}`;
}
