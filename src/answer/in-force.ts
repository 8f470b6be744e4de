import { parseVietnameseDate } from "../ingest/metadata.js";
import { findShortReferences } from "../retrieval/document-references.js";
import type { ActOn, DocumentStatus, RelationIndex } from "../retrieval/document-status.js";
import type { RelationIndexSource } from "../retrieval/relation-index.js";
import type { ChunkRecord, DocumentRecord } from "../store/types.js";
import { keyOfReference, sameDocument } from "../text/document-keys.js";
import { findDocumentNumbers, kindOfFoldedCode } from "../text/document-numbers.js";
import { foldDiacritics } from "../text/index.js";
import { toCitation } from "./extractive.js";
import type { Citation, Passage } from "./types.js";

/**
 * Answers that know which rule is in force: a cited passage from a document that a later
 * one amends, replaces or repeals carries a notice citing the later document ("⚠️ Nghị
 * định 178/2024/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP [2]"); a
 * question about validity itself is answered from the relations.
 */

/** What the notices need from the store: a document's passages, to cite the one stating the act. */
export interface PassageSource {
  getChunks(docId: string): Promise<ChunkRecord[]>;
}

/** What answers need to know which rule is in force. */
export interface InForceDeps {
  relations: RelationIndexSource;
  passages: PassageSource;
}

/**
 * The answer to "NĐ 178 còn hiệu lực không?" and the like from the relations, or null
 * when the question is not about validity, names no document, or the store says nothing.
 */
export async function answerValidityQuestion(
  question: string,
  deps: InForceDeps,
): Promise<{ answer: string; citations: Citation[] } | null> {
  const folded = foldDiacritics(question.normalize("NFC").toLowerCase());
  if (!asksValidity(folded)) return null;
  const reference = referenceIn(question, folded);
  if (reference === null) return null;
  const asksSince = /\b(?:tu ngay nao|tu khi nao|tu bao gio|khi nao|ngay nao|bao gio)\b/u.test(folded);
  return answerValidity(reference, await deps.relations.current(), deps.passages, { asksSince });
}

/**
 * The one document a validity question is about, as a reference the relations read
 * ("Nghị định 178/2024"); null when it names several, or when another document comes
 * first ("thông tư của BQP hướng dẫn NĐ 178 có hiệu lực từ ngày nào?" asks of the circular).
 */
function referenceIn(question: string, folded: string): string | null {
  const numbers = findDocumentNumbers(question);
  const shorts = findShortReferences(question);
  if (numbers.length + shorts.length !== 1 && !(numbers.length === 1 && shorts.length <= 1)) return null;
  const firstKind = FIRST_KIND.exec(folded);
  const at = numbers[0] ? question.indexOf(numbers[0]) : firstKind ? firstKind.index : -1;
  // The first document the question names must be the numbered one.
  if (
    firstKind &&
    at >= 0 &&
    !/^\s*(?:so\s*)?\d/u.test(folded.slice(firstKind.index + firstKind[0].length)) &&
    firstKind.index < at
  )
    return null;
  if (numbers[0]) return numbers[0];
  const short = shorts[0]!;
  const kind = kindOfFoldedCode(short.code);
  return kind ? `${kind} ${short.number}${short.year ? `/${short.year}` : ""}` : null;
}

/** The first kind of document a question names (folded), numbered or not. */
const FIRST_KIND =
  /\b(?:nghi dinh|nghi quyet|thong tu|quyet dinh|quy dinh|ket luan|chi thi|huong dan|cong van|luat|ke hoach|nd|nq|tt|qd|kl)\b/u;

/** Marks the passages whose document a later one in the store replaces or repeals. */
export function markSuperseded(passages: Passage[], index: RelationIndex): void {
  const ended = new Map<string, boolean>();
  for (const passage of passages) {
    let value = ended.get(passage.doc.docId);
    if (value === undefined) {
      const state = index.statusOf(passage.doc).state;
      value = state === "replaced" || state === "repealed";
      ended.set(passage.doc.docId, value);
    }
    if (value) passage.superseded = true;
  }
}

/** How many notices one answer carries at most (one per cited document, two documents). */
const MAX_NOTICES = 2;

/** The answer with a notice line (and its citation) for each cited document no longer as cited. */
export async function withInForceNotices(
  answer: { answer: string; citations: Citation[] },
  index: RelationIndex,
  passages: PassageSource,
): Promise<{ answer: string; citations: Citation[] }> {
  const citations = [...answer.citations];
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const citation of answer.citations) {
    if (lines.length >= MAX_NOTICES || seen.has(citation.docId)) continue;
    seen.add(citation.docId);
    const doc = index.documentById(citation.docId);
    if (!doc) continue;
    const status = index.statusOf(doc);
    const act = status.acts[0];
    if (!act) continue;
    const n = await citeAct(act, index, passages, citations);
    lines.push(
      `⚠️ ${labelOf(doc)} ${ACT_WORDS[act.kind]} ${actorOf(act, index)}${dateText(act.date)}${n ? ` [${n}]` : byAdmin(act)}.`,
    );
  }
  if (lines.length === 0) return answer;
  return { answer: `${answer.answer}\n\n${lines.join("\n")}`, citations };
}

