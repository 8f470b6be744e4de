import { type Abbreviation, abbreviationBefore, findAbbreviation } from "./abbreviations.js";
import { isCombiningDiacritic } from "./letters.js";
import { hasVietnameseDiacritics } from "./normalize.js";
import { phraseAliasAt } from "./phrase-aliases.js";
import { forEachToken, formsOf, type TokenForms } from "./tokenize.js";

/*
 * Term scheme shared by the index and the query, so both sides always agree:
 * - `f:<folded>` every syllable without diacritics ("f:duc"), the recall term;
 * - `w:<syllable>` the syllable as written, only when it has diacritics ("w:đức"),
 *   so a query typed with diacritics prefers passages spelled the same;
 * - `b:<folded>_<folded>` adjacent syllables ("b:duc_tho"), for phrases.
 *
 * Bigrams join syllables separated by spaces, one hyphen, en dash or slash
 * ("NĐ-CP", "18-NQ/TW"), or a single "." or "," between two numbers ("18.10.2017",
 * "1.000"). Any other punctuation, commas and line breaks included, ends the phrase:
 * a bigram across a comma is rarely something a question asks for.
 *
 * A known abbreviation also adds the terms of its expansion, and bigrams joining the
 * expansion to its neighbours, so "UBND huyện" and "Ủy ban nhân dân huyện" share
 * "f:uy", "b:nhan_dan", "b:dan_huyen"; the abbreviation's own "f:ubnd" stays. The
 * expansion's spelling is known, so it adds `w:` terms as well ("w:ủy"), except in a
 * query typed without diacritics, which asks for no `w:` term at all.
 *
 * A phrase with an alias (phrase-aliases.ts) adds the alias's terms the same way:
 * "Huyện ủy đồng thời là Chủ tịch" also gives "f:kiem", "b:uy_kiem", "b:kiem_chu".
 *
 * In a bigram, a number from 1 to 10 next to a word is read as its word ("2 cấp" and
 * "hai cấp" both give "b:hai_cap", "06 đầu" gives "b:sau_dau"): documents and questions
 * write small numbers either way. The syllable term keeps the digits ("f:2"). And
 * "số" before a number is skipped once more: "Nghị quyết số 18" also gives "b:quyet_18".
 */

/** Which part of the scheme a term comes from: `w:` exact, `f:` folded, `b:` bigram. */
export type TermKind = "exact" | "folded" | "bigram";

/** What the index stores for a passage: term frequencies and its length in syllables. */
export interface IndexAnalysis {
  terms: Record<string, number>;
  /** Number of syllables in the text (expansions not counted). */
  length: number;
}

/** One distinct query term; the retrieval layer re-weights by kind. */
export interface QueryTerm {
  term: string;
  weight: number;
  kind: TermKind;
}

/** What retrieval needs from a question. */
export interface QueryAnalysis {
  syllables: Array<{ text: string; folded: string }>;
  /** Terms only a phrase alias gave ("f:kiem" for "đồng thời là"), not the text itself. */
  aliasTerms: string[];
  /** Terms only of phrases that have an alias ("b:dong_thoi"): the alias's terms stand for them. */
  aliasedTerms: string[];
  terms: QueryTerm[];
  /** False when the question was typed without any diacritics; then no `w:` terms. */
  hasDiacritics: boolean;
}

interface Tokens {
  forms: TokenForms[];
  raws: string[];
  /** linked[i]: a bigram may join token i - 1 and token i. */
  linked: boolean[];
  /** hyphened[i]: tokens i - 1 and i are joined by exactly one hyphen ("NĐ-CP"). */
  hyphened: boolean[];
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isInlineSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2013 || code === 0x2f;
}

