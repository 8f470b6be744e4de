import type { Logger } from "../logger.js";
import type { ChunkFilter, DocumentStore, ScoredChunk } from "../store/types.js";
import { findDocumentNumbers } from "../text/document-numbers.js";
import { foldDiacritics } from "../text/index.js";
import { coverage, inverseDocumentFrequency, textContains } from "./confidence.js";
import { findShortReferences, isReferencedBy, referenceTerms } from "./document-references.js";
import type { Embedder } from "./embedder.js";
import { fuseByReciprocalRank } from "./fusion.js";
import { type CopiesOfOnePage, suppressNearDuplicates } from "./near-duplicates.js";
import { passageIndexTextOf } from "./passage-text.js";
import {
  DEFAULT_TERM_WEIGHTS,
  type LexicalQueryPlan,
  planLexicalQuery,
  type TermKindWeights,
} from "./query.js";
import { foldForSituation, holdsSituationFolded } from "./situation.js";

export interface RetrievalHit extends ScoredChunk {
  /** 1-based rank in the lexical list, when the passage was in it. */
  lexicalRank?: number;
  /** 1-based rank in the dense list, when the passage was in it. */
  denseRank?: number;
  /**
   * Whether the passage's document speaks of the question's situation (its place, year or
   * term) in its title or opening: a news article names its province in its first lines,
   * not in every passage. Set only when the question has a situation.
   */
  docInSituation?: boolean;
  /**
   * That title and opening, folded for the situation check (`foldForSituation`): a passage
   * naming the ward asked is in the situation "phường Cầu Ông Lãnh, TPHCM" when its
   * document's opening names the city. Set with `docInSituation`.
   */
  docOpening?: string;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  /** 0..1: how well the best passages cover the question (see `coverage`). */
  confidence: number;
  plan: LexicalQueryPlan;
  /** "lexical" or "hybrid" (lexical + dense fused by reciprocal rank). */
  method: "lexical" | "hybrid";
  /** weight × idf of each folded/bigram query term: what a sentence matching it is worth. */
  termValues: Map<string, number>;
}

export interface SearchOptions {
  limit?: number;
  filter?: ChunkFilter;
  /** When given, each stage's cost (ms) is added to it under the stage's name (the bench reads it). */
  timings?: StageTimings;
}

/** Milliseconds spent per stage of one answer: "retrieval", "named documents", "confidence" ... */
export type StageTimings = Record<string, number>;

/** Runs `work` and adds its duration to `timings[stage]` when timings are asked for. */
export async function timeStage<T>(
  timings: StageTimings | undefined,
  stage: string,
  work: () => T | Promise<T>,
): Promise<T> {
  if (!timings) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
  }
}

export interface Retriever {
  search(question: string, options?: SearchOptions): Promise<RetrievalResult>;
}

export interface RetrieverDeps {
  store: DocumentStore;
  /** When given, dense vectors are searched too and fused with the lexical list. */
  embedder?: Embedder;
  weights?: TermKindWeights;
  logger?: Logger;
}

/** How many of a document's first passages say what it is about. */
const OPENING_PASSAGES = 2;

/** Sets `docInSituation` and `docOpening` on each hit, reading each document's passages once. */
async function markDocumentsInSituation(
  store: DocumentStore,
  hits: RetrievalHit[],
  situation: readonly string[],
  openings: Map<string, string>,
): Promise<void> {
  const read = new Map<string, { held: boolean; opening: string }>();
  for (const hit of hits) {
    const docId = hit.doc.docId;
    let known = read.get(docId);
    if (known === undefined) {
      // Its title and opening passages: where an article says where and when; a long
      // document naming the place once in an annex is not about it. Kept per version
      // of the document: a question with a place reads the same documents again.
      // People's names are told from places by the surnames the situation does not begin with.
      const key = openingKey(hit, situation);
      let opening = openings.get(key);
      if (opening === undefined) {
        const chunks = (await store.getChunks(docId, OPENING_PASSAGES)).slice(0, OPENING_PASSAGES);
        opening = foldForSituation([hit.doc.title, ...chunks.map((c) => c.text)].join("\n"), situation);
        if (openings.size >= MAX_OPENINGS) openings.delete(openings.keys().next().value!);
        openings.set(key, opening);
      }
      known = { held: holdsSituationFolded(situation, opening), opening };
      read.set(docId, known);
    }
    hit.docInSituation = known.held;
    hit.docOpening = known.opening;
  }
}