const ACT_WORDS: Record<ActOn["kind"], string> = {
  amends: "đã được sửa đổi, bổ sung bởi",
  replaces: "đã được thay thế bởi",
  repeals: "đã bị bãi bỏ bởi",
};

/**
 * Questions about validity: "NĐ 178 còn hiệu lực không?", "văn bản nào sửa đổi NĐ 178?",
 * "Quy định 214 bị thay thế chưa?", "Nghị quyết 190 có hiệu lực từ ngày nào?".
 */
const ASKS_VALIDITY =
  /\b(?:con hieu luc|het hieu luc|co hieu luc|hieu luc tu|hieu luc khi nao|con ap dung|bi thay the|duoc thay the|thay the chua|bi bai bo|bai bo chua|bi sua doi|duoc sua doi|sua doi chua|nao sua doi|nao thay the|nao bai bo|sua doi boi|thay the boi)\b/u;

/** Whether a folded question asks whether a document is in force or what changed it. */
export function asksValidity(foldedQuestion: string): boolean {
  return ASKS_VALIDITY.test(foldedQuestion);
}

/**
 * The answer to a validity question about `reference` from the relations, with citations
 * of the passages that state them; null when the store says nothing about it (the
 * question then goes the usual way).
 */
export async function answerValidity(
  reference: string,
  index: RelationIndex,
  passages: PassageSource,
  /** The question asks only since when ("có hiệu lực từ ngày nào?"). */
  options: { asksSince?: boolean } = {},
): Promise<{ answer: string; citations: Citation[] } | null> {
  const status = index.statusOfReference(reference);
  if (!status || (status.acts.length === 0 && status.effectiveFrom === null)) return null;
  const named = index.documentsNamed(reference)[0];
  // The store may hold only what others say of it: name it as they write it, in full.
  const written = status.acts
    .map((a) => a.target ?? "")
    .map((t) => (/\p{Ll}/u.test(t) ? t : sentenceCase(t)))
    .sort((a, b) => b.length - a.length)[0];
  const label = named ? labelOf(named) : written ? written.replace(/\s+số\s+/u, " ") : reference;
  const citations: Citation[] = [];
  const actsPart = async (): Promise<string | null> => {
    if (status.acts.length === 0) return null;
    const acts: string[] = [];
    for (const act of status.acts.slice(0, 3)) {
      const n = await citeAct(act, index, passages, citations);
      acts.push(
        `${ACT_WORDS[act.kind]} ${actorOf(act, index)}${dateText(act.date)}${n ? ` [${n}]` : byAdmin(act)}`,
      );
    }
    return `${label} ${STATE_WORDS[status.state]} ${acts.join("; ")}.`;
  };
  const effectPart = async (): Promise<string | null> => {
    // Asked since when, and no document says: the status alone would read as an answer.
    if (status.effectiveFrom === null)
      return options.asksSince ? `Tài liệu không nêu ngày ${label} bắt đầu có hiệu lực.` : null;
    const effect = await citeEffect(reference, status, index, passages, citations);
    // Since when, in the document's own words where they are short ("Nghị quyết 198/2025/QH15
    // có hiệu lực từ 17/5/2025."); else said plainly.
    // "Nghị định này ..." out of its document says nothing of which one.
    const own =
      effect && effect.sentence.length <= 200 && !/\bnày\b/u.test(effect.sentence)
        ? effect.sentence.replace(/[.;:]?\s*$/u, ".")
        : null;
    return own
      ? `${own} [${effect!.n}]`
      : `${label} có hiệu lực từ ${dateAsWritten(effect?.sentence, status.effectiveFrom)}${effect ? ` [${effect.n}]` : ""}.`;
  };
  // Asked since when, the date comes first; asked whether, the acts on it.
  const parts: string[] = [];
  for (const part of options.asksSince ? [effectPart, actsPart] : [actsPart, effectPart]) {
    const text = await part();
    if (text !== null) parts.push(text);
  }
  if (status.acts.length === 0 && status.effectiveFrom !== null && !options.asksSince)
    parts.push("Trong tài liệu chưa có văn bản nào sửa đổi, thay thế hay bãi bỏ văn bản này.");
  return { answer: parts.join(" "), citations };
}

const STATE_WORDS: Record<DocumentStatus["state"], string> = {
  in_force: "còn hiệu lực",
  not_yet_in_force: "chưa có hiệu lực",
  amended: "vẫn còn hiệu lực, nhưng",
  replaced: "không còn hiệu lực:",
  repealed: "không còn hiệu lực:",
};

/** Adds (or finds) the citation of the passage that states an act; its number, or null. */
async function citeAct(
  act: ActOn,
  index: RelationIndex,
  passages: PassageSource,
  citations: Citation[],
): Promise<number | null> {
  // The acting document's own words first, else the page that reports the act.
  for (const docId of [act.byDocId, act.statedIn]) {
    if (docId === null) continue;
    const n = await citePassage(docId, act.evidence, index, passages, citations);
    if (n !== null) return n;
  }
  return null;
}

