import { analyzeQuestion } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";

/*
 * The words of a follow-up and of the question it replies to, as typed: tokens, the
 * document and the place nouns a question names, and what a reply asking a question of
 * its own ("do ai ký?", "vậy cấp xã còn bao nhiêu?") takes from the earlier question.
 * Pure; read by follow-up.ts.
 */

/** Kinds of documents as cadres name them, folded, with their abbreviations. */
const DOCUMENT_KIND =
  "(?:nghi dinh|nghi quyet|ket luan|quyet dinh|thong tu|ke hoach|chi thi|luat|huong dan|quy dinh|cong van|thong bao|to trinh|nd|nq|kl|qd|tt|kh|ct)";
/** "Nghị định 178", "Nghị quyết số 18-NQ/TW", "NQ18", "178/2024/NĐ-CP", folded words. */
export const DOCUMENT_REF = new RegExp(
  `(?:^| )(?:${DOCUMENT_KIND}(?: so)? \\d[^ ]*|(?:nd|nq|kl|qd|ct|kh)\\d[^ ]*|\\d+/\\d{4}/[^ ]+|\\d+-[a-z]+/[^ ]+)`,
  "u",
);

/** Administrative units and levels: "huyện Đức Thọ", "tỉnh khác", "cấp xã". */
const PLACE_NOUNS = new Set([
  "huyen",
  "tinh",
  "xa",
  "quan",
  "phuong",
  "tp",
  "thanh",
  "thi",
  "dia",
  "cap",
  "noi",
]);
export interface Token {
  /** As typed, NFC. */
  text: string;
  /** Lower case, folded. */
  folded: string;
  start: number;
  end: number;
}

/** A message that goes on from the answer: "vậy ...", "thế ...", "còn ..." (folded words). */
export const CONTINUES = /^(?:(?:the|vay) )?con |^(?:vay|the) /u;
/** Words pointing back to what was said ("kết luận đó", "20% này"), as written with marks. */
export const POINTS_BACK = new Set(["đó", "này", "ấy"]);

/**
 * Whether a message names a subject of its own: a place, person, year or term (its
 * situation), a unit's kind ("huyện", "cấp xã") or a document.
 */
export function namesOwnSubject(situation: readonly string[], tokens: Token[]): boolean {
  const folded = tokens.map((t) => t.folded).join(" ");
  if (DOCUMENT_REF.test(folded)) return true;
  if (situation.length > 0) return true;
  return tokens.some((_, i) => placeNounAt(tokens, i) > 0);
}

/**
 * What the previous question was about, for a reply that asks something else of it: the
 * document it names, when the reply asks of the document itself ("do ai ký?" after "Nghị
 * quyết 190 có hiệu lực từ ngày nào?", whose "hiệu lực từ" would ask the date again);
 * otherwise the question less its question words ("vì sao" after "Đức Thọ giảm được bao
 * nhiêu đầu mối?", "thời hạn là khi nào?" after what Kết luận 126 tasks a body with);
 * "" when nothing is left. `replyFolded`: the reply, folded.
 */
export function subjectOf(previous: string, replyFolded: string): string {
  const tokens = tokenize(previous);
  const document = ASKS_OF_DOCUMENT.test(replyFolded) ? findDocument(tokens) : null;
  return document
    ? previous.slice(tokens[document[0]]!.start, tokens[document[1] - 1]!.end)
    : withoutQuestionWords(previous);
}
/**
 * What a reply asks of a document itself: who signed, issued or passed it, its effect, its
 * number (folded); not a deadline it sets ("thời hạn là khi nào?").
 */
const ASKS_OF_DOCUMENT = /\b(?:ky|ban hanh|hieu luc|so hieu|so may|thong qua|ra ngay)\b/u;

/** A short message asking a question of its own: "ai ký?", "khi nào?", "vì sao" (folded, fillers out). */
export function asksOwnQuestion(core: string): boolean {
  return core !== "" && analyzeQuestion(core).type !== "khac";
}

