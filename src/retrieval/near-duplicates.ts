import { foldDiacritics } from "../text/index.js";

/** FNV-1a of a word: shingles are kept as numbers, much cheaper than strings. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word 3-shingles of the folded text, hashed: robust to case, marks and spacing. */
function shingles(text: string): Set<number> {
  // Folding then splitting is several times cheaper than full syllable analysis, and
  // enough to recognise repeated text.
  const words = foldDiacritics(text.toLowerCase())
    .split(/[^a-z0-9\p{L}]+/u)
    .filter(Boolean)
    .map(wordHash);
  const out = new Set<number>();
  if (words.length < 3) {
    if (words.length > 0) out.add(words.reduce((h, w) => Math.imul(h ^ w, 0x01000193) >>> 0, 0));
    return out;
  }
  for (let i = 0; i + 2 < words.length; i++) {
    out.add((Math.imul(Math.imul(words[i]!, 31) ^ words[i + 1]!, 31) ^ words[i + 2]!) >>> 0);
  }
  return out;
}

function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * Drops passages that repeat a higher-ranked one (the same news story in two files,
 * a re-uploaded document under another name): a later item of comparable length whose
 * shingles are at least `threshold` contained in an earlier kept item's is removed. Order is preserved; work
 * stops once `limit` items are kept.
 */
export function suppressNearDuplicates<T>(
  items: T[],
  textOf: (item: T) => string,
  threshold = 0.9,
  limit = Number.POSITIVE_INFINITY,
  keyOf?: (item: T) => string,
): T[] {
  const kept: Array<{ item: T; sh: Set<number> | null; length: number }> = [];
  const shinglesOf = (entry: { item: T; sh: Set<number> | null }): Set<number> => {
    entry.sh ??= keyOf
      ? cachedShingles(keyOf(entry.item), () => textOf(entry.item))
      : shingles(textOf(entry.item));
    return entry.sh;
  };
  for (const item of items) {
    if (kept.length >= limit) break;
    const entry = { item, sh: null as Set<number> | null, length: textOf(item).length };
    // Only passages of comparable length can contain each other at `threshold`: the
    // cheap length test spares computing shingles for almost every pair.
    const duplicate = kept.some(
      (k) =>
        Math.min(k.length, entry.length) >= threshold * Math.max(k.length, entry.length) * 0.8 &&
        containment(shinglesOf(k), shinglesOf(entry)) >= threshold,
    );
    if (!duplicate) kept.push(entry);
  }
  return kept.map((k) => k.item);
}

/** Shingles of recently seen passages, by passage id: popular passages recur across questions. */
const shingleCache = new Map<string, Set<number>>();
const SHINGLE_CACHE_SIZE = 4096;

function cachedShingles(key: string, text: () => string): Set<number> {
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
