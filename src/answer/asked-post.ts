import { type QuestionAnalysis, WHICH_POSTS } from "../retrieval/question-analysis.js";
import { abbreviationBefore, expandAbbreviation, foldDiacritics } from "../text/index.js";
import { perQuestion } from "./per-question.js";

/**
 * The post a "who holds it" question asks about ("Bí thư Huyện ủy Đức Thọ hiện nay là
 * ai?" asks the Bí thư Huyện ủy), and whether a sentence names that post: a sentence
 * naming "Đồng chí Lê Đình Sơn, ..., Bí thư Tỉnh ủy" answers another post. Pure.
 */

/** "X (hiện nay) là ai", "ai (đang) là X" (folded, words joined by spaces). */
const POST_BEFORE =
  /^(.+?)(?: (?:hien nay|hien tai|bay gio|luc do|nam \d{4}))? (?:la (?:ai|ong nao|ba nao)|ten (?:la )?gi)(?: vay| a| nhi)?$/u;
/** A post before "nào" ("Phó Thủ tướng nào", "PTT nào", "Bộ trưởng nào"; folded). */
const POST_WHICH = new RegExp(`\\b(${WHICH_POSTS}) nao\\b`, "u");
const POST_AFTER = /^(?:hien nay |hien tai )?ai (?:dang )?la (.+)$/u;
/** Where a post's words end and its time begins (folded, spaced). */
const TIME_WORDS =
  / (?:nhiem ky|khoa (?=[ivxlc]+ |\d)|nam (?=\d)|giai doan|thoi ky|hien nay|hien tai|tu nam|truoc day) /u;
/** Words of the post that say when, not which post. */
const NOT_POST = new Set(["hien", "nay", "tai", "bay", "gio", "nam", "hien nay", "cua", "o"]);
/** The post is told by its first words ("bi thu huyen" of "Bí thư Huyện ủy Đức Thọ"). */
const POST_WORDS = 3;
/**
 * Bodies a post heads, named by the two words after them: "Giám đốc Sở" is every
 * department's director, "Giám đốc Sở Nội vụ" one (folded).
 */
const BODIES = new Set(["so", "bo", "ban", "cuc"]);
const BODY_NAME_WORDS = 2;

/** Folded words with abbreviations written out ("ubnd" → "uy ban nhan dan"). */
export function expandedWords(folded: string): string[] {
  const out: string[] = [];
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  for (const [i, word] of words.entries()) {
    // "ct ubnd" is the chairman, not a "chỉ thị" (see abbreviationBefore).
    const expansion = abbreviationBefore(word, words[i + 1] ?? "")?.expansion ?? expandAbbreviation(word);
    if (expansion === undefined) out.push(word);
    else out.push(...foldDiacritics(expansion).split(" "));
  }
  return out;
}

/**
 * The question's folded words with abbreviations written out, padded with a space on each
 * side for whole-word lookups (" uy ban nhan dan "): read once per analysis, since every
 * candidate sentence is checked against it.
 */
export const expandedQuestion = perQuestion(
  (question): string => ` ${expandedWords(question.folded).join(" ")} `,
);

/** The first words of the post asked about, or undefined when the question names none. */
export function askedPost(question: QuestionAnalysis): string | undefined {
  const text = question.folded.replace(/\s+/gu, " ").trim();
  // "PTT nào ký ...": the post is the one the question picks a holder of.
  const which = POST_WHICH.exec(text)?.[1];
  if (which !== undefined) return expandedWords(which).join(" ");
  const post = POST_BEFORE.exec(text)?.[1] ?? POST_AFTER.exec(text)?.[1];
  if (post === undefined) return undefined;
  // The place and the year are the situation, checked apart ("Đức Thọ", "2019").
  // When ("nhiệm kỳ 2020-2025", "khóa XII", "năm 2019") says which holder, not which post.
  let rest = ` ${expandedWords(post).join(" ")} `.split(TIME_WORDS)[0]!;
  for (const phrase of question.situation) rest = rest.replace(` ${phrase} `, " ");
  const all = rest.split(" ").filter((w) => w !== "" && !NOT_POST.has(w) && !/^\d+$/u.test(w));
  // The body may follow a title of four words ("Thứ trưởng Thường trực Bộ KHCN").
  const body = all.slice(0, POST_WORDS + 2).findLastIndex((w) => BODIES.has(w));
  const words = all.slice(0, Math.max(POST_WORDS, body < 0 ? 0 : body + 1 + BODY_NAME_WORDS));
  return words.length >= 2 ? words.join(" ") : undefined;
}

/**
 * Whether the sentence names the post (its first words, abbreviations written out); a
 * deputy's title ("Phó Trưởng Ban ...", "cấp phó của ...") names the deputy's post, not
 * the one asked, unless a deputy is asked.
 */
export function namesPost(post: string, sentence: string): boolean {
  const words = ` ${expandedWords(foldDiacritics(sentence.toLowerCase())).join(" ")} `;
  const asksDeputy = /^(?:pho|cap pho)\b/u.test(post);
  for (let at = words.indexOf(` ${post} `); at >= 0; at = words.indexOf(` ${post} `, at + 1)) {
    if (asksDeputy || !/ (?:pho|cap pho cua)$/u.test(words.slice(0, at))) return true;
  }
  return false;
}
