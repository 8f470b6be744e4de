/**
 * A cache of many small entries that are read far more often than they change, kept in
 * two generations: reads hit the young one, or move an entry up from the old one; when
 * the young one is full it becomes the old one and the oldest generation is dropped.
 * What was read in the last two generations stays, like a least-recently-used cache, but
 * a hit costs one lookup: an LRU's delete and re-insert on every hit made its `get` cost
 * more than the analysis it saved on the answer path's sentence terms.
 */
export class GenerationCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  /** `generation`: the entries of one generation; at most twice as many are held. */
  constructor(readonly generation: number) {}

  get size(): number {
    return this.#young.size + this.#old.size;
  }

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.#promote(key, old);
    return old;
  }

  /** The value kept for `key`, or `compute`'s, kept from now on. */
  getOrCompute(key: K, compute: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#promote(key, value);
  }

  #promote(key: K, value: V): void {
    if (this.#young.size >= this.generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}