/** Whether the text between two tokens keeps them in one phrase (see the module doc). */
function isBridgingGap(text: string, from: number, to: number, betweenNumbers: boolean): boolean {
  let joiners = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // A stray combining mark folds to a space, so it must not split a phrase either.
    if (isInlineSpace(code) || isCombiningDiacritic(code)) continue;
    if (isJoiner(code)) {
      if (++joiners > 1) return false;
      continue;
    }
    return betweenNumbers && to - from === 1 && (code === 0x2e || code === 0x2c);
  }
  return true;
}

function tokenize(nfc: string): Tokens {
  const forms: TokenForms[] = [];
  const raws: string[] = [];
  const linked: boolean[] = [];
  const hyphened: boolean[] = [];
  let previousEnd = -1;
  let previousEndsWithDigit = false;
  forEachToken(nfc, (start, end) => {
    const raw = nfc.slice(start, end);
    if (previousEnd < 0) {
      linked.push(false);
      hyphened.push(false);
    } else {
      const betweenNumbers = previousEndsWithDigit && isDigitCode(raw.charCodeAt(0));
      linked.push(isBridgingGap(nfc, previousEnd, start, betweenNumbers));
      const gap = start - previousEnd === 1 ? nfc.charCodeAt(previousEnd) : 0;
      hyphened.push(gap === 0x2d || gap === 0x2010 || gap === 0x2011);
    }
    // "NQ18", "NĐ178", "KL127": an abbreviation glued to its number reads as both (only
    // a token from a letter to a digit can be one: most are not tried).
    const glued =
      isDigitCode(raw.charCodeAt(raw.length - 1)) && !isDigitCode(raw.charCodeAt(0))
        ? GLUED_NUMBER.exec(raw)
        : null;
    if (glued && abbreviationOf(glued[1]!)) {
      raws.push(glued[1]!, glued[2]!);
      forms.push(formsOf(glued[1]!), formsOf(glued[2]!));
      linked.push(true);
      hyphened.push(false);
    } else {
      raws.push(raw);
      forms.push(formsOf(raw));
    }
    previousEnd = end;
    previousEndsWithDigit = isDigitCode(raw.charCodeAt(raw.length - 1));
  });
  return { forms, raws, linked, hyphened };
}

/** Letters then digits in one token: an abbreviation typed against its number ("NQ18"). */
const GLUED_NUMBER = /^(\p{L}{2,6})(\d{1,4})$/u;

const ABBREVIATION_CACHE_LIMIT = 100_000;
const abbreviationCache = new Map<string, Abbreviation | null>();

/** Abbreviation lookup memoised per raw token; most tokens are ordinary syllables. */
function abbreviationOf(raw: string): Abbreviation | undefined {
  let found = abbreviationCache.get(raw);
  if (found === undefined) {
    found = raw.length > 10 ? null : (findAbbreviation(raw) ?? null);
    if (abbreviationCache.size >= ABBREVIATION_CACHE_LIMIT) abbreviationCache.clear();
    abbreviationCache.set(raw, found);
  }
  return found ?? undefined;
}

/** `abbreviationOf(raw)` for a token whose forms are `forms` (`formsOf(raw)`), kept on them. */
function abbreviationOfToken(forms: TokenForms, raw: string): Abbreviation | undefined {
  if (forms.abbreviation === undefined) forms.abbreviation = abbreviationOf(raw) ?? null;
  return forms.abbreviation ?? undefined;
}

/** Folded Vietnamese number words, by value. */
const NUMBER_WORDS = ["", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];
const SMALL_NUMBER = /^0?(?:[1-9]|10)$/u;

/** A token's side of a bigram: a small number beside a word reads as its word. */
function bigramSide(side: TokenForms, other: TokenForms): string {
  const folded = side.folded;
  if (!isDigitCode(folded.charCodeAt(0)) || isDigitCode(other.folded.charCodeAt(0))) return folded;
  return SMALL_NUMBER.test(folded) ? NUMBER_WORDS[Number(folded)]! : folded;
}

/**
 * Where a term comes from: the text as written, the text of a phrase that has an alias
 * ("aliased": "đồng thời là"), or that alias ("alias": "kiêm"; see phrase-aliases.ts).
 */
