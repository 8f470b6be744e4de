import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { cachedRegExp, escapeRegExp, wordCharacterBefore } from "../text/index.js";

/*
 * Definitions: whether "X là gì" asks what a term is, and whether a sentence says it.
 * Pure; folded text in.
 */

/**
 * Whether "X là gì" asks what X is (a term: "Nhất thể hóa là gì?"), not a head noun with
 * other names ("Mục tiêu ... là gì", answered by "nhằm ..."): then only a sentence that
 * says what X is answers.
 */
export function asksDefinition(question: QuestionAnalysis): boolean {
  return definedTerm(question) !== undefined;
}

/**
 * The term a "X là gì" question asks to define, folded: the whole subject when it is the
 * focus ("kiêm nhiệm"), or a short subject holding it ("chính quyền địa phương 2 cấp",
 * whose focus is "quyen dia phuong"); undefined for a head noun with a longer content
 * ("phương châm vừa chạy vừa xếp hàng là gì" asks what the motto means).
 */
export function definedTerm(question: QuestionAnalysis): string | undefined {
  if (question.type !== "la_gi" || question.focus === "" || question.focusPhrases.length !== 1)
    return undefined;
  const subject = DEFINED_TERM_QUESTION.exec(question.folded)?.[1];
  if (subject === undefined) return undefined;
  if (subject === question.focus) return subject;
  const words = subject.split(" ");
  if (words.length > MAX_DEFINED_WORDS) return undefined;
  // "biệt phái công chức là gì": a focus read as the subject's last words ("phai cong
  // chuc") is that term's tail; the subject is the term.
  if (words.length <= MAX_TERM_WORDS && ` ${subject}`.endsWith(` ${question.focus}`)) return subject;
  return /\d/u.test(subject) && ` ${subject} `.includes(` ${question.focus} `) ? subject : undefined;
}
/** The longest subject read as a term without a number ("biệt phái công chức"). */
const MAX_TERM_WORDS = 4;
/**
 * The longest subject read as a term (with a number: "chính quyền địa phương 2 cấp"). An
 * opening "cho hỏi", "cho biết" is no part of it; "biệt phái ..." opens with its own word.
 */
const MAX_DEFINED_WORDS = 6;
const DEFINED_TERM_QUESTION =
  /^(?:(?:cho (?:toi|minh|em) )?hoi |cho (?:(?:toi|minh|em) )?biet )?(.+?) (?:la gi|nghia la gi|duoc hieu (?:la|nhu the nao))(?: (?:theo|trong|tai) [a-z0-9 /.-]+)?$/u;

/**
 * Whether the sentence says what the term is: the term, then within a few words "là",
 * "được hiểu là", "nghĩa là", "gồm" or a colon ("thực hiện nhất thể hóa và kiêm nhiệm các
 * chức danh: Bí thư Huyện ủy đồng thời là ..."). A sentence that names the term in passing
 * ("khi thực hiện mô hình nhất thể hóa còn gặp khó khăn") does not (folded).
 */
export function definesTerm(term: string, folded: string): boolean {
  // "Biệt phái là việc công chức ... được cử đến ..." defines "biệt phái công chức" by its
  // head: the term, or its first words, half of it or more and two at least.
  const words = term.split(" ");
  // A one-word term ("Crypto là gì?") is defined by itself.
  const shortest = words.length === 1 ? 1 : Math.max(2, Math.ceil(words.length / 2));
  for (let n = words.length; n >= shortest; n--) {
    if (definesPhrase(words.slice(0, n).join(" "), folded)) return true;
  }
  return false;
}

/**
 * What follows a term that says what it is: a colon within a few words, or "là", "được
 * hiểu là", "gồm" ... within four words. Read where a term ends (sticky), so the letter
 * classes are compiled once: patterns built with them for each question's term cost a
 * millisecond each to compile (17 ms a "ai" question whose post's title is eight words).
 */
const DEFINES_AFTER =
  /(?![\p{L}\p{N}])(?:[^.;:]{0,40}?:|\s+(?:[\p{L}\p{N}]+\s+){0,4}?(?:la|duoc hieu(?: la)?|nghia la|tuc la|gom|bao gom|duoc dinh nghia)(?![\p{L}\p{N}]))/uy;

function definesPhrase(term: string, folded: string): boolean {
  // The term's words alone, a plain pattern (global: read with `lastIndex`, reset here).
  const pattern = cachedRegExp(termPattern(term), "g");
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
    const at = match.index;
    DEFINES_AFTER.lastIndex = at + match[0].length;
    // Inside a longer word ("thugom") the term is not there.
    if (wordCharacterBefore(folded, at) || !DEFINES_AFTER.test(folded)) {
      pattern.lastIndex = at + 1;
      continue;
    }
    // The term is what the clause is about, not a word deep inside its subject: "việc tổ
    // chức và vận hành hiệu quả chính quyền địa phương 02 cấp là nhiệm vụ ..." says what
    // running it is, not what it is.
    const clause = folded
      .slice(0, at)
      .split(/[,.;:()\n]/u)
      .pop()!
      .trim();
    if (clause.split(/\s+/u).filter(Boolean).length <= MAX_WORDS_BEFORE_DEFINED || NAMES_TERM.test(clause))
      return true;
    // A definition read goes on after its end, as a global pattern's matches do.
    pattern.lastIndex = DEFINES_AFTER.lastIndex;
  }
  return false;
}

/** A term's words as a pattern, a small number matching "2", "02" or "hai" alike. */
function termPattern(term: string): string {
  return term
    .split(" ")
    .map((word) => {
      const n = /^0?(\d)$/u.exec(word);
      return n ? `(?:0?${n[1]}|${SMALL_NUMBER_WORDS[Number(n[1])]})` : escapeRegExp(word);
    })
    .join("\\s+");
}
const SMALL_NUMBER_WORDS = ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"];

/** Words a clause may open with before the term it defines ("Theo đó", "Mô hình"). */
const MAX_WORDS_BEFORE_DEFINED = 2;
/** Words that announce the term defined: "khái niệm", "thuật ngữ", "được hiểu" (folded). */
const NAMES_TERM = /\b(?:khai niem|thuat ngu|dinh nghia|cum tu|tu)$/u;
