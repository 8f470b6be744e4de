/**
 * Picks the indices of the `limit` highest scores among `scores[0..count)`. Equal scores
 * at the cut are decided by `orderTies`, which returns tied indices in preference order
 * (the store sorts them by chunk id, so results do not depend on storage order).
 * The result is unordered; callers sort the few survivors.
 */
export function selectTop(
  scores: Float64Array,
  count: number,
  limit: number,
  orderTies: (indices: number[]) => number[],
): number[] {
  if (limit <= 0 || count <= 0) return [];
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);

  const cut = kthLargest(count, (i) => scores[i]!, limit);
  const picked: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = scores[i]!;
    if (s > cut) picked.push(i);
    else if (s === cut) ties.push(i);
  }
  const room = limit - picked.length;
  if (ties.length <= room) return picked.concat(ties);
  return picked.concat(orderTies(ties).slice(0, room));
}

/**
 * The k-th largest of `valueAt(0..count)` (1 <= k <= count), with a min-heap of the best
 * k seen: its root is the cut. Shared by the top-k selection and BM25's pruning bound.
 */
export function kthLargest(count: number, valueAt: (i: number) => number, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const s = valueAt(i);
    if (size < k) {
      let at = size++;
      heap[at] = s;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= heap[at]!) break;
        const tmp = heap[parent]!;
        heap[parent] = heap[at]!;
        heap[at] = tmp;
        at = parent;
      }
    } else if (s > heap[0]!) {
      heap[0] = s;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let least = at;
        if (left < k && heap[left]! < heap[least]!) least = left;
        if (right < k && heap[right]! < heap[least]!) least = right;
        if (least === at) break;
        const tmp = heap[least]!;
        heap[least] = heap[at]!;
        heap[at] = tmp;
        at = least;
      }
    }
  }
  return heap[0]!;
}
