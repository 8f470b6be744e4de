import { foldDiacritics, toSyllables } from "../text/index.js";

/**
 * "Câu hỏi được quan tâm": near-identical questions grouped into topics and counted.
 * Pure. Only question texts and times come in, never who asked; the texts shown are
 * scrubbed of @mentions, e-mail addresses and long digit runs (ids, phone numbers).
 */

/** A question from the log, as the digest may see it: text and time only. */
export interface AskedQuestion {
  question: string;
  /** Epoch ms. */
  createdAt: number;
}

/** A group of near-identical questions. */
export interface QuestionTopic {
  /** The representative question, scrubbed (not escaped). */
  text: string;
  count: number;
  lastAskedAt: number;
}

export interface GroupOptions {
  /** Jaccard similarity of the content syllables at or above which two questions are one topic. Default 0.6. */
  threshold?: number;
  /** Topics returned, most asked first. Default 5. */
  max?: number;
  /** Questions with fewer syllables are ignored ("hi", "?"). Default 2. */
  minSyllables?: number;
}

/**
 * Question words and particles: they say how something is asked, not what about. Compared
 * with their diacritics, so "cơ" (cơ quan) is kept while "có" goes; a syllable typed
 * without diacritics is compared folded.
 */
const STOP_WORDS = [
  "là",
  "gì",
  "bao",
  "nhiêu",
  "như",
  "thế",
  "nào",
  "ra",
  "sao",
  "tại",
  "vì",
  "có",
  "không",
  "được",
  "ở",
  "đâu",
  "khi",
  "ai",
  "à",
  "ạ",
  "nhỉ",
  "vậy",
  "cho",
  "tôi",
  "mình",
  "hỏi",
  "xin",
  "ơi",
  "bot",
  "bạn",
  "giúp",
  "hãy",
  "vui",
  "lòng",
  "của",
  "và",
  "thì",
  "về",
  "với",
  "những",
  "các",
];
const STOP_EXACT = new Set(STOP_WORDS);
const STOP_FOLDED = new Set(STOP_WORDS.map((w) => foldDiacritics(w)));

function isStopWord(syllable: { text: string; folded: string }): boolean {
  return syllable.text === syllable.folded ? STOP_FOLDED.has(syllable.folded) : STOP_EXACT.has(syllable.text);
}

/** Folded content syllables of a question (all of them when it has only stop words). */
export function questionTerms(question: string): Set<string> {
  const all = toSyllables(question);
  const content = all.filter((s) => !isStopWord(s));
  return new Set((content.length > 0 ? content : all).map((s) => s.folded));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Removes what could identify a person from a question shown to a group. */
export function scrubQuestion(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "…")
    .replace(/(^|[^\w])@[A-Za-z0-9_]{3,}/g, "$1…")
    .replace(/\+?\d(?:[\d .-]{5,}\d)/g, (run) => (run.replace(/\D/g, "").length >= 7 ? "…" : run))
    .replace(/\s+/g, " ")
    .trim();
}

/** Spelling-insensitive form used to find the commonest wording of a topic. */
function wordingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[?!.…\s]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

const hasDiacritics = (text: string) => /[^\u0000-\u007f]/.test(text);

interface Cluster {
  seed: Set<string>;
  members: AskedQuestion[];
}

/**
 * Groups questions whose content syllables overlap at least `threshold` (Jaccard, after
 * folding diacritics and dropping question words), most asked first, ties by the most
 * recent. The representative of a group is its commonest wording, preferring a spelling
 * with diacritics.
 */
export function groupQuestions(
  questions: readonly AskedQuestion[],
  options: GroupOptions = {},
): QuestionTopic[] {
  const threshold = options.threshold ?? 0.6;
  const minSyllables = options.minSyllables ?? 2;
  const clusters: Cluster[] = [];
  const ordered = [...questions]
    .map((q) => ({ question: scrubQuestion(q.question), createdAt: q.createdAt }))
    .filter((q) => toSyllables(q.question).length >= minSyllables)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const q of ordered) {
    const terms = questionTerms(q.question);
    let best: Cluster | undefined;
    let bestScore = threshold;
    for (const cluster of clusters) {
      const score = jaccard(terms, cluster.seed);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (best) best.members.push(q);
    else clusters.push({ seed: terms, members: [q] });
  }
  const topics = clusters.map((cluster): QuestionTopic => {
    const byWording = new Map<string, AskedQuestion[]>();
    for (const m of cluster.members) {
      const k = wordingKey(m.question);
      byWording.set(k, [...(byWording.get(k) ?? []), m]);
    }
    // The commonest wording; among equals one that lost nothing to scrubbing, then one
    // written with diacritics, then the first asked.
    const scrubbed = (q: AskedQuestion) => q.question.includes("…");
    const wordings = [...byWording.values()].sort(
      (a, b) =>
        b.length - a.length ||
        Number(scrubbed(a[0]!)) - Number(scrubbed(b[0]!)) ||
        Number(hasDiacritics(b[0]!.question)) - Number(hasDiacritics(a[0]!.question)) ||
        a[0]!.createdAt - b[0]!.createdAt,
    );
    const representative = wordings[0]!;
    return {
      text: representative[representative.length - 1]!.question,
      count: cluster.members.length,
      lastAskedAt: Math.max(...cluster.members.map((m) => m.createdAt)),
    };
  });
  return topics.sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt).slice(0, options.max ?? 5);
}