export type TermOrigin = "text" | "aliased" | "alias";

type Emit = (term: string, kind: TermKind, origin: TermOrigin) => void;

const ORIGIN_BIT: Record<TermOrigin, number> = { text: 1, aliased: 2, alias: 4 };

function emitSyllable(forms: TokenForms, withExact: boolean, emit: Emit, origin: TermOrigin): void {
  emit(forms.foldedTerm, "folded", origin);
  if (withExact && forms.exactTerm !== undefined) emit(forms.exactTerm, "exact", origin);
}

/** Emits every term of the scheme for NFC text; returns the syllables. */
function emitTerms(nfc: string, withExact: boolean, emit: Emit): TokenForms[] {
  const { forms, raws, linked, hyphened } = tokenize(nfc);
  const n = forms.length;
  // Folded first/last syllable of an expansion, by the first/last token it replaces.
  const firstAlt: Array<string | undefined> = new Array(n);
  const lastAlt: Array<string | undefined> = new Array(n);
  const insideCompound: boolean[] = new Array(n).fill(false);
  // Tokens of a phrase that has an alias; alternatives that come from such an alias.
  const aliased: boolean[] = new Array(n).fill(false);
  const aliasAlt: boolean[] = new Array(n).fill(false);

  // Abbreviations and phrases with an alias first: the syllables they cover need to know.
  const isLinked = (i: number): boolean => linked[i] === true;
  const replaced: Array<{ at: number; span: number; syllables: readonly TokenForms[]; origin: TermOrigin }> =
    [];
  for (let i = 0; i < n; i++) {
    let span = 1;
    let abbreviation: Abbreviation | undefined;
    if (i + 1 < n && hyphened[i + 1]) {
      abbreviation = abbreviationOf(`${raws[i]}-${raws[i + 1]}`);
      if (abbreviation) span = 2;
    } else if (i + 1 < n && linked[i + 1]) {
      abbreviation = abbreviationBefore(raws[i]!, forms[i + 1]!.folded);
    }
    abbreviation ??= abbreviationOfToken(forms[i]!, raws[i]!);
    const phraseAlias = abbreviation ? undefined : phraseAliasAt(forms, i, isLinked);
    const syllables = abbreviation?.syllables ?? phraseAlias?.alias;
    if (!syllables) continue;
    if (phraseAlias) span = phraseAlias.phrase.length;
    replaced.push({ at: i, span, syllables, origin: phraseAlias ? "alias" : "text" });
    for (let k = i; k < i + span; k++) aliased[k] = phraseAlias !== undefined;
    i += span - 1;
  }
  for (let i = 0; i < n; i++) emitSyllable(forms[i]!, withExact, emit, aliased[i] ? "aliased" : "text");
  for (const { at, span, syllables, origin } of replaced) {
    for (let k = 0; k < syllables.length; k++) {
      emitSyllable(syllables[k]!, withExact, emit, origin);
      if (k > 0) emit(`b:${syllables[k - 1]!.folded}_${syllables[k]!.folded}`, "bigram", origin);
    }
    firstAlt[at] = syllables[0]!.folded;
    lastAlt[at + span - 1] = syllables[syllables.length - 1]!.folded;
    for (let k = at + 1; k < at + span; k++) insideCompound[k] = true;
    aliasAlt[at] = origin === "alias";
    aliasAlt[at + span - 1] = origin === "alias";
  }
  for (let i = 1; i < n; i++) {
    if (!linked[i]) continue;
    const left = bigramSide(forms[i - 1]!, forms[i]!);
    const right = bigramSide(forms[i]!, forms[i - 1]!);
    emit(`b:${left}_${right}`, "bigram", aliased[i - 1] || aliased[i] ? "aliased" : "text");
    if (insideCompound[i]) continue;
    const leftAlt = lastAlt[i - 1];
    const rightAlt = firstAlt[i];
    const leftOrigin: TermOrigin = aliasAlt[i - 1] ? "alias" : "text";
    const rightOrigin: TermOrigin = aliasAlt[i] ? "alias" : "text";
    if (leftAlt !== undefined) emit(`b:${leftAlt}_${right}`, "bigram", leftOrigin);
    if (rightAlt !== undefined) emit(`b:${left}_${rightAlt}`, "bigram", rightOrigin);
    if (leftAlt !== undefined && rightAlt !== undefined)
      emit(`b:${leftAlt}_${rightAlt}`, "bigram", aliasAlt[i - 1] || aliasAlt[i] ? "alias" : "text");
  }
  // "Nghị quyết số 18" is also "Nghị quyết 18": the bigram skipping "số" before a number.
  for (let i = 1; i + 1 < n; i++) {
    if (forms[i]!.folded !== "so" || !linked[i] || !linked[i + 1]) continue;
    const left = forms[i - 1]!;
    const number = forms[i + 1]!;
    if (isDigitCode(left.folded.charCodeAt(0)) || !isDigitCode(number.folded.charCodeAt(0))) continue;
    emit(`b:${left.folded}_${bigramSide(number, left)}`, "bigram", "text");
  }
  return forms;
}

