import { analyzeForIndex, analyzeQuery, splitSentences } from "../text/index.js";
import { type Fact, type FactIndex, indexFacts, missingFacts } from "./citation-facts.js";

/**
 * Whether one sentence says what its cited passages say: every fact it states (numbers
 * with units, dates, document numbers, names, levels: citation-facts.ts) must be in
 * them, and enough of its phrases too. Phrases are the index's bigrams (adjacent
 * syllables, with the project's phrase aliases: "kiêm" for "đồng thời là"; small
 * numbers read as words), so a sentence assembled from common administrative words in
 * another order shares few of them, while a faithful paraphrase keeps most of its
 * source's phrases even when reordered.
 *
 * A sentence is judged against one stretch of a passage at a time (a sentence of it,
 * with the passage's title, number and headings), so that its facts and phrases come
 * from one place: "Ông A không đủ số phiếu" is not supported by a passage that says so
 * of B and, in the next sentence, names A as re-elected. Two adjacent sentences are
 * read together only when the facts need both ("33.956 trụ sở ... và 4.226 trụ sở dôi
 * dư" from two sentences), never to find a fact one of them lacks a relation for.
 *
 * {@link SUPPORT_MIN_PHRASE_SHARE} was measured on bench/data/citations.jsonl
 * (`npm run bench -- citations`).
 */

/** Share of a sentence's content bigrams that one stretch of its passages must contain. */
export const SUPPORT_MIN_PHRASE_SHARE = 0.55;
/** Content bigrams a supported sentence shares with its passages (all of them when it has fewer). */
export const SUPPORT_MIN_SHARED_PHRASES = 2;
/** A sentence sharing this share of its bigrams with the prompt's own instructions is an echo of them. */
export const ECHO_MIN_SHARE = 0.5;

/** Why a sentence is not supported. */
export type Unsupported = "missing_fact" | "few_phrases" | "echo";

export interface SentenceSupport {
  supported: boolean;
  /** Share of the sentence's content bigrams found in the stretch that states its facts, else the best (0..1). */
  overlap: number;
  /** Facts of the sentence the passages do not state (in the stretch closest to stating them). */
  missing: Fact[];
  reason?: Unsupported;
}

/** A stretch of text made ready for judging: its bigrams and its facts. */
interface Stretch {
  bigrams: Set<string>;
  /** The head's bigrams (title, number, headings): they neither support nor count against. */
  head: Set<string>;
  facts: FactIndex;
  /** Its clauses' facts (split at ";"): names a claim binds together must share one. */
  clauses: FactIndex[];
}

/**
 * A passage (or the prompt's instructions) made ready for judging many sentences: a
 * stretch per sentence, one per pair of adjacent sentences, and the whole of it.
 */
export interface SupportSource {
  sentences: Stretch[];
  /** pairs[i] reads sentences i and i + 1 together. */
  pairs: Stretch[];
  whole: Stretch;
}

function bigramsOf(text: string): Set<string> {
  const bigrams = new Set<string>();
  for (const term of Object.keys(analyzeForIndex(text).terms)) if (term.startsWith("b:")) bigrams.add(term);
  return bigrams;
}

/**
 * A stretch: its facts from `head` and `text`, its phrases from `text`. A sentence's
 * phrases that only the head has (the document's title: "Ban Chấp hành Trung ương khóa
 * XII") say which document it is about, not what it says of it: they are left out of
 * the share, so a claim is not carried by the title's words.
 */
function toStretch(head: string, text: string, headBigrams: Set<string>): Stretch {
  const parts = text.split(/;\s+/u);
  return {
    bigrams: bigramsOf(text),
    head: headBigrams,
    facts: indexFacts(`${head}\n${text}`),
    clauses: parts.length > 1 ? parts.map((part) => indexFacts(`${head}\n${part}`)) : [],
  };
}

const LIST_CLAIM = /\b(?:gồm|bao gồm|như|là các)\b|:/u;

/**
 * Whether the names a sentence binds together ("Bùi Văn Nam ... Bộ Quốc phòng") stand in one
 * clause of the stretch: a list ("Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng; Bùi Văn Nam,
 * Thứ trưởng Bộ Công an") names both, each with another.
 */
function namesBound(sentence: string, stretch: Stretch): boolean {
  // A list ("... gồm A, B và C") names things side by side, not bound to one another.
  if (stretch.clauses.length === 0 || LIST_CLAIM.test(sentence)) return true;
  return stretch.clauses.some(
    (clause) => !missingFacts(sentence, clause).some((fact) => fact.kind === "name"),
  );
}

/**
 * Prepares a passage for {@link judgeSentence}: `head` (title, number, headings) joins
 * every stretch; `body` is split into sentences.
 */
export function toSupportSource(head: string, body: string): SupportSource {
  const sentences = splitSentences(body).map((s) => s.text);
  const headBigrams = bigramsOf(head);
  const join = (parts: string[]) => toStretch(head, parts.join(" "), headBigrams);
  const whole = toStretch(head, body, headBigrams);
  return {
    sentences: sentences.length > 0 ? sentences.map((s) => join([s])) : [whole],
    pairs: sentences.slice(1).map((s, i) => join([sentences[i]!, s])),
    whole,
  };
}

