import { Composer, Input } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import { buildRelationIndex, type RelationIndex } from "../../retrieval/document-status.js";
import type { DocumentRecord } from "../../store/types.js";
import {
  callbackTrigger,
  docsData,
  type KindFilter,
  parseDocsData,
} from "../../telegram/callback-data/index.js";
import { escapeHtml, truncate } from "../../telegram/format/index.js";
import { foldDiacritics } from "../../text/index.js";
import type { BotContext } from "../context.js";
import { adminOnly, isAdmin } from "../filters/admin.js";
import { botMessages, corpusMessages as m } from "../messages.js";
import { replyTo } from "../reply-to.js";
import {
  deleteConfirmKeyboard,
  documentKeyboard,
  renderDocumentCard,
  renderDocumentList,
} from "../upload/cards.js";
import { isNotModified } from "../upload/progress.js";
import { matchesState, statusMessages } from "../upload/status-lines.js";

/**
 * `/tailieu` for admins: the documents in the store, a page of 8 at a time (◀ ▶), filtered
 * by kind (`/tailieu Nghị quyết`, or the kind buttons). A document's button opens its
 * card with "Tải về" (the original file, sent back as it was uploaded) and "Xóa" (after
 * a confirmation step; recorded in the corpus log). Everything is edited into the same
 * message, so the list stays one message however much the admin browses.
 */
export const adminDocsFeature = new Composer<BotContext>();

adminDocsFeature.command("tailieu", adminOnly(), async (ctx) => {
  const corpus = ctx.services.corpus;
  if (!corpus) {
    await ctx.reply(m.uploadUnavailable);
    return;
  }
  const docs = await corpus.store.listDocuments();
  const arg = ctx.payload.trim();
  const filter = arg ? kindFilterOf(arg, docs) : { type: "all" as const };
  const relations = buildRelationIndex(docs, todayIn(ctx.services.settings.timeZone));
  if (!filter) {
    const kinds = [...new Set(docs.map((d) => d.kind).filter((k): k is string => !!k))];
    await ctx.reply(m.unknownKind(escapeHtml(arg), kinds.map(escapeHtml)), {
      parse_mode: "HTML",
      ...replyTo(ctx),
    });
    return;
  }
  const view = renderDocumentList({
    docs: applyFilter(docs, filter, relations),
    kinds: docs.map((d) => d.kind),
    page: 0,
    filter,
    stateOf: (doc) => relations.statusOf(doc).state,
  });
  await ctx.reply(view.text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: { inline_keyboard: view.keyboard },
    ...replyTo(ctx),
  });
});