/**
 * Analyzes a passage for the lexical index: how often each term of the shared
 * scheme (see TermKind) occurs, and the passage length in syllables for length
 * normalization (BM25).
 */
export function analyzeForIndex(text: string): IndexAnalysis {
  const terms: Record<string, number> = Object.create(null);
  const forms = emitTerms(text.normalize("NFC"), true, (term) => {
    terms[term] = (terms[term] ?? 0) + 1;
  });
  return { terms, length: forms.length };
}

/**
 * The terms of a text, each with how often it occurs, exactly as analyzeForIndex counts
 * them, in a Map: the answer stage analyzes dozens of sentences a question and looks
 * terms up in them. A Map takes a new key without interning it, as an object's property
 * must be, and a term joined from two syllables ("b:duc_tho") is always a new string: a
 * sentence analyzed in 0.6 of the time (15.8 against 25.0 µs on crawl sentences).
 */
export function analyzeTerms(text: string): Map<string, number> {
  const terms = new Map<string, number>();
  emitTerms(text.normalize("NFC"), true, (term) => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
  });
  return terms;
}

/**
 * Analyzes a question with the same scheme as analyzeForIndex: each distinct term
 * once, weight 1, with its kind so retrieval can weight exact, folded and bigram
 * matches differently. A question typed without any diacritics ("duc tho giam duoc
 * bao nhieu") asks for no `w:` terms, and its `f:`/`b:` terms equal those of the
 * same question typed with diacritics.
 */
export function analyzeQuery(text: string): QueryAnalysis {
  const nfc = text.normalize("NFC");
  const hasDiacritics = hasVietnameseDiacritics(nfc);
  const seen = new Map<string, QueryTerm>();
  // Which origins each term came from, as bits: text 1, aliased 2, alias 4.
  const origins = new Map<string, number>();
  const forms = emitTerms(nfc, hasDiacritics, (term, kind, origin) => {
    if (!seen.has(term)) seen.set(term, { term, weight: 1, kind });
    origins.set(term, (origins.get(term) ?? 0) | ORIGIN_BIT[origin]);
  });
  const aliasTerms: string[] = [];
  const aliasedTerms: string[] = [];
  for (const [term, bits] of origins) {
    if (bits === ORIGIN_BIT.alias) aliasTerms.push(term);
    else if (bits === ORIGIN_BIT.aliased) aliasedTerms.push(term);
  }
  return {
    syllables: forms.map(({ text: syllable, folded }) => ({ text: syllable, folded })),
    terms: [...seen.values()],
    aliasTerms,
    aliasedTerms,
    hasDiacritics,
  };
}
