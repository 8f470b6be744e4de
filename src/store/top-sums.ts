/**
 * The `k` largest of a set of growing sums keyed by chunk key, kept as they change: an
 * indexed min-heap whose root is the k-th largest sum. BM25's first phase adds term after
 * term to its sums; with all weights positive a sum only grows, so offering every new
 * sum keeps the heap exact (a key in the heap is updated in place, any other key whose
 * sum passes the root replaces it). The k-th largest sum is then read, not recomputed
 * over every touched chunk (which cost 0.9 ms a question on the 151,000-passage crawl).
 */
export interface TopSums {
  /** Empties the heap for a query keeping the `k` best; keys must be below `capacity`. */
  reset(k: number, capacity: number): void;
  /** Records that `key`'s sum is now `sum` (never less than before). */
  offer(key: number, sum: number): void;
  /** The k-th largest sum offered so far; -Infinity while fewer than k keys were offered. */
  kth(): number;
  /** The keys of the (at most k) largest sums, in no order; valid until the next change. */
  keys(): Int32Array;
}

export function createTopSums(): TopSums {
  let k = 0;
  let size = 0;
  let heapKeys = new Int32Array(0);
  let heapSums = new Float64Array(0);
  // Position of each key in the heap, -1 when it is not in it.
  let position = new Int32Array(0);

  function swap(a: number, b: number): void {
    const key = heapKeys[a]!;
    const sum = heapSums[a]!;
    heapKeys[a] = heapKeys[b]!;
    heapSums[a] = heapSums[b]!;
    heapKeys[b] = key;
    heapSums[b] = sum;
    position[heapKeys[a]!] = a;
    position[key] = b;
  }

  function siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heapSums[parent]! <= heapSums[at]!) return;
      swap(parent, at);
      at = parent;
    }
  }

  function siftDown(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < size && heapSums[left]! < heapSums[least]!) least = left;
      if (right < size && heapSums[right]! < heapSums[least]!) least = right;
      if (least === at) return;
      swap(least, at);
      at = least;
    }
  }

  return {
    reset(newK, capacity) {
      for (let i = 0; i < size; i++) position[heapKeys[i]!] = -1;
      size = 0;
      k = newK;
      if (heapKeys.length < k) {
        heapKeys = new Int32Array(k);
        heapSums = new Float64Array(k);
      }
      if (position.length < capacity) {
        position = new Int32Array(Math.max(capacity, Math.ceil(position.length * 1.5)));
        position.fill(-1);
      }
    },

    offer(key, sum) {
      const at = position[key]!;
      if (at >= 0) {
        heapSums[at] = sum;
        siftDown(at);
      } else if (size < k) {
        heapKeys[size] = key;
        heapSums[size] = sum;
        position[key] = size;
        siftUp(size++);
      } else if (sum > heapSums[0]!) {
        position[heapKeys[0]!] = -1;
        heapKeys[0] = key;
        heapSums[0] = sum;
        position[key] = 0;
        siftDown(0);
      }
    },

    kth() {
      return size < k ? Number.NEGATIVE_INFINITY : heapSums[0]!;
    },

    keys() {
      return heapKeys.subarray(0, size);
    },
  };
}
