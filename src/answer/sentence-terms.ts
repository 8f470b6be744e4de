import { mentionsAny, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { GenerationCache } from "../store/generation-cache.js";
import { analyzeTerms, foldDiacritics } from "../text/index.js";
import { clauseHoldsDetail, namesFocus } from "./answer-evidence.js";

/*
 * Sentences as the extractive composer weighs them: the question's terms a text holds
 * (analyzed once per text), and a long sentence cut to the clauses that answer.
 */

/** The question's terms a text holds and what they are worth together. */
export function scoreText(
  text: string,
  termValues: Map<string, number>,
): { score: number; matched: ReadonlySet<string> } {
  const terms = termsOf(text);
  let score = 0;
  // Made at the first term held: many clauses and asides hold none.
  let matched: Set<string> | undefined;
  for (const [term, value] of termValues) {
    if (terms.has(term)) {
      score += value;
      matched ??= new Set<string>();
      matched.add(term);
    }
  }
  return { score, matched: matched ?? NO_TERMS };
}

/** What a text that holds none of the question's terms matched (shared, never changed). */
const NO_TERMS: ReadonlySet<string> = new Set();

/** A sentence's first clause, up to its first comma. */
const OPENING_CLAUSE = /^[^,;:]+,\s*/u;
/** An opening clause this short is a setting ("Ngày 14/4/2025,", "Sáng ngày 3/8/2024,"). */
const MAX_OPENING_WORDS = 6;

/** What the asked-for detail is worth in trimming, as a share of the question's terms. */
const DETAIL_SHARE = 0.5;

/** The words of a text: its runs of characters other than white space (as `\s` reads it). */
export function wordCount(text: string): number {
  // Counted in place: splitting allocated an array and a string a word for a number.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Whether a UTF-16 code unit is white space or a line end, exactly the set `\s` matches. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Cuts a long sentence to the run of consecutive clauses (split at , ; :) within
 * `maxWords` that carries most of the question: the value of the question's terms it
 * holds, plus the asked-for detail (a name, a date, a count) when the question has a
 * type. One run reads as the document wrote it; the cut ends are marked with "…".
 * Short sentences pass unchanged.
 */
export function trimSentence(
  sentence: string,
  termValues: Map<string, number>,
  maxWords: number,
  question?: QuestionAnalysis,
): string {
  if (wordCount(sentence) <= maxWords) return sentence;
  // Asides the question does not ask about ("(sau đây gọi là ...)", "(được sửa đổi, bổ
  // sung tại ...)") go first, marked "(…)": the clause after them is often the answer.
  const lean = withoutAsides(sentence, termValues);
  if (lean !== sentence) return trimSentence(lean, termValues, maxWords, question);
  // A sentence that opens with its date ("Ngày 14/4/2025, đồng chí ... đã ký ...") says
  // when its event happened: asked when, that opening stays and the rest is cut to fit
  // (a date further on may be a quoted document's: "Nghị quyết số 18 (ngày 25/10/2017)").
  const opening = question?.type === "khi_nao" ? OPENING_CLAUSE.exec(sentence)?.[0] : undefined;
  if (
    opening !== undefined &&
    wordCount(opening) <= MAX_OPENING_WORDS &&
    clauseDetail(question!, opening) >= 1
  ) {
    const rest = trimSentence(sentence.slice(opening.length), termValues, maxWords - wordCount(opening));
    return `${opening.trim()} ${rest}`;
  }
  // A clause holding the asked-for detail (the signer's name, the date) is worth half the
  // question's terms together: it is what the cadre asked for, the rest is its setting.
  let detailValue = 0;
  for (const value of termValues.values()) detailValue += value * DETAIL_SHARE;
  const clauses = sentence.split(/(?<=[,;:])\s+/).map((text) => ({
    text,
    words: wordCount(text),
    terms: scoreText(text, termValues).matched,
    detail: question === undefined ? 0 : clauseDetail(question, text),
  }));
  let best = { from: 0, to: -1, value: -1, words: 0 };
  for (let from = 0; from < clauses.length; from++) {
    const covered = new Set<string>();
    let words = 0;
    let value = 0;
    let detail = 0;
    for (let to = from; to < clauses.length; to++) {
      const clause = clauses[to]!;
      if (words + clause.words > maxWords) break;
      words += clause.words;
      for (const term of clause.terms) {
        if (covered.has(term)) continue;
        covered.add(term);
        value += termValues.get(term) ?? 0;
      }
      detail = Math.max(detail, clause.detail);
      const total = value + detail * detailValue;
      // Of runs holding as much, the shortest: "Thường trực Hội đồng nhân dân cấp xã chỉ định Ủy
      // viên ..." at a sentence's end says alone what forty words before it also cover.
      if (total > best.value + 1e-9 || (total > best.value - 1e-9 && words < best.words))
        best = { from, to, value: total, words };
    }
  }
  if (best.to < 0) return `${sentence.split(/\s+/).slice(0, maxWords).join(" ")}…`;
  let words = 0;
  let detailInRun = 0;
  for (let i = best.from; i <= best.to; i++) {
    words += clauses[i]!.words;
    detailInRun = Math.max(detailInRun, clauses[i]!.detail);
  }
  // The run holds the question's words but not the name it asks for ("đồng chí Lê Minh
  // Hưng, ..." then forty words of titles, then "đã ký ban hành Kế hoạch số 47"): the
  // clause with the name is quoted too, apart.
  const apart =
    detailInRun >= 1 ? -1 : clauses.findIndex((c, i) => c.detail >= 1 && (i < best.from || i > best.to));
  if (apart >= 0 && words + clauses[apart]!.words <= maxWords) {
    words += clauses[apart]!.words;
    while (best.to + 1 < clauses.length && words + clauses[best.to + 1]!.words <= maxWords)
      words += clauses[++best.to]!.words;
    const run = clauses
      .slice(best.from, best.to + 1)
      .map((c) => c.text)
      .join(" ");
    const detail = clauses[apart]!.text.replace(/[,;:]$/u, "");
    const runText = `${run.replace(/[,;:]$/u, "")}${best.to < clauses.length - 1 ? "…" : ""}`;
    return apart < best.from
      ? `${apart > 0 ? "…" : ""}${detail} … ${runText}`
      : `${best.from > 0 ? "…" : ""}${runText.replace(/…$/u, "")} … ${detail}…`;
  }
  // The clause before the run when it names what is asked ("còn gặp một số khó khăn,"
  // before "vướng mắc do ..."); then fill the budget with the clauses that follow (answers
  // follow their matches), then those before.
  if (
    best.from > 0 &&
    clauses[best.from - 1]!.detail >= 1 &&
    words + clauses[best.from - 1]!.words <= maxWords
  )
    words += clauses[--best.from]!.words;
  // "Đối với ... thì kinh phí ... được tổng hợp vào ...": a run that reaches the condition's
  // "thì" ends with what follows it, the rule itself, though its first clauses go.
  const then = clauses.findIndex((c, i) => i >= best.from && i <= best.to && / thì /u.test(` ${c.text} `));
  if (then >= 0) {
    let rest = 0;
    for (let i = best.to + 1; i < clauses.length; i++) rest += clauses[i]!.words;
    let kept = 0;
    for (let i = then; i <= best.to; i++) kept += clauses[i]!.words;
    if (rest > 0 && kept + rest <= maxWords) {
      while (words + rest > maxWords && best.from < then) words -= clauses[best.from++]!.words;
      if (words + rest <= maxWords) {
        words += rest;
        best.to = clauses.length - 1;
      }
    }
  }
  while (best.to + 1 < clauses.length && words + clauses[best.to + 1]!.words <= maxWords)
    words += clauses[++best.to]!.words;
  while (best.from > 0 && words + clauses[best.from - 1]!.words <= maxWords)
    words += clauses[--best.from]!.words;
  let text = clauses
    .slice(best.from, best.to + 1)
    .map((c) => c.text)
    .join(" ");
  if (best.from > 0) text = `…${text}`;
  if (best.to < clauses.length - 1) text = `${text.replace(/[,;:]$/, "")}…`;
  return text;
}

/** Parenthesised asides longer than this many characters may go from a long sentence. */
const MIN_ASIDE_CHARS = 12;
/** Asides that only name or source what precedes them. */
const BOILERPLATE_ASIDE =
  /^\(\s*(?:sau đây (?:gọi|viết)|gọi tắt|viết tắt|được sửa đổi|đã được sửa đổi|được bổ sung)/iu;

/** Asides that give what precedes them the short name a question may use. */
const NAMING_ASIDE = /^\(\s*(?:sau đây (?:gọi|viết)(?: chung| tắt)?(?: là)?|gọi tắt là|viết tắt là)/iu;

/**
 * The sentence without its parenthesised asides that hold none of the question's terms,
 * or only say where a rule was amended, or what a name stands for when the question does
 * not use that name; each gone aside is marked "(…)". The sentence itself when none goes.
 */
function withoutAsides(sentence: string, termValues: Map<string, number>): string {
  let outside: ReadonlySet<string> | undefined;
  return sentence
    .replace(/\s*\([^()]*\)/gu, (aside) => {
      const text = aside.trim();
      if (text.length < MIN_ASIDE_CHARS) return aside;
      const { score, matched } = scoreText(text, termValues);
      // "(sau đây gọi chung là Giám đốc sở)" says the name the question used, which the rest
      // of the sentence may not: kept then.
      if (score > 0 && NAMING_ASIDE.test(text)) {
        outside ??= scoreText(sentence.replace(/\([^()]*\)/gu, " "), termValues).matched;
        if ([...matched].some((term) => !outside!.has(term))) return aside;
      }
      if (BOILERPLATE_ASIDE.test(text) || score === 0) return " (…)";
      return aside;
    })
    .replace(/(?:\s*\(…\))+/gu, " (…)");
}

/** What a clause holds of what is asked: the type's detail, or the focus named ("khó khăn, vướng mắc do ..."). */
function clauseDetail(question: QuestionAnalysis, clause: string): number {
  const folded = foldDiacritics(clause.toLowerCase());
  // The focus in the question's own words ("khó khăn") names it best; another name
  // ("vướng mắc") less: a trimmed answer keeps the clause that says what was asked.
  const ownWords = question.focus !== "" && mentionsAny(folded, [question.focus]);
  const focusDetail = ownWords ? 1 : namesFocus(question, folded) > 0 ? 0.5 : 0;
  return Math.max(clauseHoldsDetail(question, clause, folded), focusDetail);
}

/**
 * The analyzed terms of sentences, clauses and headings read recently: the best passages
 * recur across questions and their text never changes, so each sentence is analyzed once
 * (those read in the last two generations of 10,000 texts).
 */
const termCache = new GenerationCache<string, ReadonlyMap<string, number>>(10_000);
export function termsOf(text: string): ReadonlyMap<string, number> {
  return termCache.getOrCompute(text, analyzeTerms);
}
