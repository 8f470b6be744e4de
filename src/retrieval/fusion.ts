/**
 * Reciprocal rank fusion: merges ranked lists without comparing their scores
 * (BM25 and cosine live on different scales). score = Σ 1 / (k + rank).
 */
export function fuseByReciprocalRank<T>(
  lists: T[][],
  keyOf: (item: T) => string,
  k = 60,
): Array<{ item: T; score: number }> {
  const fused = new Map<string, { item: T; score: number }>();
  for (const list of lists) {
    list.forEach((item, index) => {
      const key = keyOf(item);
      const entry = fused.get(key);
      const add = 1 / (k + index + 1);
      if (entry) entry.score += add;
      else fused.set(key, { item, score: add });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || keyOf(a.item).localeCompare(keyOf(b.item)));
}
