import type { Citation } from "../answer/types.js";
import type { CorpusAction, CorpusEvent } from "../audit/corpus-log.js";
import {
  escapeHtml,
  formatDate,
  splitMessage,
  TELEGRAM_MESSAGE_LIMIT,
  truncate,
} from "../telegram/format/index.js";
import { weekdayOf } from "./local-time.js";
import { dateLabel, digestMessages, type QuietPolicy } from "./messages.js";
import { type PassageExtract, passageExcerpt, sectionOf } from "./passages.js";
import { type AskedQuestion, groupQuestions, type QuestionTopic } from "./popular-questions.js";

/**
 * The daily digest as a pure function: what changed in the corpus since the chat's last
 * digest, what people asked in the last day, and one passage worth knowing, rendered as
 * Telegram HTML parts with numbered citations. No I/O: `gather.ts` collects the input.
 */

/** A passage that may be shown under "Bạn có biết?", with what its citation needs. */
export interface DidYouKnowCandidate {
  chunkId: string;
  docId: string;
  /** File name as ingested. */
  source: string;
  title: string;
  number: string | null;
  /** ISO date of the document, or null. */
  date: string | null;
  headingPath: string[];
  text: string;
}

export interface ComposeOptions {
  /** Changed documents listed (the rest are counted). Default 20. */
  maxChanges?: number;
  /** Question topics listed. Default 5. */
  maxTopics?: number;
  /** Longest message part. Default (and at most) Telegram's 4096. */
  partLimit?: number;
  /** Longest document title shown. Default 160 characters. */
  maxTitleLength?: number;
}

export interface DigestInput {
  /** The local date the digest is for, YYYY-MM-DD. */
  date: string;
  /** The IANA zone `date` is in (kept with the digest for the record). */
  zone: string;
  /** Corpus events since the chat's last digest, oldest first. */
  changes: readonly CorpusEvent[];
  /** Questions asked in the last day: text and time only. */
  questions: readonly AskedQuestion[];
  /** Passages that may be shown under "Bạn có biết?", in order of preference. */
  didYouKnow: readonly DidYouKnowCandidate[];
  /** Chunk ids this chat was shown in the last 30 days: never shown again. */
  recentlyShown: Iterable<string>;
  /** One- or two-sentence summaries of added/replaced documents, by docId. */
  summaries?: ReadonlyMap<string, PassageExtract>;
  /**
   * What an added or replaced document does to documents cadres have asked about, by
   * docId: "sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP (được hỏi 5 lần trong 30 ngày)".
   */
  relationNotes?: ReadonlyMap<string, readonly string[]>;
  /** A day with no changes and no questions: "short" (only "Bạn có biết?") or "none". Default "short". */
  quietPolicy?: QuietPolicy;
  options?: ComposeOptions;
}

/** One document's net change over the window. */
export interface NetChange {
  docId: string;
  kind: "added" | "replaced" | "removed";
  title: string;
  number: string | null;
  docDate: string | null;
  version: number;
  source: string | null;
}

export type DigestSectionKind = "changes" | "questions" | "didYouKnow";

/** A section as shown: its title and its HTML blocks (items). */
export interface DigestSection {
  kind: DigestSectionKind;
  title: string;
  blocks: string[];
}

export interface ComposedDigest {
  date: string;
  zone: string;
  /** No changes and no questions. */
  quiet: boolean;
  /** Nothing to send (a quiet day with policy "none", or nothing at all to say). */
  skipped: boolean;
  sections: DigestSection[];
  /** The messages to send, in order; each at most `partLimit` characters of HTML. Empty when skipped. */
  parts: string[];
  /** Numbered as in the [n] markers, in order of appearance. */
  citations: Citation[];
  /** The passage shown under "Bạn có biết?", to remember for the 30-day rule. */
  didYouKnowChunkId: string | null;
  changes: NetChange[];
  topics: QuestionTopic[];
  /** How many questions the topics were drawn from. */
  questionCount: number;
}