/** A document's opening is kept per version and per set of surnames left out of its places. */
function openingKey(hit: RetrievalHit, situation: readonly string[]): string {
  return `${hit.doc.docId}:${hit.doc.contentHash}:${situation.map((name) => name.split(" ")[0]).join(",")}`;
}

/**
 * Two documents of the same title are copies of one page (a crawl holds the same news
 * from several outlets or dates): their passages repeat at a lower share of shingles,
 * and only one is kept among the hits (the others would crowd out other sources).
 */
const COPIES_OF_ONE_PAGE: CopiesOfOnePage<RetrievalHit> = {
  copies: (a, b) => a.doc.docId !== b.doc.docId && titleKey(a.doc.title) === titleKey(b.doc.title),
  threshold: 0.6,
};

/**
 * A title as copies of one page share it, kept for the titles seen last: the check runs
 * on every pair of candidates (about 200 a question), and folding a title each time cost
 * more than the rest of the near-duplicate check.
 */
function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = foldDiacritics(title.normalize("NFC").toLowerCase())
      .replace(/[^\p{L}\d]+/gu, " ")
      .trim();
    if (titleKeys.size >= MAX_TITLE_KEYS) titleKeys.delete(titleKeys.keys().next().value!);
    titleKeys.set(title, key);
  }
  return key;
}

const titleKeys = new Map<string, string>();
/** How many titles' keys are kept (a few hundred KB at most). */
const MAX_TITLE_KEYS = 4_096;

/** How many documents' openings are kept (a few MB at most). */
const MAX_OPENINGS = 2_000;

/** How many candidates each list brings before re-ranking, fusion and de-duplication. */
const CANDIDATES = 50;
/**
 * Lexical-only retrieval needs just enough candidates to refill the list after
 * near-duplicates are dropped; each candidate costs a row read, so fewer is faster.
 */
const LEXICAL_ONLY_CANDIDATES = 20;
/** Confidence looks at this many of the best passages and keeps the best coverage. */
const CONFIDENCE_DEPTH = 3;

/**
 * Lexical retrieval over folded syllables, bigrams and exact forms, fused with dense
 * vectors when an embedder exists; near-duplicates suppressed; a confidence signal for
 * the answer step. A failing embedder degrades to lexical results, never to an error.
 */