// Folded function words: a bigram of two of them ("cua cac", "va cac") says nothing.
const FUNCTION_WORDS = new Set(
  (
    "la cua va cac nhung trong cho voi duoc khong mot nay do de thi ma o tai theo ve tu den nhu khi neu " +
    "hoac cung da se dang bi boi ra vao len tren duoi sau truoc moi rat hon phai can nen vi gi nao ay kia " +
    "day co viec"
  ).split(" "),
);

/** The sentence's content bigrams: its own (aliases' extra terms left out), not two function words. */
export function contentBigrams(sentence: string): string[] {
  const analysis = analyzeQuery(sentence);
  const aliasOnly = new Set(analysis.aliasTerms);
  const out: string[] = [];
  for (const { term, kind } of analysis.terms) {
    if (kind !== "bigram" || aliasOnly.has(term)) continue;
    const [left, right] = term.slice(2).split("_") as [string, string];
    if (FUNCTION_WORDS.has(left) && FUNCTION_WORDS.has(right)) continue;
    out.push(term);
  }
  return out;
}

/** Share of `bigrams` found in `stretch` (0 for none), those only its head has left out. */
function shareIn(bigrams: readonly string[], stretch: Stretch): { share: number; shared: number } {
  let shared = 0;
  let counted = 0;
  for (const b of bigrams) {
    if (stretch.bigrams.has(b)) {
      shared++;
      counted++;
    } else if (!stretch.head.has(b)) counted++;
  }
  return { share: counted === 0 ? 0 : shared / counted, shared };
}

/**
 * Judges one sentence (citation markers removed) against the passages it cites: it is
 * supported when one stretch of one of them states every fact of it and holds enough
 * of its phrases. A sentence citing several passages may also take its facts from all
 * of them together. With `instructions`, a sentence that repeats the prompt's own
 * rules is an echo whatever the passages share with it.
 */
export function judgeSentence(
  sentence: string,
  cited: readonly SupportSource[],
  instructions?: SupportSource,
  minPhraseShare = SUPPORT_MIN_PHRASE_SHARE,
): SentenceSupport {
  const bigrams = contentBigrams(sentence);
  if (instructions && isEcho(bigrams, instructions)) {
    const overlap = Math.max(0, ...cited.map((c) => shareIn(bigrams, c.whole).share));
    return { supported: false, overlap, missing: [], reason: "echo" };
  }
  const enough = (shared: number, share: number) =>
    bigrams.length > 0 &&
    shared >= Math.min(SUPPORT_MIN_SHARED_PHRASES, bigrams.length) &&
    share >= minPhraseShare;
  let closest: SentenceSupport | undefined;
  let factsFound: SentenceSupport | undefined;
  const consider = (stretch: Stretch): boolean => {
    const missing = missingFacts(sentence, stretch.facts);
    const { share, shared } = shareIn(bigrams, stretch);
    if (missing.length === 0 && namesBound(sentence, stretch)) {
      if (!factsFound || share > factsFound.overlap)
        factsFound = { supported: enough(shared, share), overlap: share, missing };
      return true;
    }
    if (
      !closest ||
      missing.length < closest.missing.length ||
      (missing.length === closest.missing.length && share > closest.overlap)
    )
      closest = { supported: false, overlap: share, missing, reason: "missing_fact" };
    return false;
  };
  for (const source of cited) {
    const alone = source.sentences.map(consider);
    // A pair only when neither of its sentences states the facts alone (see the module doc).
    source.pairs.forEach((pair, i) => {
      if (!alone[i] && !alone[i + 1]) consider(pair);
    });
  }
  if (!factsFound?.supported && cited.length > 1) {
    const all = cited.map((c) => c.whole);
    const union: Stretch = {
      bigrams: new Set(all.flatMap((s) => [...s.bigrams])),
      head: new Set(all.flatMap((s) => [...s.head])),
      facts: mergeFacts(all.map((s) => s.facts)),
      clauses: [],
    };
    consider(union);
  }
  if (factsFound) return factsFound.supported ? factsFound : { ...factsFound, reason: "few_phrases" };
  return closest ?? { supported: false, overlap: 0, missing: [], reason: "few_phrases" };
}

function mergeFacts(indexes: FactIndex[]): FactIndex {
  const numbers = new Map<string, Set<string>>();
  for (const index of indexes) {
    for (const [value, units] of index.numbers)
      numbers.set(value, new Set([...(numbers.get(value) ?? []), ...units]));
  }
  return {
    numbers,
    dates: new Set(indexes.flatMap((i) => [...i.dates])),
    documents: new Set(indexes.flatMap((i) => [...i.documents])),
    texts: indexes.flatMap((i) => i.texts),
    markedTexts: indexes.flatMap((i) => i.markedTexts),
  };
}

function isEcho(bigrams: readonly string[], instructions: SupportSource): boolean {
  return bigrams.length >= 2 && shareIn(bigrams, instructions.whole).share >= ECHO_MIN_SHARE;
}

/** Whether a text (a sentence being written) repeats the instructions; for drafts. */
export function echoesInstructions(text: string, instructions: SupportSource): boolean {
  return isEcho(contentBigrams(text), instructions);
}
