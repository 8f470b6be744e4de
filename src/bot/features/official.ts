import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import type { InlineKeyboardButton } from "telegraf/types";
import type { OfficialSource } from "../../official/official-answers.js";
import type { DocumentStore } from "../../store/types.js";
import { callbackTrigger, officialData, parseOfficialData } from "../../telegram/callback-data/index.js";
import { escapeHtml, truncate } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { parseCommand } from "../filters/addressed.js";
import { adminOnly, isAdmin } from "../filters/admin.js";
import { botMessages, reviewMessages as m } from "../messages.js";
import { replyTo } from "../reply-to.js";
import { formatLocalDate, formatLocalDateTime } from "../upload/cards.js";
import { isNotModified } from "../upload/progress.js";

/** Longest official answer, in characters (it goes out in one message with its sources). */
export const MAX_OFFICIAL_CHARS = 3000;
const LIST_PAGE_SIZE = 5;
const EVENTS_SHOWN = 15;
const SOURCES_LINE = /^\s*ngu[ồo]n\s*:\s*(.+)$/iu;

/**
 * `/traloi_chinhthuc` for admins: the unit's official answers. Replying with it to one
 * of the bot's answers, or giving a question after it, asks for the official text (a
 * reply to that message; a last line `Nguồn: 18-NQ/TW; ...` cites documents); the bot's
 * own answer can be approved as it is. Alone, it lists them with ✏️ / 🗑;
 * `/traloi_chinhthuc nhatky` shows their audit log. Every button and reply checks that
 * the sender is an admin.
 */
export const officialFeature = new Composer<BotContext>();

/** Sends the message asking for an official answer to `question`; a reply to it is the text. */
export async function sendOfficialDraft(
  ctx: BotContext,
  draft: {
    question: string;
    questionId: number | null;
    approvable: boolean;
    officialId?: number;
    current?: string;
  },
): Promise<void> {
  const chat = ctx.chat;
  const from = ctx.from;
  if (!chat || !from) return;
  const text =
    draft.officialId !== undefined
      ? m.editPrompt(escapeHtml(draft.question), escapeHtml(truncate(draft.current ?? "", 1500)))
      : m.draftPrompt(escapeHtml(draft.question));
  const keyboard: InlineKeyboardButton[][] =
    draft.approvable && draft.questionId !== null
      ? [
          [
            {
              text: m.buttonApprove,
              callback_data: officialData({ action: "approve", questionId: draft.questionId }),
            },
          ],
        ]
      : [];
  const sent = await ctx.reply(text, {
    parse_mode: "HTML",
    ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  });
  ctx.services.state.drafts.remember(chat.id, sent, {
    adminId: from.id,
    question: draft.question,
    questionId: draft.questionId,
    officialId: draft.officialId ?? null,
  });
}

