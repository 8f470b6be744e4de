import type { InlineKeyboardButton } from "telegraf/types";
import type { CorpusEvent } from "../../audit/corpus-log.js";
import type { RelationCorrection } from "../../audit/relation-corrections.js";
import type { OcrSummary } from "../../ingest/types.js";
import type { OfficialEvent } from "../../official/official-answers.js";
import type { DocumentState, RelationIndex } from "../../retrieval/document-status.js";
import type { DocumentRecord } from "../../store/types.js";
import {
  auditPageData,
  docsData,
  type KindFilter,
  uploadChoiceData,
} from "../../telegram/callback-data/index.js";
import { escapeHtml, formatDate, truncate } from "../../telegram/format/index.js";
import { corpusMessages as m, reviewMessages } from "../messages.js";
import { ownRelationLines, statusLines, statusMessages } from "./status-lines.js";

/**
 * Pure rendering of the corpus cards and lists (Telegram HTML plus inline keyboards):
 * the card after an upload, a document's card in /tailieu, the paged list, the
 * replacement choice and the /nhatky pages.
 */

type Keyboard = InlineKeyboardButton[][];

/** Documents per /tailieu page. */
export const DOCS_PAGE_SIZE = 8;
/** Events per /nhatky page. */
export const AUDIT_PAGE_SIZE = 10;

function parts(at: number | string, timeZone: string): Record<string, string> {
  const date = typeof at === "number" ? new Date(at) : new Date(at);
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date))
    out[p.type] = p.value;
  return out;
}

