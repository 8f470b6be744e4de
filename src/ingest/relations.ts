import type { DocumentRelation } from "../store/types.js";
import {
  codeOfKind,
  type DocumentKey,
  keyOfNumber,
  keyOfReference,
  SHORT_REFERENCE,
  sameDocument,
} from "../text/document-keys.js";
import { FOLDED_KINDS, findNumbers, KINDS } from "../text/document-numbers.js";
import { fold } from "../text/fold.js";
import { foldNfc, splitSentences } from "../text/index.js";
import { parseVietnameseDate } from "./metadata.js";

/**
 * What documents say about one another and about themselves, read from their own words:
 * "sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP", "thay thế Quy định số
 * 214-QĐ/TW", "bãi bỏ ...", "hướng dẫn thi hành ...", "có hiệu lực thi hành từ ngày ...".
 * Kept in the catalog by number, so a relation to a document that arrives later links
 * when it arrives. Pure functions; every pattern is bounded.
 */

export type { DocumentRelation } from "../store/types.js";
export type RelationKind = DocumentRelation["kind"];

/** Verbs of one document acting on another (folded), and what each means. */
const VERBS: ReadonlyArray<readonly [RelationKind, RegExp]> = [
  ["amends", /\bsua doi\b(?:\s*,?\s*bo sung)?/gu],
  ["replaces", /\bthay the\b/gu],
  ["repeals", /\bbai bo\b|\bhuy bo\b|\bhet hieu luc\b/gu],
  ["guides", /\bhuong dan (?:thi hanh|thuc hien|chi tiet)\b|\bquy dinh chi tiet\b/gu],
];

/** The start of effect: "có hiệu lực (thi hành) (kể) từ ngày 19/2/2025" (folded). */
const EFFECTIVE = /\bco hieu luc(?: thi hanh| thuc hien)?(?: ke)? tu(?: ngay)?\b/u;

/**
 * Words before a verb that make it a wish, a plan or a draft, not an act: "đề xuất sửa
 * đổi", "dự thảo Nghị định sửa đổi", "sẽ thay thế", "nghiên cứu, sửa đổi" (folded).
 */
const NOT_AN_ACT =
  /\b(?:de xuat|du thao|du kien|se|nghien cuu|kien nghi|chu truong|ra soat|tham muu|de nghi|xem xet|can|phai|chuan bi|xay dung|lay y kien|trinh)\b/u;

/** A sentence that cites the documents a text rests on ("Căn cứ ...") states no relation of its own. */
const BASIS = /^\s*[*_]*\s*(?:can cu|xet de nghi|theo de nghi)\b/u;

/**
 * A sentence that opens a quotation of another document's text: "Căn cứ khoản 2 Điều 24
 * Nghị định 178/2024/NĐ-CP quy định như sau:", "Theo Điều 3 Thông tư 01/2025/TT-BNV quy
 * định:" (legal questions and answers quote articles this way). Folded.
 */