/**
 * Collapses a document's events into one net change: added then replaced is "added",
 * replaced then removed is "removed", added then removed is nothing. The last event's
 * metadata wins. Order: first appearance in the window.
 */
export function netChanges(events: readonly CorpusEvent[]): NetChange[] {
  const byDoc = new Map<string, { first: CorpusAction; last: CorpusEvent }>();
  for (const event of [...events].sort((a, b) => a.at - b.at || a.id - b.id)) {
    const seen = byDoc.get(event.docId);
    byDoc.set(event.docId, { first: seen?.first ?? event.action, last: event });
  }
  const out: NetChange[] = [];
  for (const [docId, { first, last }] of byDoc) {
    let kind: NetChange["kind"];
    if (last.action === "removed") {
      if (first === "added") continue; // came and went within the window
      kind = "removed";
    } else kind = first === "added" ? "added" : "replaced";
    out.push({
      docId,
      kind,
      title: last.title,
      number: last.number,
      docDate: last.docDate,
      version: last.version,
      source: last.source ?? null,
    });
  }
  return out;
}

interface Block {
  html: string;
  /** Joined to the previous block with a line break (same section) or a blank line. */
  sameSection: boolean;
}

/**
 * Packs blocks into parts of at most `limit` characters, breaking only between blocks
 * where possible; a block longer than a part is split by `splitMessage`.
 */
function packBlocks(blocks: readonly Block[], limit: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const block of blocks) {
    const sep = current === "" ? "" : block.sameSection ? "\n" : "\n\n";
    if (current.length + sep.length + block.html.length <= limit) {
      current += sep + block.html;
      continue;
    }
    if (current !== "") parts.push(current);
    current = "";
    if (block.html.length <= limit) {
      current = block.html;
      continue;
    }
    const pieces = splitMessage(block.html, limit);
    parts.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? "";
  }
  if (current !== "") parts.push(current);
  return parts;
}

function citationLine(c: Citation, maxTitle: number): string {
  const details = [c.number, c.date ? formatDate(c.date) : null, c.section]
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join(", ");
  const title = `<b>${escapeHtml(truncate(c.title.trim() || c.source, maxTitle))}</b>`;
  return `[${c.n}] ${title}${details ? ` — ${escapeHtml(details)}` : ""}`;
}

function changeLabel(change: NetChange): string {
  if (change.kind === "added") return digestMessages.changeAdded;
  if (change.kind === "removed") return digestMessages.changeRemoved;
  return digestMessages.changeReplaced(change.version);
}

const bold = (text: string) => `<b>${escapeHtml(text)}</b>`;

/**
 * Composes the digest of one chat for one day. Sections: "Tài liệu mới/cập nhật/đã gỡ"
 * (each document with its number, date and summary [n]), "Câu hỏi được quan tâm"
 * (topics and counts, never who asked), "Bạn có biết?" (one passage not shown to this
 * chat in the last 30 days, cited). A quiet day gives only "Bạn có biết?", or nothing
 * with policy "none". Every document- and user-derived string is escaped.
 */
