/**
 * A passage's index terms with their frequencies: a plain record, or packed (names and
 * counts side by side) as the parse workers send them. A record per passage is what the
 * analyzer builds, but rebuilding one from a worker's message cost the store writer a
 * sixth of its time on the crawl (every key is interned again); packed terms go to the
 * postings as they are.
 */
export class PackedTerms {
  constructor(
    readonly names: readonly string[],
    readonly counts: ArrayLike<number>,
  ) {}
}

export type TermCounts = Record<string, number> | PackedTerms;

/** Calls `visit` with each term and its frequency, in stored order. */
export function forEachTermCount(terms: TermCounts, visit: (term: string, count: number) => void): void {
  if (terms instanceof PackedTerms) {
    for (let i = 0; i < terms.names.length; i++) visit(terms.names[i]!, terms.counts[i]!);
    return;
  }
  for (const term of Object.keys(terms)) visit(term, terms[term]!);
}

/** The terms as a record (for adapters that send them on as one). */
export function termRecord(terms: TermCounts): Record<string, number> {
  if (!(terms instanceof PackedTerms)) return terms;
  const record: Record<string, number> = Object.create(null);
  forEachTermCount(terms, (term, count) => {
    record[term] = (record[term] ?? 0) + count;
  });
  return record;
}

/** The terms whose frequency is above zero. */
export function presentTerms(terms: TermCounts): string[] {
  const out: string[] = [];
  forEachTermCount(terms, (term, count) => {
    if (count > 0) out.push(term);
  });
  return out;
}
