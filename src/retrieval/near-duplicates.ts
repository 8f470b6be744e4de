import { foldCode } from "../text/letters.js";

const LETTER = /\p{L}/u;
/** Per code unit: 0 not yet known, 1 a letter, 2 not (punctuation is frequent in passages). */
const letterKnown = new Uint8Array(0x10000);

/** The code unit as it takes part in a word, or -1 between words: folded (đ → d) and lower case. */
function wordCode(code: number): number {
  if (code >= 97 && code <= 122) return code;
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return code;
  if (code < 128) return -1;
  const folded = foldCode(code);
  if (folded >= 65 && folded <= 90) return folded + 32;
  if (folded < 128) return folded >= 97 && folded <= 122 ? folded : -1;
  let known = letterKnown[folded]!;
  if (known === 0) {
    const letter = String.fromCharCode(folded);
    known = LETTER.test(letter) ? 1 : 2;
    letterKnown[folded] = known;
  }
  // Other scripts keep their case; only Vietnamese and ASCII matter for repeated text.
  return known === 1 ? folded : -1;
}

/** Grown on demand and reused: a passage's word hashes are needed only while shingling it. */
let wordScratch = new Uint32Array(1024);

/**
 * Word 3-shingles of the folded text, hashed (FNV-1a per word), sorted and distinct:
 * robust to case, marks and spacing. A typed array rather than a Set because passages'
 * shingles are cached, and a few hundred Set entries per passage are what the young
 * generation's collector would copy again and again (it made first-time queries' tail).
 */
function shingles(text: string): Uint32Array {
  // Folding each character while scanning is several times cheaper than syllable
  // analysis and builds no string; enough to recognise repeated text.
  let count = 0;
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? wordCode(text.charCodeAt(i)) : -1;
    if (code >= 0) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      if (count === wordScratch.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(wordScratch);
        wordScratch = grown;
      }
      wordScratch[count++] = hash >>> 0;
      hash = 0x811c9dc5;
      inWord = false;
    }
  }
  const words = wordScratch;
  if (count < 3) {
    if (count === 0) return new Uint32Array(0);
    let h = 0;
    for (let i = 0; i < count; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
    return Uint32Array.of(h);
  }
  const out = new Uint32Array(count - 2);
  for (let i = 0; i + 2 < count; i++) {
    out[i] = (Math.imul(Math.imul(words[i]!, 31) ^ words[i + 1]!, 31) ^ words[i + 2]!) >>> 0;
  }
  out.sort();
  let distinct = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[distinct - 1]) out[distinct++] = out[i]!;
  return distinct === out.length ? out : out.slice(0, distinct);
}

/** Share of the smaller set's shingles found in the larger (both sorted and distinct). */
function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / Math.min(a.length, b.length);
}

/**
 * Copies of one page (the same news re-published under the same title, split into
 * passages at other places): between two items `copies` says are such, a shorter
 * passage contained in a longer one is a repeat however their lengths differ, and a
 * lower share of shingles (`threshold`) is enough.
 */
export interface CopiesOfOnePage<T> {
  copies(a: T, b: T): boolean;
  threshold: number;
}

/**
 * Drops passages that repeat a higher-ranked one (the same news story in two files,
 * a re-uploaded document under another name): a later item of comparable length whose
 * shingles are at least `threshold` contained in an earlier kept item's is removed
 * (with `pages`, copies of one page at its lower threshold, whatever their lengths).
 * Order is preserved; work stops once `limit` items are kept.
 */
export function suppressNearDuplicates<T>(
  items: T[],
  textOf: (item: T) => string,
  threshold = 0.9,
  limit = Number.POSITIVE_INFINITY,
  keyOf?: (item: T) => string,
  pages?: CopiesOfOnePage<T>,
): T[] {
  const kept: Array<{ item: T; sh: Uint32Array | null; length: number }> = [];
  const shinglesOf = (entry: { item: T; sh: Uint32Array | null }): Uint32Array => {
    entry.sh ??= keyOf
      ? cachedShingles(keyOf(entry.item), () => textOf(entry.item))
      : shingles(textOf(entry.item));
    return entry.sh;
  };
  for (const item of items) {
    if (kept.length >= limit) break;
    const entry = { item, sh: null as Uint32Array | null, length: textOf(item).length };
    const duplicate = kept.some((k) => {
      if (pages?.copies(k.item, item)) {
        return containment(shinglesOf(k), shinglesOf(entry)) >= pages.threshold;
      }
      // Only passages of comparable length can contain each other at `threshold`: the
      // cheap length test spares computing shingles for almost every pair.
      return (
        Math.min(k.length, entry.length) >= threshold * Math.max(k.length, entry.length) * 0.8 &&
        containment(shinglesOf(k), shinglesOf(entry)) >= threshold
      );
    });
    if (!duplicate) kept.push(entry);
  }
  return kept.map((k) => k.item);
}

/** Shingles of recently seen passages, by passage id: popular passages recur across questions. */
const shingleCache = new Map<string, Uint32Array>();
const SHINGLE_CACHE_SIZE = 4096;

function cachedShingles(key: string, text: () => string): Uint32Array {
  const hit = shingleCache.get(key);
  if (hit) {
    shingleCache.delete(key);
    shingleCache.set(key, hit);
    return hit;
  }
  const computed = shingles(text());
  shingleCache.set(key, computed);
  if (shingleCache.size > SHINGLE_CACHE_SIZE) shingleCache.delete(shingleCache.keys().next().value!);
  return computed;
}