adminDocsFeature.action(callbackTrigger("tl"), async (ctx) => {
  const corpus = ctx.services.corpus;
  const action = parseDocsData(ctx.match.input);
  if (!action || !corpus || !ctx.chat) {
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  if (!isAdmin(ctx)) {
    ctx.log.info({ action: action.action }, "document management refused: not an admin");
    await ctx.answerCbQuery(botMessages.adminOnly, { show_alert: true });
    return;
  }
  const show = (text: string, keyboard: InlineKeyboardButton[][]) => edit(ctx, text, keyboard);
  const list = async (page: number, filter: KindFilter) => {
    const docs = await corpus.store.listDocuments();
    const relations = buildRelationIndex(docs, todayIn(ctx.services.settings.timeZone));
    const view = renderDocumentList({
      docs: applyFilter(docs, filter, relations),
      kinds: docs.map((d) => d.kind),
      page,
      filter,
      stateOf: (doc) => relations.statusOf(doc).state,
    });
    await show(view.text, view.keyboard);
  };

  switch (action.action) {
    case "page": {
      await ctx.answerCbQuery();
      await list(action.page, action.filter);
      return;
    }
    case "view":
    case "delete": {
      const doc = await corpus.store.getDocument(action.docId);
      if (!doc) {
        await ctx.answerCbQuery(m.docGone, { show_alert: true });
        await list(action.page, action.filter);
        return;
      }
      await ctx.answerCbQuery();
      if (action.action === "view")
        await show(
          renderDocumentCard(
            doc,
            ctx.services.settings.timeZone,
            buildRelationIndex(await corpus.store.listDocuments(), todayIn(ctx.services.settings.timeZone)),
          ),
          documentKeyboard(doc.docId, action.page, action.filter),
        );
      else
        await show(
          m.confirmDelete(escapeHtml(truncate(doc.title || doc.source, 300))),
          deleteConfirmKeyboard(doc.docId, action.page, action.filter),
        );
      return;
    }
    case "confirm": {
      const adminId = ctx.from.id;
      const removed = await corpus.queue.run(() =>
        corpus.remove(action.docId, { actorId: adminId, via: "telegram" }),
      );
      if (!removed) {
        await ctx.answerCbQuery(m.docGone, { show_alert: true });
        await list(0, { type: "all" });
        return;
      }
      ctx.log.info({ docId: removed.docId, source: removed.source, adminId }, "document deleted");
      await ctx.answerCbQuery();
      await show(m.deleted(escapeHtml(truncate(removed.title || removed.source, 300))), [
        [
          {
            text: m.buttonBack,
            callback_data: docsData({ action: "page", page: 0, filter: { type: "all" } }),
          },
        ],
      ]);
      return;
    }
    case "download": {
      const doc = await corpus.store.getDocument(action.docId);
      if (!doc) {
        await ctx.answerCbQuery(m.docGone, { show_alert: true });
        return;
      }
      const original = await corpus.original(doc);
      if (!original) {
        await ctx.answerCbQuery(truncate(m.originalMissing, 200), { show_alert: true });
        return;
      }
      await ctx.answerCbQuery();
      await ctx.replyWithDocument(Input.fromBuffer(original.bytes, doc.source), {
        caption: truncate(doc.title || doc.source, 1000),
      });
      ctx.log.info({ docId: doc.docId, size: original.bytes.length }, "original sent");
      return;
    }
  }
});

/** Edits the pressed message; an unchanged text (the same filter pressed again) is fine. */
async function edit(ctx: BotContext, text: string, keyboard: InlineKeyboardButton[][]): Promise<void> {
  try {
    await ctx.editMessageText(text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: keyboard },
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

function fold(text: string): string {
  return foldDiacritics(text.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The filter an admin typed after /tailieu: a kind present in the store, matched without
 * diacritics or case ("nghi quyet" → Nghị quyết), or its beginning; "khác" for documents
 * without a kind, "tất cả" for all. Null when nothing matches.
 */
export function kindFilterOf(
  typed: string,
  docs: ReadonlyArray<Pick<DocumentRecord, "kind">>,
): KindFilter | null {
  const wanted = fold(typed);
  if (!wanted || wanted === "tat ca") return { type: "all" };
  if (wanted === "khac") return { type: "none" };
  const state = statusMessages.filterWords[wanted];
  if (state) return { type: "state", state };
  const kinds = [...new Set(docs.map((d) => d.kind).filter((k): k is string => !!k))];
  const exact = kinds.find((k) => fold(k) === wanted);
  if (exact) return { type: "kind", kind: exact };
  const prefix = kinds.filter((k) => fold(k).startsWith(wanted));
  return prefix.length === 1 ? { type: "kind", kind: prefix[0]! } : null;
}

export function applyFilter(
  docs: readonly DocumentRecord[],
  filter: KindFilter,
  relations?: RelationIndex,
): DocumentRecord[] {
  if (filter.type === "all") return [...docs];
  if (filter.type === "none") return docs.filter((d) => !d.kind);
  if (filter.type === "state")
    return relations
      ? docs.filter((d) => matchesState(relations.statusOf(d).state, filter.state))
      : [...docs];
  return docs.filter((d) => d.kind === filter.kind);
}

/** Today's date (YYYY-MM-DD) where the unit is. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}