officialFeature.command("traloi_chinhthuc", adminOnly(), async (ctx) => {
  if (!ctx.services.official) {
    await ctx.reply(m.officialUnavailable);
    return;
  }
  const repliedTo = ctx.message.reply_to_message;
  const answer = repliedTo ? ctx.services.state.findAnswerByMessage(ctx.chat.id, repliedTo) : null;
  if (answer) {
    await sendOfficialDraft(ctx, {
      question: answer.question,
      questionId: answer.id,
      approvable: !answer.declined,
    });
    return;
  }
  const payload = ctx.payload.trim();
  if (payload.toLowerCase() === "nhatky") {
    await ctx.reply(renderEvents(ctx), { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }
  if (payload) {
    await sendOfficialDraft(ctx, { question: payload, questionId: null, approvable: false });
    return;
  }
  const view = renderList(ctx, 0);
  await ctx.reply(view.text, {
    parse_mode: "HTML",
    ...(view.keyboard.length > 0 ? { reply_markup: { inline_keyboard: view.keyboard } } : {}),
    ...replyTo(ctx),
  });
});

/** An admin's reply to a draft message is the official answer's text. */
officialFeature.on(message("text"), async (ctx, next) => {
  const repliedTo = ctx.message.reply_to_message;
  const draft = repliedTo ? ctx.services.state.drafts.find(ctx.chat.id, repliedTo) : null;
  if (!draft || parseCommand(ctx.message.text)) return next();
  const official = ctx.services.official;
  if (!isAdmin(ctx) || !official) {
    ctx.log.warn({ from: ctx.from.id }, "official answer text refused: not an admin");
    await ctx.reply(botMessages.adminOnly, replyTo(ctx));
    return;
  }
  const parsed = await parseOfficialText(ctx.message.text, ctx.services.store);
  if ("error" in parsed) {
    ctx.log.info({ error: parsed.error }, "official answer text refused");
    const text =
      parsed.error === "unknown_sources"
        ? m.unknownSources(parsed.refs.map(escapeHtml))
        : parsed.error === "too_long"
          ? escapeHtml(m.officialTooLong(MAX_OFFICIAL_CHARS))
          : escapeHtml(m.emptyOfficial);
    await ctx.reply(text, { parse_mode: "HTML", ...replyTo(ctx) });
    return;
  }
  if (draft.officialId !== null) {
    const edited = official.edit(
      draft.officialId,
      { answer: parsed.answer, ...(parsed.sources.length > 0 ? { sources: parsed.sources } : {}) },
      ctx.from.id,
    );
    ctx.log.info({ officialId: draft.officialId, edited: edited !== null }, "official answer edited");
    await ctx.reply(edited ? m.officialUpdated(edited.id) : m.officialGone, {
      parse_mode: "HTML",
      ...replyTo(ctx),
    });
    return;
  }
  const added = official.add({
    question: draft.question,
    answer: parsed.answer,
    sources: parsed.sources,
    actorId: ctx.from.id,
  });
  ctx.log.info(
    { officialId: added.id, sources: added.sources.length, from: draft.questionId },
    "official answer added",
  );
  await ctx.reply(
    m.officialSaved(
      added.id,
      added.sources.map((s) => escapeHtml(s.number ?? s.title)),
    ),
    {
      parse_mode: "HTML",
      ...replyTo(ctx),
    },
  );
});

officialFeature.action(callbackTrigger("tc"), async (ctx) => {
  const action = parseOfficialData(ctx.match.input);
  if (!action) {
    ctx.log.info({ data: ctx.match.input }, "stale or forged official-answer button");
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  const official = ctx.services.official;
  if (!isAdmin(ctx) || !official) {
    ctx.log.warn({ action: action.action }, "official-answer button refused: not an admin");
    await ctx.answerCbQuery(botMessages.adminOnly, { show_alert: true });
    return;
  }
  if (action.action === "approve") {
    const question = ctx.services.state.getQuestion(action.questionId);
    if (!question || question.declined) {
      await ctx.answerCbQuery(m.itemGone);
      return;
    }
    const sources: OfficialSource[] = [];
    for (const docId of new Set(question.sources.map((s) => s.docId))) {
      const doc = await ctx.services.store.getDocument(docId);
      if (doc) sources.push({ docId, title: doc.title, number: doc.number, version: doc.version });
    }
    // The cited passages are shown under it anyway: the [n] markers would point nowhere.
    const answer = question.answer.replace(/\s*\[\d{1,3}\]/g, "").trim();
    const added = official.add({ question: question.question, answer, sources, actorId: ctx.from.id });
    ctx.log.info({ officialId: added.id, questionId: question.id }, "official answer approved");
    await ctx.answerCbQuery();
    await ctx.reply(
      m.officialSaved(
        added.id,
        added.sources.map((s) => escapeHtml(s.number ?? s.title)),
      ),
      {
        parse_mode: "HTML",
      },
    );
    return;
  }
  if (action.action === "edit") {
    const current = official.get(action.id);
    if (!current) {
      await ctx.answerCbQuery(m.officialGone);
      return;
    }
    await ctx.answerCbQuery();
    await sendOfficialDraft(ctx, {
      question: current.question,
      questionId: null,
      approvable: false,
      officialId: current.id,
      current: current.answer,
    });
    return;
  }
  if (action.action === "remove") {
    const removed = official.remove(action.id, ctx.from.id);
    ctx.log.info({ officialId: action.id, removed }, "official answer removed");
    await ctx.answerCbQuery(removed ? undefined : m.officialGone);
    if (removed) await ctx.reply(m.officialRemoved(action.id), { parse_mode: "HTML" });
    return;
  }
  await ctx.answerCbQuery();
  const view = renderList(ctx, action.page);
  try {
    await ctx.editMessageText(view.text, {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: view.keyboard },
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
});

type ParsedOfficial =
  | { answer: string; sources: OfficialSource[] }
  | { error: "empty" | "too_long" }
  | { error: "unknown_sources"; refs: string[] };

/** The answer text and the documents its last line `Nguồn: ...` cites (by number or id). */
export async function parseOfficialText(text: string, store: DocumentStore): Promise<ParsedOfficial> {
  const lines = text.trim().split(/\r?\n/);
  const last = lines.at(-1) ?? "";
  const cited = SOURCES_LINE.exec(last);
  const answer = (cited ? lines.slice(0, -1) : lines).join("\n").trim();
  if (!answer) return { error: "empty" };
  if (answer.length > MAX_OFFICIAL_CHARS) return { error: "too_long" };
  const refs = cited
    ? (cited[1] ?? "")
        .split(/[;,]/)
        .map((r) => r.trim())
        .filter((r) => r !== "")
    : [];
  const sources: OfficialSource[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const doc = (await store.findByNumber(ref))[0] ?? (await store.getDocument(ref));
    if (!doc) unknown.push(ref);
    else if (!sources.some((s) => s.docId === doc.docId))
      sources.push({ docId: doc.docId, title: doc.title, number: doc.number, version: doc.version });
  }
  if (unknown.length > 0) return { error: "unknown_sources", refs: unknown };
  return { answer, sources };
}

function renderList(ctx: BotContext, page: number): { text: string; keyboard: InlineKeyboardButton[][] } {
  const all = ctx.services.official?.list() ?? [];
  if (all.length === 0) return { text: escapeHtml(m.officialListEmpty), keyboard: [] };
  const pages = Math.ceil(all.length / LIST_PAGE_SIZE);
  const shown = Math.min(Math.max(0, page), pages - 1);
  const items = all.slice(shown * LIST_PAGE_SIZE, (shown + 1) * LIST_PAGE_SIZE);
  const tz = ctx.services.settings.timeZone;
  const lines = items.map((o) =>
    m.officialListLine({
      id: o.id,
      question: escapeHtml(truncate(o.question, 200)),
      answer: escapeHtml(truncate(o.answer, 300)),
      date: formatLocalDate(o.updatedAt, tz),
      author: escapeHtml(m.officialAuthor(o.authorId)),
    }),
  );
  const keyboard: InlineKeyboardButton[][] = items.map((o) => [
    { text: `${m.buttonEdit} #${o.id}`, callback_data: officialData({ action: "edit", id: o.id }) },
    { text: `${m.buttonRemove} #${o.id}`, callback_data: officialData({ action: "remove", id: o.id }) },
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (shown > 0)
    nav.push({ text: m.previous, callback_data: officialData({ action: "page", page: shown - 1 }) });
  if (shown < pages - 1)
    nav.push({ text: m.next, callback_data: officialData({ action: "page", page: shown + 1 }) });
  if (nav.length > 0) keyboard.push(nav);
  return {
    text: `${m.officialListHeading(all.length, shown + 1, pages)}\n\n${lines.join("\n\n")}`,
    keyboard,
  };
}

function renderEvents(ctx: BotContext): string {
  const official = ctx.services.official;
  const events = official?.events(EVENTS_SHOWN) ?? [];
  if (events.length === 0) return escapeHtml(m.officialEventsEmpty);
  const tz = ctx.services.settings.timeZone;
  return [
    m.officialEventsHeading(official?.eventCount() ?? 0),
    ...events.map(
      (e) =>
        `${formatLocalDateTime(e.at, tz)} – ${m.officialEvent(e.action, e.officialId)}: ${escapeHtml(truncate(e.question, 120))} <i>(${escapeHtml(m.officialAuthor(e.actorId))})</i>`,
    ),
  ].join("\n");
}
