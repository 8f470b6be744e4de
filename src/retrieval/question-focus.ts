import { analyzeQuery, hasVietnameseDiacritics } from "../text/index.js";

/**
 * Words that open a question without being asked about: "Những khó khăn khi ...",
 * "Nêu các nhiệm vụ của ...".
 */
const OPENERS = new Set([
  "những",
  "các",
  "nêu",
  "hãy",
  "cho",
  "biết",
  "xin",
  "hỏi",
  "một",
  "số",
  "mọi",
  "lượng",
]);

/**
 * Words after which a question states its situation: the words before name what is asked
 * ("Ưu điểm | của mô hình ...", "Những khó khăn | khi một người kiêm hai chức"). Not
 * "về", which follows verbs as often ("Kết luận 127 nói về ...").
 */
const LINKERS = new Set(["của", "khi", "đối", "trong", "ở", "tại"]);
/** "đối" links only as "đối với" ("nguyên tắc đối thoại" is one phrase). */
const LINKER_NEEDS_NEXT = new Map([["đối", "với"]]);

/** Words that make the opening a question of another form ("Ai ký ...", "Bao nhiêu ..."). */
const QUESTION_WORDS = new Set(["ai", "gì", "nào", "sao", "bao", "mấy", "đâu", "không", "có", "là"]);

/** The focus is a noun phrase of two to four syllables (one alone is too often a fragment: "Sau khi ..."). */
const MIN_FOCUS_SYLLABLES = 2;
const MAX_FOCUS_SYLLABLES = 4;
/** After the linker, the situation needs some words of its own for the split to mean anything. */
const MIN_SITUATION_SYLLABLES = 2;

/**
 * What a question asks for, when it says so before its situation: "khó khăn" in "Những
 * khó khăn khi một người vừa làm Bí thư vừa làm Chủ tịch?", "ưu điểm" in "Ưu điểm của
 * nhất thể hóa ở Đức Thọ là gì?". The situation's words (Bí thư, Chủ tịch, Đức Thọ) are
 * what the whole document is about; the focus tells which of its sentences answers.
 * Empty when the question has no such form. A question typed without any marks has its
 * linkers read without them too ("cua", "doi voi"); one typed with marks must mark them
 * ("o nhiễm" there is not "ở"). `hasMarks`: what the caller already knows of the question.
 */
export function questionFocus(question: string, hasMarks = hasVietnameseDiacritics(question)): string {
  const words = question
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // "Theo quy định của Luật ..." names a source, not what is asked.
  if (words[0] === "theo") return "";
  const folded = !hasMarks;
  const isLinker = (word: string, next: string | undefined) => linksSituation(word, next, folded);
  let start = 0;
  while (start < words.length && OPENERS.has(words[start]!)) start++;
  for (
    let end = start + MIN_FOCUS_SYLLABLES;
    end <= Math.min(words.length, start + MAX_FOCUS_SYLLABLES);
    end++
  ) {
    const next = words[end];
    if (next === undefined) return "";
    // A number names a document ("Kết luận 127 ..."): the question is about it, not a focus.
    const phrase = words.slice(start, end);
    if (phrase.some((w, i) => QUESTION_WORDS.has(w) || /\d/u.test(w) || isLinker(w, words[start + i + 1])))
      return "";
    if (isLinker(next, words[end + 1])) {
      return words.length - end - 1 >= MIN_SITUATION_SYLLABLES ? words.slice(start, end).join(" ") : "";
    }
  }
  return "";
}

/** Whether `word` (followed by `next`) links a focus to its situation; `folded`: read unmarked words as marked. */
function linksSituation(word: string, next: string | undefined, folded: boolean): boolean {
  const unfold = (w: string) => (folded ? (FOLDED_LINKERS.get(w) ?? w) : w);
  const linker = unfold(word);
  if (!LINKERS.has(linker)) return false;
  const needed = LINKER_NEEDS_NEXT.get(linker);
  return needed === undefined || (next !== undefined && unfold(next) === needed);
}

const FOLDED_LINKERS = new Map([
  ["cua", "của"],
  ["doi", "đối"],
  ["voi", "với"],
  ["o", "ở"],
  ["tai", "tại"],
]);

/**
 * What the focus's words weigh in choosing sentences: the sentence that names what is
 * asked ("áp lực" in "áp lực đối với người đứng đầu khi kiêm nhiệm") answers it.
 * Terms only its alias gives weigh as usual: "ưu điểm" asks for benefits, and a sentence
 * saying "bên cạnh những thuận lợi đó, ... khó khăn" is not one.
 */
export const FOCUS_WEIGHT = 2;

/**
 * The terms of the question's focus, as the query analysis names them, each with the
 * factor its value takes in sentence choice (FOCUS_WEIGHT, or 1 for its alias's terms).
 * Empty when the question has no focus.
 */
export function focusWeights(question: string, hasMarks?: boolean): Map<string, number> {
  return focusTermWeights(questionFocus(question, hasMarks));
}

/** The terms of a focus phrase (marked or folded) with their factors; empty for "". */
export function focusTermWeights(focus: string): Map<string, number> {
  if (focus === "") return new Map();
  const analyzed = analyzeQuery(focus);
  const aliasOnly = new Set(analyzed.aliasTerms);
  return new Map(analyzed.terms.map((t) => [t.term, aliasOnly.has(t.term) ? 1 : FOCUS_WEIGHT]));
}