export function composeDigest(input: DigestInput): ComposedDigest {
  const options = input.options ?? {};
  const maxChanges = options.maxChanges ?? 20;
  const maxTitle = options.maxTitleLength ?? 160;
  const limit = Math.min(options.partLimit ?? TELEGRAM_MESSAGE_LIMIT, TELEGRAM_MESSAGE_LIMIT);
  const changes = netChanges(input.changes);
  const topics = groupQuestions(input.questions, { max: options.maxTopics ?? 5 });
  const quiet = changes.length === 0 && topics.length === 0;
  const shown = new Set(input.recentlyShown);

  const citations: Citation[] = [];
  const cite = (c: Omit<Citation, "n">): number => {
    const existing = citations.find((x) => x.chunkId === c.chunkId);
    if (existing) return existing.n;
    const n = citations.length + 1;
    citations.push({ ...c, n });
    return n;
  };

  const sections: DigestSection[] = [];
  if (changes.length > 0) {
    const blocks = changes.slice(0, maxChanges).map((change) => {
      const details = [change.number, change.docDate ? formatDate(change.docDate) : null]
        .filter((d): d is string => !!d?.trim())
        .join(", ");
      const head = `• <i>${escapeHtml(changeLabel(change))}</i> · ${bold(truncate(change.title, maxTitle))}${
        details ? ` (${escapeHtml(details)})` : ""
      }`;
      const summary = change.kind === "removed" ? undefined : input.summaries?.get(change.docId);
      const notes = change.kind === "removed" ? [] : (input.relationNotes?.get(change.docId) ?? []);
      const noted = notes.map((note) => `\n⚠️ ${escapeHtml(note)}`).join("");
      if (!summary?.text.trim()) return `${head}${noted}`;
      const n = cite({
        docId: change.docId,
        source: change.source ?? "",
        title: change.title,
        number: change.number,
        date: change.docDate,
        section: summary.section,
        chunkId: summary.chunkId,
        text: summary.text,
      });
      return `${head}\n${escapeHtml(summary.text.trim())} [${n}]${noted}`;
    });
    if (changes.length > maxChanges)
      blocks.push(escapeHtml(digestMessages.moreChanges(changes.length - maxChanges)));
    sections.push({ kind: "changes", title: digestMessages.changesTitle, blocks });
  }
  const questionCount = topics.length === 0 ? 0 : input.questions.length;
  if (topics.length > 0) {
    const lines = topics.map(
      (t, i) =>
        `${i + 1}. «${escapeHtml(truncate(t.text, 200))}» — ${escapeHtml(digestMessages.timesAsked(t.count))}`,
    );
    sections.push({
      kind: "questions",
      title: digestMessages.questionsTitle,
      blocks: [`${escapeHtml(digestMessages.questionsIntro(questionCount))}\n${lines.join("\n")}`],
    });
  }
  let didYouKnowChunkId: string | null = null;
  // A document already in today's changes is not also today's "Bạn có biết?".
  const changedDocs = new Set(changes.map((c) => c.docId));
  for (const candidate of input.didYouKnow) {
    if (shown.has(candidate.chunkId) || changedDocs.has(candidate.docId)) continue;
    const excerpt = passageExcerpt(candidate.title, candidate);
    if (!excerpt) continue;
    const n = cite({
      docId: candidate.docId,
      source: candidate.source,
      title: candidate.title,
      number: candidate.number,
      date: candidate.date,
      section: sectionOf(candidate.title, candidate.headingPath),
      chunkId: candidate.chunkId,
      text: candidate.text,
    });
    didYouKnowChunkId = candidate.chunkId;
    sections.push({
      kind: "didYouKnow",
      title: digestMessages.didYouKnowTitle,
      blocks: [`${escapeHtml(excerpt)} [${n}]`],
    });
    break;
  }

  const policy = input.quietPolicy ?? "short";
  const skipped = sections.length === 0 || (quiet && policy === "none");
  const result = {
    date: input.date,
    zone: input.zone,
    quiet,
    sections,
    citations,
    didYouKnowChunkId: skipped ? null : didYouKnowChunkId,
    changes,
    topics,
    questionCount,
  };
  if (skipped) return { ...result, skipped: true, parts: [] };

  const blocks: Block[] = [
    {
      html: digestMessages.header(escapeHtml(dateLabel(input.date, weekdayOf(input.date)))),
      sameSection: false,
    },
  ];
  if (quiet) blocks.push({ html: digestMessages.quietNote, sameSection: true });
  for (const section of sections) {
    section.blocks.forEach((html, i) => {
      // The title travels with the first item, so a part never ends on a bare title.
      blocks.push({ html: i === 0 ? `${bold(section.title)}\n${html}` : html, sameSection: i > 0 });
    });
  }
  citations.forEach((c, i) => {
    const line = citationLine(c, maxTitle);
    blocks.push({
      html: i === 0 ? `${bold(digestMessages.sourcesHeading)}\n${line}` : line,
      sameSection: i > 0,
    });
  });
  blocks.push({ html: digestMessages.footer, sameSection: false });
  return { ...result, skipped: false, parts: packBlocks(blocks, limit) };
}