export function createRetriever(deps: RetrieverDeps): Retriever {
  const weights = deps.weights ?? DEFAULT_TERM_WEIGHTS;
  const openings = new Map<string, string>();
  return {
    async search(question, options = {}) {
      const limit = options.limit ?? 10;
      const timings = options.timings;
      const searchStarted = performance.now();
      const plan = planLexicalQuery(question, weights);
      const candidates = deps.embedder
        ? Math.max(CANDIDATES, limit * 3)
        : Math.max(LEXICAL_ONLY_CANDIDATES, limit * 2);
      const { termValues, searchTerms } = await valueTerms(deps.store, plan);
      // Hits report which topic terms they hold, searched or too common to search: the
      // confidence check then needs no text analysis.
      const matchTerms = [...termValues.keys()];
      let lexical =
        searchTerms.length === 0
          ? []
          : await deps.store.searchLexical({
              terms: searchTerms,
              limit: candidates,
              filter: options.filter,
              matchTerms,
            });
      const namedStarted = performance.now();
      const named = options.filter ? NONE_NAMED : await findNamedDocuments(deps.store, question, matchTerms);
      if (named.size > 0 && searchTerms.length > 0) {
        lexical = await preferNamedDocuments(
          deps.store,
          [...named.keys()],
          searchTerms,
          matchTerms,
          candidates,
          lexical,
        );
      }
      const namedMs = performance.now() - namedStarted;

      let dense: ScoredChunk[] = [];
      if (deps.embedder) {
        try {
          const [vector] = await deps.embedder.embed([question]);
          if (vector && vector.length > 0) {
            dense = await deps.store.searchDense({
              vector,
              model: deps.embedder.model,
              limit: candidates,
              filter: options.filter,
            });
          }
        } catch (error) {
          deps.logger?.warn({ err: error }, "dense retrieval failed; using lexical results only");
        }
      }

      let ranked: RetrievalHit[];
      if (dense.length === 0) {
        ranked = lexical.map((hit, i) => ({ ...hit, lexicalRank: i + 1 }));
      } else {
        const lexRank = new Map(lexical.map((h, i) => [h.chunk.chunkId, i + 1]));
        const denseRank = new Map(dense.map((h, i) => [h.chunk.chunkId, i + 1]));
        ranked = fuseByReciprocalRank([lexical, dense], (h) => h.chunk.chunkId).map(({ item, score }) => ({
          ...item,
          score,
          lexicalRank: lexRank.get(item.chunk.chunkId),
          denseRank: denseRank.get(item.chunk.chunkId),
        }));
      }

      const searchMs = performance.now() - searchStarted - namedMs;
      const hits = await timeStage(timings, "near-duplicates", () =>
        suppressNearDuplicates(
          ranked,
          (h) => h.chunk.text,
          0.9,
          limit,
          (h) => `${h.chunk.chunkId}:${h.chunk.text.length}`,
          COPIES_OF_ONE_PAGE,
        ),
      );
      const situation = plan.question?.situation ?? [];
      if (situation.length > 0) {
        await timeStage(timings, "situation", () =>
          markDocumentsInSituation(deps.store, hits, situation, openings),
        );
      }
      const confidence = await timeStage(timings, "confidence", () =>
        bestCoverage(plan, hits, termValues, named),
      );
      if (timings) {
        timings.retrieval = (timings.retrieval ?? 0) + searchMs;
        timings["named documents"] = (timings["named documents"] ?? 0) + namedMs;
      }
      return { hits, confidence, plan, method: dense.length > 0 ? "hybrid" : "lexical", termValues };
    },
  };
}

/**
 * A term worth less than this (weight × idf) is not searched: words that most passages
 * contain ("của", "và", "các") and down-weighted question phrasing barely move a BM25
 * score, yet their posting lists are the longest to read.
 */
export const MIN_TERM_VALUE = 0.25;
/** Long questions (a pasted multiple-choice item) are searched on their 64 most valuable terms. */
export const MAX_SEARCH_TERMS = 64;

/**
 * weight × idf of each query term. Folded and bigram terms feed coverage and sentence
 * scoring (`termValues`; exact forms are a bonus, not topic); terms worth too little to
 * change a ranking are left out of the search (`searchTerms`).
 */
async function valueTerms(
  store: DocumentStore,
  plan: LexicalQueryPlan,
): Promise<{ termValues: Map<string, number>; searchTerms: LexicalQueryPlan["terms"] }> {
  const termValues = new Map<string, number>();
  if (plan.terms.length === 0) return { termValues, searchTerms: [] };
  if (!store.termStats) {
    for (const t of plan.terms)
      if (!t.term.startsWith("w:")) termValues.set(t.term, plan.valueWeights.get(t.term) ?? t.weight);
    return { termValues, searchTerms: plan.terms };
  }
  const stats = await store.termStats(plan.terms.map((t) => t.term));
  const searchTerms: LexicalQueryPlan["terms"] = [];
  for (const t of plan.terms) {
    const idf = inverseDocumentFrequency(stats.df.get(t.term) ?? 0, stats.chunks);
    const value = t.weight * idf;
    if (!t.term.startsWith("w:")) termValues.set(t.term, (plan.valueWeights.get(t.term) ?? t.weight) * idf);
    if (value >= MIN_TERM_VALUE) searchTerms.push(t);
  }
  if (searchTerms.length > MAX_SEARCH_TERMS) {
    const termValue = (t: { term: string; weight: number }) =>
      t.weight * inverseDocumentFrequency(stats.df.get(t.term) ?? 0, stats.chunks);
    searchTerms.sort((a, b) => termValue(b) - termValue(a));
    searchTerms.length = MAX_SEARCH_TERMS;
  }
  return { termValues, searchTerms };
}