const QUOTE_LEAD = /^\s*[*_]*\s*(?:theo|tai|can cu|dan chieu)\b/u;
const QUOTE_OPENS = /\bquy dinh(?:\s+(?:nhu sau|cu the))?\s*:\s*[*_]*\s*$/u;
/** What ends a quotation: the page's own conclusion, or a heading. */
const QUOTE_ENDS = /^\s*(?:[*_]*\s*(?:nhu vay|theo do|tom lai|do do|vi vay)\b|#|=>)/u;
/** Sentences of a quotation read as the quoted document's (an article rarely runs longer). */
const QUOTE_SENTENCES = 12;

/** "Nghị định này", "Thông tư này", "Quyết định này": the stating document (folded). */
const THIS_DOCUMENT = new RegExp(`\\b(?:${FOLDED_KINDS.map((k) => k.folded).join("|")}) nay\\b`, "u");

/** A document named in a sentence, with where it is. */
interface Mention {
  text: string;
  key: DocumentKey;
  index: number;
  end: number;
}

/** Longest sentence read (a pasted table row can be a whole page). */
const MAX_SENTENCE = 1_500;
/** Words between a verb and the document it acts on: "sửa đổi, bổ sung một số điều của". */
const MAX_GAP = 90;

/**
 * The relations a document states. `own`: its number (null when it has none) and whether
 * it is a legal text (a news article or a web page only reports).
 */
export function extractRelations(
  text: string,
  own: { number: string | null; legal: boolean; date?: string | null },
): DocumentRelation[] {
  const out: DocumentRelation[] = [];
  const seen = new Set<string>();
  const ownKey = own.number ? keyOfNumber(own.number, null) : null;
  // The document a page quotes at length ("Căn cứ khoản 2 Điều 24 Nghị định 178/2024/NĐ-CP
  // quy định như sau:"), and how many sentences of the quote are left to read.
  let quoted: { mention: Mention; left: number } | null = null;
  for (const span of splitSentences(text)) {
    const sentence = span.text.trim().normalize("NFC");
    // Folded with every offset kept, so that a match in it is a slice of the sentence.
    const folded = foldNfc(sentence.toLowerCase());
    if (quoted !== null && (--quoted.left < 0 || QUOTE_ENDS.test(folded))) quoted = null;
    if (sentence.length < 20 || sentence.length > MAX_SENTENCE) continue;
    if (BASIS.test(folded) || QUOTE_LEAD.test(folded)) {
      const named = QUOTE_OPENS.test(folded) ? mentionsIn(sentence, folded).at(-1) : undefined;
      if (named !== undefined) quoted = { mention: named, left: QUOTE_SENTENCES };
      if (BASIS.test(folded)) continue;
    }
    const mentions = mentionsIn(sentence, folded);
    // Not a legal text itself: "Nghị định này" in the quote is the quoted decree.
    const quotedHere = quoted !== null && !own.legal && !own.number ? quoted.mention : null;
    for (const relation of [
      ...actsIn(sentence, folded, mentions, own, ownKey),
      ...effectIn(sentence, folded, mentions, own, ownKey, quotedHere),
    ]) {
      const id = `${relation.kind}|${keyText(relation.source)}|${keyText(relation.target)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(relation);
    }
  }
  return out;
}

/** Relations of one document acting on another in a sentence. */
function actsIn(
  sentence: string,
  folded: string,
  mentions: Mention[],
  own: { number: string | null; legal: boolean },
  ownKey: DocumentKey | null,
): DocumentRelation[] {
  const out: DocumentRelation[] = [];
  for (const [kind, pattern] of VERBS) {
    for (const verb of folded.matchAll(pattern)) {
      const at = verb.index;
      const after = at + verb[0].length;
      // Passive: "Nghị định 178 ... được sửa đổi, bổ sung bởi Nghị định 67".
      // So is "(sửa đổi, bổ sung tại Nghị định 33/2012/NĐ-CP)" after the document it changes.
      const passive =
        /\b(?:duoc|bi)\s*$/u.test(folded.slice(Math.max(0, at - 12), at)) ||
        /^\s*(?:tai|boi)\b/u.test(folded.slice(after, after + 8));
      const next = mentions.find((m) => m.index >= after && m.index - after <= MAX_GAP);
      if (!next) continue;
      // "thay thế" and "bãi bỏ" name the document right after them ("thay thế Quy định
      // số 214"), or a part of it ("bãi bỏ Điều 5 của ..."); anything else ("thay thế
      // Ban Bí thư") is not a document's act.
      const between = folded.slice(after, next.index);
      if (
        kind !== "amends" &&
        kind !== "guides" &&
        !/^\s*(?:(?:cho|toan bo)\s+)?$|\b(?:dieu|khoan|diem|chuong|muc|phu luc)\b/u.test(between)
      )
        continue;
      const partOf = /\b(?:dieu|khoan|diem|chuong|muc|phu luc)\b/u.test(between);
      const before = mentions.filter((m) => m.end <= at);
      const subject = before.at(-1);
      const lead = folded.slice(0, at);
      // Within the clause: "Xây dựng Nghị định thay thế ..." plans, "Chính phủ ban hành
      // Nghị định số 67 ... sửa đổi ..." acts.
      if (NOT_AN_ACT.test(lead.slice(Math.max(lead.lastIndexOf(";"), lead.lastIndexOf(":"), 0)))) continue;
      let source: Mention | "self" | null;
      let target: Mention;
      if (passive) {
        const agent = mentions.find(
          (m) => m.index >= after && /^\s*(?:boi|tai|theo|bang)?\s*$/u.test(folded.slice(after, m.index)),
        );
        if (!subject || !agent) continue;
        source = agent;
        target = subject;
      } else {
        source = subject ?? null;
        if (!source && (THIS_DOCUMENT.test(lead) || startsClause(lead))) source = "self";
        if (THIS_DOCUMENT.test(folded.slice(subject ? subject.end : 0, at))) source = "self";
        // "Nghị định này ..." in a page that quotes a decree is the decree's, not the page's.
        if (source === "self" && !own.legal && !own.number) continue;
        if (!source) continue;
        target = next;
      }
      const sourceIsSelf = source === "self" || (ownKey !== null && sameDocument(source.key, ownKey));
      const targetIsSelf = ownKey !== null && sameDocument(target.key, ownKey);
      if (targetIsSelf && (sourceIsSelf || source === "self")) continue;
      if (source !== "self" && sameDocument(source.key, target.key)) continue;
      // A legal text that states what a third document does is quoting it, not acting.
      if (!sourceIsSelf && own.legal) continue;
      out.push({
        kind: kind === "repeals" && partOf ? "amends" : kind,
        // The stating document's own number where it has one: a news article is filed
        // under the number it reports, the act of that document.
        source: source === "self" || sourceIsSelf ? own.number : source.text,
        target: target.text,
        date: source === "self" ? null : dateAfter(sentence, source.end),
        reported: !(sourceIsSelf && own.legal),
        evidence: sentence.slice(0, 300),
      });
    }
  }
  return out;
}

/** "... có hiệu lực thi hành từ ngày 19/2/2025": the start of effect of the subject. */
function effectIn(
  sentence: string,
  folded: string,
  mentions: Mention[],
  own: { number: string | null; legal: boolean; date?: string | null },
  ownKey: DocumentKey | null,
  /** The document a page is quoting here, whose "Nghị định này" this is. */
  quoted: Mention | null = null,
): DocumentRelation[] {
  const m = EFFECTIVE.exec(folded);
  if (!m) return [];
  const lead = folded.slice(0, m.index);
  if (NOT_AN_ACT.test(lead)) return [];
  // "có hiệu lực kể từ ngày ký": the day the stating document was signed.
  const signed = /^\s*ky\b/u.test(folded.slice(m.index + m[0].length)) ? (own.date ?? null) : null;
  const date = signed ?? parseVietnameseDate(sentence.slice(m.index, m.index + m[0].length + 40));
  if (!date) return [];
  const subject = mentions.filter((x) => x.end <= m.index).at(-1);
  const self =
    !subject && (THIS_DOCUMENT.test(lead) || startsClause(lead)) && (own.legal || own.number !== null);
  const isOwn = self || (subject !== undefined && ownKey !== null && sameDocument(subject.key, ownKey));
  if (!subject && quoted !== null && THIS_DOCUMENT.exec(lead)?.[0].startsWith(kindWordOf(quoted))) {
    return [
      {
        kind: "effective",
        source: null,
        target: quoted.text,
        date,
        reported: true,
        evidence: sentence.slice(0, 300),
      },
    ];
  }
  if (!isOwn && !subject) return [];
  if (!isOwn && own.legal) return [];
  return [
    {
      kind: "effective",
      source: null,
      target: isOwn ? own.number : subject!.text,
      date,
      reported: !(isOwn && own.legal),
      evidence: sentence.slice(0, 300),
    },
  ];
}

/** A mention's kind, folded ("nghi dinh" of "Nghị định 178/2024/NĐ-CP"); a string no text starts with when it names none. */
function kindWordOf(mention: Mention): string {
  const kind = foldNfc(mention.text.toLowerCase());
  const known = FOLDED_KINDS.find((k) => kind.startsWith(k.folded));
  return known ? known.folded : "\u0000";
}

/** A reference's identity as text, for telling repeats apart ("NGHỊ ĐỊNH SỐ 72/2020" = "Nghị định số 72/2020"). */
function keyText(reference: string | null): string {
  if (reference === null) return "self";
  const key = keyOfReference(reference);
  return key ? `${key.code}:${key.number}:${key.year}` : reference;
}

/** Whether nothing but an article's label comes before: "Điều 2. Hiệu lực thi hành: ..." (folded). */
function startsClause(lead: string): boolean {
  return /^\s*(?:[*_#]+\s*)?(?:dieu \d{1,3}[a-z]?\s*[.:]\s*(?:[\p{L} ]{0,40}[.:]\s*)?|\d{1,2}\s*[.)]\s*)?$/u.test(
    lead,
  );
}

/** The date right after a document's number: "Nghị định số 67/2025/NĐ-CP ngày 15/3/2025". */
function dateAfter(sentence: string, end: number): string | null {
  const rest = sentence.slice(end, end + 40);
  return /^\s*,?\s*(?:ngày|ban hành ngày)\s/u.test(rest) ? parseVietnameseDate(rest) : null;
}

/** The documents a sentence names: full numbers and the short forms ("Nghị định 178/2024"). */
function mentionsIn(sentence: string, folded: string): Mention[] {
  const out: Mention[] = [];
  for (const m of findNumbers(sentence)) {
    const start = kindStart(folded, m.index);
    const kind = start === null ? null : (KINDS.find((k) => folded.startsWith(fold(k), start)) ?? null);
    out.push({
      text: sentence.slice(start ?? m.index, m.index + m.number.length),
      key: keyOfNumber(m.number, kind),
      index: start ?? m.index,
      end: m.index + m.number.length,
    });
  }
  for (const m of folded.matchAll(SHORT_REFERENCE)) {
    const end = m.index + m[0].length;
    if (out.some((x) => m.index < x.end && end > x.index)) continue;
    out.push({
      text: sentence.slice(m.index, end),
      key: { code: codeOfKind(m[1]!), number: String(Number(m[2])), year: m[3] ?? null },
      index: m.index,
      end,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Where the kind's name starts when one is written right before a number ("Nghị định số "). */
function kindStart(folded: string, index: number): number | null {
  const from = Math.max(0, index - 30);
  const m = KIND_BEFORE_NUMBER.exec(folded.slice(from, index));
  return m ? from + m.index : null;
}

const KIND_BEFORE_NUMBER = new RegExp(
  `(?:${FOLDED_KINDS.map((k) => k.folded).join("|")})\\s+(?:so\\s*:?\\s*)?$`,
  "u",
);