/** The citation of the sentence stating when the document took effect, and that sentence. */
async function citeEffect(
  reference: string,
  status: DocumentStatus,
  index: RelationIndex,
  passages: PassageSource,
  citations: Citation[],
): Promise<{ n: number; sentence: string } | null> {
  for (const doc of index.documents) {
    const relation = doc.relations?.find(
      (r) =>
        r.kind === "effective" &&
        r.date === status.effectiveFrom &&
        (r.target === null || namesSame(r.target, reference, index)),
    );
    if (!relation) continue;
    const n = await citePassage(doc.docId, relation.evidence, index, passages, citations);
    if (n !== null) return { n, sentence: stripListMarks(relation.evidence) };
  }
  return null;
}

/** A sentence without the list or emphasis marks around it ("*- Luật số 72 ...*", "1. Nghị định này ..."). */
function stripListMarks(sentence: string): string {
  return sentence
    .replace(/^[\s*_#>-]*(?:\d{1,2}[.)]\s+)?/u, "")
    .replace(/[*_\s]+$/u, "")
    .trim();
}

function namesSame(target: string, reference: string, index: RelationIndex): boolean {
  const a = index.documentsNamed(target).map((d) => d.docId);
  const b = index.documentsNamed(reference).map((d) => d.docId);
  if (a.some((id) => b.includes(id)) || target.includes(reference) || reference.includes(target)) return true;
  // Neither in the store: "NQ 1250" and "Nghị quyết số 1250/NQ-UBTVQH15" by their number, as the
  // status itself was found.
  const [ka, kb] = [keyOfReference(target), keyOfReference(reference)];
  return ka !== null && kb !== null && sameDocument(ka, kb);
}

/** The citation number of the passage of `docId` holding `evidence`, added when new. */
async function citePassage(
  docId: string,
  evidence: string,
  index: RelationIndex,
  passages: PassageSource,
  citations: Citation[],
): Promise<number | null> {
  const doc = index.documentById(docId);
  if (!doc) return null;
  // The chunker may join or break lines: compare with white space folded.
  const flat = (text: string) => text.normalize("NFC").replace(/[\s*_]+/gu, " ");
  const probe = flat(evidence).trim().slice(0, 60);
  const chunks = await passages.getChunks(docId);
  // A relation an admin recorded is stated by no sentence: the document itself is cited.
  const chunk = chunks.find((c) => flat(c.text).includes(probe)) ?? chunks[0] ?? null;
  if (!chunk) return null;
  const known = citations.find((c) => c.chunkId === chunk.chunkId);
  if (known) return known.n;
  const n = citations.length === 0 ? 1 : Math.max(...citations.map((c) => c.n)) + 1;
  citations.push(toCitation(n, { chunk, doc, score: 0 }));
  return n;
}

/** Where no passage states an act, an admin recorded it (`/hieuluc`): say so. */
function byAdmin(act: ActOn): string {
  return act.evidence.startsWith(ADMIN_RECORD) ? " (theo ghi nhận của quản trị viên)" : "";
}

/** How an admin's correction reads as the statement of a relation (see `withCorrections`). */
const ADMIN_RECORD = "Quản trị viên ghi nhận:";

/** The acting document: as the store files it when it is there, else as the statement writes it. */
function actorOf(act: ActOn, index: RelationIndex): string {
  const doc = act.byDocId ? index.documentById(act.byDocId) : undefined;
  if (doc?.number) return labelOf(doc);
  return act.by?.replace(/\s+số\s+/u, " ") ?? "một văn bản ban hành sau";
}

/** "Nghị định 178/2024/NĐ-CP"; a document without a number by its title. */
export function labelOf(doc: DocumentRecord): string {
  if (doc.number) return doc.kind ? `${doc.kind} ${doc.number}` : doc.number;
  return `“${doc.title}”`;
}

function dateText(date: string | null): string {
  return date ? ` (ngày ${formatDate(date)})` : "";
}

/** "NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP" → "Nghị định số 72/2020/NĐ-CP": the number keeps its capitals. */
function sentenceCase(text: string): string {
  return text.replace(
    /^(\p{L})([\p{L}\s]*?)(\s+(?:SỐ\s+)?\d)/u,
    (_, first: string, rest: string, tail: string) =>
      `${first}${rest.toLowerCase()}${tail.replace("SỐ", "số")}`,
  );
}

/** Any date a sentence writes out: "ngày 1 tháng 12 năm 2024", "01/12/2024". */
const WRITTEN_DATE =
  /(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)/giu;

/**
 * The date as the cited sentence writes it ("ngày 1 tháng 12 năm 2024"), so the answer reads
 * as its source does; else "ngày 1/12/2024".
 */
function dateAsWritten(sentence: string | undefined, iso: string): string {
  for (const m of sentence?.matchAll(WRITTEN_DATE) ?? []) {
    const text = m[0].startsWith("ngày") ? m[0] : `ngày ${m[0]}`;
    if (parseVietnameseDate(text) === iso) return text;
  }
  return `ngày ${formatDate(iso)}`;
}

/** ISO date as Vietnamese write it: 2025-03-15 → 15/3/2025. */
function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}