/** Documents a question names, each with the question terms its passages answer for by being in it. */
type NamedDocuments = ReadonlyMap<string, ReadonlySet<string>>;
const NONE_NAMED: NamedDocuments = new Map();

/**
 * The documents a question names by number, in full ("126-KL/TW") or the short way
 * ("NĐ 67", "Kết luận 126"), among those the store holds.
 */
async function findNamedDocuments(
  store: DocumentStore,
  question: string,
  terms: readonly string[],
): Promise<NamedDocuments> {
  const named = new Map<string, Set<string>>();
  for (const number of findDocumentNumbers(question.toUpperCase())) {
    const syllables = foldDiacritics(number)
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter(Boolean);
    const refTerms = referenceTerms(syllables, terms);
    for (const doc of await store.findByNumber(number)) named.set(doc.docId, refTerms);
  }
  const refs = findShortReferences(question);
  if (refs.length > 0) {
    // Through the number index where the store has one: a scan of every document cost
    // 6 ms a question at 14,000 documents.
    const candidates = store.findByLeadingNumber
      ? (
          await Promise.all([...new Set(refs.map((r) => r.number))].map((n) => store.findByLeadingNumber!(n)))
        ).flat()
      : await store.listDocuments();
    for (const doc of candidates) {
      const naming = refs.filter((ref) => isReferencedBy(doc, ref));
      if (naming.length > 0 && !named.has(doc.docId)) {
        named.set(
          doc.docId,
          referenceTerms(
            naming.flatMap((ref) => ref.syllables),
            terms,
          ),
        );
      }
    }
  }
  return named;
}

/**
 * A question that names a document ("Kết luận 126-KL/TW yêu cầu gì?", "NĐ 67 sửa đổi
 * gì?") is about that document: its passages are searched on their own and fused first
 * with the general list, so they lead unless the general list strongly disagrees.
 */
async function preferNamedDocuments(
  store: DocumentStore,
  docIds: string[],
  terms: LexicalQueryPlan["terms"],
  matchTerms: string[],
  candidates: number,
  general: ScoredChunk[],
): Promise<ScoredChunk[]> {
  const focused = await store.searchLexical({
    terms,
    limit: candidates,
    filter: { docIds },
    matchTerms,
  });
  if (focused.length === 0) return general;
  return fuseByReciprocalRank([focused, general], (h) => h.chunk.chunkId).map(({ item, score }) => ({
    ...item,
    score,
  }));
}

function bestCoverage(
  plan: LexicalQueryPlan,
  hits: RetrievalHit[],
  termValues: Map<string, number>,
  named: NamedDocuments,
): number {
  if (hits.length === 0 || termValues.size === 0) return 0;
  const terms = plan.terms.filter((t) => termValues.has(t.term));
  let best = 0;
  for (const hit of hits.slice(0, CONFIDENCE_DEPTH)) {
    let contains: (term: string) => boolean;
    if (hit.matchedTerms) {
      const matched = new Set(hit.matchedTerms);
      contains = (term) => matched.has(term);
    } else {
      const text = passageIndexTextOf(hit);
      contains = textContains(text, `${hit.chunk.chunkId}:${text.length}`);
    }
    const answersFor = named.get(hit.doc.docId);
    const containsOrNamed = answersFor ? (term: string) => answersFor.has(term) || contains(term) : contains;
    best = Math.max(best, coverage(terms, containsOrNamed, termValues));
  }
  return best;
}