/** A moment as dd/mm/yyyy in `timeZone`. */
export function formatLocalDate(at: number | string, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** A moment as dd/mm/yyyy HH:mm in `timeZone`. */
export function formatLocalDateTime(at: number | string, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** What a card shows of a document (a stored record, or one about to be stored). */
export interface CardDocument {
  title: string;
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  pages: number | null;
  chunkCount: number;
  /** What it says of other documents (shown on the upload card). */
  relations?: DocumentRecord["relations"];
  source: string;
}

function fieldLines(doc: CardDocument): string[] {
  const l = m.labels;
  const value = (v: string | null) => (v ? escapeHtml(v) : `<i>${l.unknown}</i>`);
  const lines = [
    m.field(l.title, `<b>${escapeHtml(truncate(doc.title || doc.source, 300))}</b>`),
    m.field(l.kind, value(doc.kind)),
    m.field(l.number, value(doc.number)),
    m.field(l.date, doc.date ? escapeHtml(formatDate(doc.date)) : `<i>${l.unknown}</i>`),
    m.field(l.issuer, value(doc.issuer)),
  ];
  if (doc.pages !== null) lines.push(m.field(l.pages, String(doc.pages)));
  lines.push(m.field(l.chunks, String(doc.chunkCount)));
  lines.push(m.field(l.file, `<code>${escapeHtml(truncate(doc.source, 200))}</code>`));
  return lines;
}

/** The card sent once an upload is stored. */
export function renderUploadCard(o: {
  status: "added" | "replaced";
  version: number;
  doc: CardDocument;
  warnings: readonly string[];
  /** Set when some of the text came from OCR of scanned pages. */
  ocr?: OcrSummary | undefined;
}): string {
  const lines = [o.status === "replaced" ? m.replaced(o.version) : m.added, "", ...fieldLines(o.doc)];
  if (o.ocr) lines.push("", m.ocrNote(o.ocr.pages.length, o.ocr.meanConfidence));
  const own = ownRelationLines(o.doc.relations);
  if (own.length > 0) lines.push("", ...own);
  if (o.warnings.length > 0) {
    lines.push("", m.warningsHeading);
    for (const w of o.warnings.slice(0, 5)) lines.push(`• ${escapeHtml(truncate(w, 300))}`);
  }
  lines.push("", m.answerableNow);
  return lines.join("\n");
}

/** One document's card in /tailieu, with its state of effect when the relations are known. */
export function renderDocumentCard(doc: DocumentRecord, timeZone: string, relations?: RelationIndex): string {
  const l = m.labels;
  // A state of effect is a legal document's: a web page or a report without a number has none.
  const state = relations?.statusOf(doc);
  const status =
    relations && state && (doc.number !== null || state.acts.length > 0 || state.effectiveFrom !== null)
      ? ["", ...statusLines(state, relations)]
      : [];
  const own = ownRelationLines(doc.relations);
  return [
    ...fieldLines(doc),
    m.field(l.version, String(doc.version)),
    m.field(l.added, formatLocalDate(doc.addedAt, timeZone)),
    ...(doc.updatedAt !== doc.addedAt ? [m.field(l.updated, formatLocalDate(doc.updatedAt, timeZone))] : []),
    ...status,
    ...(own.length > 0 ? ["", ...own] : []),
    ...(doc.number ? ["", `<i>${escapeHtml(statusMessages.correctHint(doc.number))}</i>`] : []),
  ].join("\n");
}

/** The buttons under a document's card: download, delete, back to the list page. */
export function documentKeyboard(docId: string, page: number, filter: KindFilter): Keyboard {
  return [
    [
      { text: m.buttonDownload, callback_data: docsData({ action: "download", docId }) },
      { text: m.buttonDelete, callback_data: docsData({ action: "delete", docId, page, filter }) },
    ],
    [{ text: m.buttonBack, callback_data: docsData({ action: "page", page, filter }) }],
  ];
}

/** The confirmation step of a deletion. */
export function deleteConfirmKeyboard(docId: string, page: number, filter: KindFilter): Keyboard {
  return [
    [
      { text: m.buttonConfirmDelete, callback_data: docsData({ action: "confirm", docId }) },
      { text: m.buttonCancel, callback_data: docsData({ action: "view", docId, page, filter }) },
    ],
  ];
}

/** The details after a title in lists: number and date. */
function listDetails(doc: Pick<DocumentRecord, "number" | "date">): string {
  return [doc.number, doc.date ? formatDate(doc.date) : null].filter((x): x is string => !!x).join(", ");
}

function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The kind a filter shows, for headings. */
export function filterLabel(filter: KindFilter): string | null {
  if (filter.type === "state") return statusMessages.filterLabels[filter.state];
  return filter.type === "all" ? null : filter.type === "none" ? m.noKind : filter.kind;
}

/**
 * A page of /tailieu: the heading, numbered documents (a button each), ◀ ▶ when there
 * are several pages and a row of kind filters (the kinds present in the store).
 */
export function renderDocumentList(o: {
  docs: readonly DocumentRecord[];
  /** Kinds of all active documents (null: no kind), for the filter buttons. */
  kinds: ReadonlyArray<string | null>;
  page: number;
  filter: KindFilter;
  pageSize?: number;
  /** Each document's state of effect, marked after its title. */
  stateOf?: (doc: DocumentRecord) => DocumentState;
}): { text: string; keyboard: Keyboard; page: number } {
  const size = o.pageSize ?? DOCS_PAGE_SIZE;
  const pages = pageCount(o.docs.length, size);
  const page = Math.min(Math.max(0, o.page), pages - 1);
  const shown = o.docs.slice(page * size, page * size + size);
  const label = filterLabel(o.filter);
  const lines = [
    m.listHeading({ total: o.docs.length, page: page + 1, pages, kind: label ? escapeHtml(label) : null }),
  ];
  if (shown.length === 0) lines.push("", label ? m.listEmptyKind(escapeHtml(label)) : m.listEmpty);
  else {
    lines.push("");
    shown.forEach((doc, i) => {
      lines.push(
        m.listLine(
          page * size + i + 1,
          escapeHtml(truncate(doc.title || doc.source, 140)),
          `${escapeHtml(listDetails(doc))}${o.stateOf ? statusMessages.marks[o.stateOf(doc)] : ""}`,
        ),
      );
    });
    lines.push("", `<i>${m.listHint}</i>`);
  }
  const keyboard: Keyboard = shown.map((doc, i) => [
    {
      text: truncate(`${page * size + i + 1}. ${doc.title || doc.source}`, 60),
      callback_data: docsData({ action: "view", docId: doc.docId, page, filter: o.filter }),
    },
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (page > 0)
    nav.push({
      text: m.previousPage,
      callback_data: docsData({ action: "page", page: page - 1, filter: o.filter }),
    });
  if (page < pages - 1)
    nav.push({
      text: m.nextPage,
      callback_data: docsData({ action: "page", page: page + 1, filter: o.filter }),
    });
  if (nav.length > 0) keyboard.push(nav);
  keyboard.push(...kindRows(o.kinds, o.filter));
  return { text: lines.join("\n"), keyboard, page };
}

/** Filter buttons, three a row: "Tất cả", each kind present (sorted), "Khác" for none. */
function kindRows(kinds: ReadonlyArray<string | null>, current: KindFilter): Keyboard {
  const named = [...new Set(kinds.filter((k): k is string => !!k))].sort((a, b) => a.localeCompare(b, "vi"));
  const filters: KindFilter[] = [
    { type: "all" },
    ...named.map((kind): KindFilter => ({ type: "kind", kind })),
  ];
  if (kinds.some((k) => !k)) filters.push({ type: "none" });
  if (filters.length <= 2 && current.type === "all") return [];
  const same = (f: KindFilter) =>
    f.type === current.type && (f.type !== "kind" || (current.type === "kind" && f.kind === current.kind));
  const buttons = filters.map((f) => ({
    text: `${same(f) ? "• " : ""}${f.type === "all" ? m.allKinds : (filterLabel(f) ?? "")}`,
    callback_data: docsData({ action: "page", page: 0, filter: f }),
  }));
  const rows: Keyboard = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  return rows;
}

/** The replacement choice: one "Thay thế" per candidate (a single one is just "Thay thế"). */
export function conflictKeyboard(
  id: string,
  candidates: ReadonlyArray<Pick<DocumentRecord, "title" | "source">>,
): Keyboard {
  const replace = candidates.slice(0, 5).map((c, index) => [
    {
      text: candidates.length === 1 ? m.buttonReplace : truncate(m.buttonReplaceOne(c.title || c.source), 60),
      callback_data: uploadChoiceData({ action: "replace", id, index }),
    },
  ]);
  return [
    ...replace,
    [{ text: m.buttonSeparate, callback_data: uploadChoiceData({ action: "separate", id }) }],
    [{ text: m.buttonCancel, callback_data: uploadChoiceData({ action: "cancel", id }) }],
  ];
}

/** "hiệu lực: ghi nhận 20/2025/NĐ-CP sửa đổi, bổ sung 10/2025/NĐ-CP". */
function correctionLine(c: RelationCorrection): string {
  const act = c.action === "add" ? "ghi nhận" : "bỏ";
  if (c.kind === "effective") return `Hiệu lực: ${act} ${c.target} có hiệu lực từ ${c.date ?? "?"}`;
  return `Hiệu lực: ${act} ${c.source} ${statusMessages.own[c.kind]} ${c.target}`;
}

/** A page of /nhatky, newest first, with ◀ ▶. */
export function renderAuditPage(o: {
  /** Corpus changes, official-answer changes and relation corrections, newest first. */
  events: ReadonlyArray<CorpusEvent | OfficialEvent | RelationCorrection>;
  total: number;
  page: number;
  timeZone: string;
  pageSize?: number;
}): { text: string; keyboard: Keyboard } {
  const size = o.pageSize ?? AUDIT_PAGE_SIZE;
  const pages = pageCount(o.total, size);
  if (o.total === 0) return { text: m.auditEmpty, keyboard: [] };
  const lines = [m.auditHeading({ total: o.total, page: o.page + 1, pages }), ""];
  for (const e of o.events) {
    if ("target" in e) {
      // A relation between documents recorded or dropped by an admin (/hieuluc).
      lines.push(
        `<code>${formatLocalDateTime(e.at, o.timeZone)}</code> ${escapeHtml(correctionLine(e))}`,
        `   <i>${escapeHtml(m.auditActor(e.actorId, "telegram"))}</i>`,
      );
      continue;
    }
    if ("officialId" in e) {
      // An official answer added, edited, removed or checked (issue 21).
      lines.push(
        `<code>${formatLocalDateTime(e.at, o.timeZone)}</code> ${reviewMessages.officialEvent(e.action, e.officialId)}: <b>${escapeHtml(truncate(e.question, 120))}</b>`,
        `   <i>${escapeHtml(reviewMessages.officialAuthor(e.actorId))}</i>`,
      );
      continue;
    }
    const what = `<b>${escapeHtml(truncate(e.title || e.source || e.docId, 120))}</b>${e.number ? ` (${escapeHtml(e.number)})` : ""}`;
    lines.push(
      `<code>${formatLocalDateTime(e.at, o.timeZone)}</code> ${m.auditAction(e.action, e.version)}: ${what}`,
      `   <i>${escapeHtml(m.auditActor(e.actorId, e.via))}</i>`,
    );
  }
  const nav: InlineKeyboardButton[] = [];
  if (o.page > 0) nav.push({ text: m.previousPage, callback_data: auditPageData(o.page - 1) });
  if (o.page < pages - 1) nav.push({ text: m.nextPage, callback_data: auditPageData(o.page + 1) });
  return { text: lines.join("\n"), keyboard: nav.length > 0 ? [nav] : [] };
}
