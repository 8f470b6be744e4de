import { foldDiacritics } from "../text/index.js";

/** Word 3-shingles of the folded text: robust to case, marks and spacing. */
function shingles(text: string): Set<string> {
  // Folding then splitting is several times cheaper than full syllable analysis, and
  // enough to recognise repeated text.
  const syl = foldDiacritics(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = new Set<string>();
  if (syl.length < 3) {
    if (syl.length > 0) out.add(syl.join(" "));
    return out;
  }
  for (let i = 0; i + 2 < syl.length; i++) out.add(`${syl[i]} ${syl[i + 1]} ${syl[i + 2]}`);
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * Drops passages that repeat a higher-ranked one (the same news story in two files,
 * a re-uploaded document under another name): a later item whose shingles are at least
 * `threshold` contained in an earlier kept item's is removed. Order is preserved; work
 * stops once `limit` items are kept.
 */
export function suppressNearDuplicates<T>(
  items: T[],
  textOf: (item: T) => string,
  threshold = 0.9,
  limit = Number.POSITIVE_INFINITY,
): T[] {
  const kept: Array<{ item: T; sh: Set<string> }> = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const sh = shingles(textOf(item));
    if (kept.some((k) => containment(k.sh, sh) >= threshold)) continue;
    kept.push({ item, sh });
  }
  return kept.map((k) => k.item);
}