/** Question phrases, longest first (folded words). */
const QUESTION_PHRASES: ReadonlyArray<readonly string[]> = [
  ["gom", "nhung", "gi"],
  ["la", "nhung", "gi"],
  ["nhu", "the", "nao"],
  ["bao", "nhieu"],
  ["bao", "gio"],
  ["khi", "nao"],
  ["luc", "nao"],
  ["ngay", "nao"],
  ["thang", "nao"],
  ["nam", "nao"],
  ["la", "gi"],
  ["la", "ai"],
  ["the", "nao"],
  ["ra", "sao"],
  ["tai", "sao"],
  ["vi", "sao"],
  ["o", "dau"],
  ["nhung", "gi"],
  ["ai"],
  ["gi"],
];
/** Words that ask only as written with their marks ("mấy", not "máy" of "xe máy"). */
const MARKED_QUESTION_WORDS = new Set(["mấy", "đâu", "nào"]);
/** A yes/no question's closing word, asked only at the end. */
const CLOSING = /^(?:khong|ko|chua|k)$/u;

/**
 * The previous question without its question words ("NQ 18 ban hành ngày nào?" → "NQ 18
 * ban hành"), as typed; "" when nothing else is left.
 */
function withoutQuestionWords(previous: string): string {
  const tokens = tokenize(previous);
  const keep = tokens.map(() => true);
  for (let i = 0; i < tokens.length; i++) {
    const phrase = QUESTION_PHRASES.find((p) => p.every((w, k) => tokens[i + k]?.folded === w));
    if (phrase) {
      for (let k = 0; k < phrase.length; k++) keep[i + k] = false;
      i += phrase.length - 1;
    } else if (MARKED_QUESTION_WORDS.has(tokens[i]!.text.toLowerCase())) keep[i] = false;
  }
  // A closing "không", "chưa", "phải không" asks yes or no.
  for (let i = tokens.length - 1; i >= 0 && (!keep[i] || CLOSING.test(tokens[i]!.folded)); i--) {
    keep[i] = false;
    if (tokens[i]!.folded !== "phai" && tokens[i - 1]?.folded === "phai") keep[i - 1] = false;
  }
  // Runs of kept words as typed, with what stands between them ("20%", "tỉnh, thành").
  const runs: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!keep[i]) continue;
    let j = i;
    while (j + 1 < tokens.length && keep[j + 1]) j++;
    runs.push(previous.slice(tokens[i]!.start, tokens[j]!.end));
    i = j;
  }
  return runs.join(" ");
}

export function tokenize(text: string): Token[] {
  const nfc = text.normalize("NFC");
  const out: Token[] = [];
  for (const m of nfc.matchAll(/[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/gu)) {
    out.push({
      text: m[0],
      folded: foldDiacritics(m[0].toLowerCase()),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Token range [from, to) of the first run of these folded words. */
export function findWords(tokens: Token[], words: readonly string[]): [number, number] | null {
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j]!.folded === w)) return [i, i + words.length];
  }
  return null;
}

/** The document the previous question names ("Nghị định số 178/2024/NĐ-CP", "NQ18"). */
export function findDocument(tokens: Token[]): [number, number] | null {
  const kinds = new RegExp(`^${DOCUMENT_KIND}$`, "u");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.folded;
    if (/^(?:nd|nq|kl|qd|ct|kh)\d/u.test(t) || /^\d+\/\d{4}\//u.test(t) || /^\d+-[a-z]+\//u.test(t))
      return [i, i + 1];
    // A kind of one or two words, "số", then its number.
    for (const width of [2, 1]) {
      const kind = tokens
        .slice(i, i + width)
        .map((x) => x.folded)
        .join(" ");
      if (!kinds.test(kind)) continue;
      let j = i + width;
      if (tokens[j]?.folded === "so") j++;
      if (tokens[j] && /^\d/u.test(tokens[j]!.folded)) return [i, j + 1];
    }
  }
  return null;
}

/**
 * The place the previous question names: "huyện Đức Thọ", "ở Đức Thọ", "cấp huyện".
 * Names are capitalised words; a question typed in lower case takes the two words after
 * the place noun or "ở" (most place names have two syllables).
 */
/** How many words of a place noun start at token i ("thành phố": 2), 0 when none. */
export function placeNounAt(tokens: Token[], i: number): number {
  const w = tokens[i]?.folded ?? "";
  if (!PLACE_NOUNS.has(w)) return 0;
  const two = `${w} ${tokens[i + 1]?.folded ?? ""}`;
  if (/^(?:thanh pho|thi xa|thi tran|dia phuong)$/u.test(two)) return 2;
  return /^(?:thanh|thi|dia)$/u.test(w) ? 0 : 1;
}
