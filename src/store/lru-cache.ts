/**
 * A least-recently-used cache bounded by a total weight (for posting lists: the number
 * of postings), so a few very common terms cannot crowd memory. An entry heavier than
 * the whole budget is not kept.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>();
  #weight = 0;

  constructor(
    readonly budget: number,
    private readonly weigh: (value: V) => number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get weight(): number {
    return this.#weight;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the oldest entry comes first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = Math.max(1, this.weigh(value));
    if (weight > this.budget) return;
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    for (const [oldKey, entry] of this.#entries) {
      if (this.#weight <= this.budget) break;
      this.#entries.delete(oldKey);
      this.#weight -= entry.weight;
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }
}
