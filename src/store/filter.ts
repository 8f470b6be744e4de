import type { ChunkFilter, DocumentRecord } from "./types.js";

/** The comparison key of a document number: NFC, trimmed, lower-cased ("178/2024/NĐ-CP" → "178/2024/nđ-cp"). */
export function numberKey(number: string): string {
  return number.normalize("NFC").trim().toLowerCase();
}

/** A filter with its lists turned into sets; null when it constrains nothing. */
export interface CompiledFilter {
  docIds: ReadonlySet<string> | null;
  numbers: ReadonlySet<string> | null;
  kinds: ReadonlySet<string> | null;
  dateFrom: string | null;
  dateTo: string | null;
}

/**
 * Compiles a `ChunkFilter`. A given list that is empty matches nothing (fail closed: a
 * caller restricting to "these documents" with no documents must not see them all);
 * an absent field matches everything.
 */
export function compileFilter(filter: ChunkFilter | undefined): CompiledFilter | null {
  if (!filter) return null;
  const compiled: CompiledFilter = {
    docIds: filter.docIds ? new Set(filter.docIds) : null,
    numbers: filter.numbers ? new Set(filter.numbers.map(numberKey)) : null,
    kinds: filter.kinds ? new Set(filter.kinds) : null,
    dateFrom: filter.dateFrom ?? null,
    dateTo: filter.dateTo ?? null,
  };
  const constrains =
    compiled.docIds !== null ||
    compiled.numbers !== null ||
    compiled.kinds !== null ||
    compiled.dateFrom !== null ||
    compiled.dateTo !== null;
  return constrains ? compiled : null;
}

/** Whether a document passes the filter; documents without a date fail any date bound. */
export function matchesFilter(doc: DocumentRecord, filter: CompiledFilter | null): boolean {
  if (filter === null) return true;
  if (filter.docIds && !filter.docIds.has(doc.docId)) return false;
  if (filter.numbers && (doc.number === null || !filter.numbers.has(numberKey(doc.number)))) return false;
  if (filter.kinds && (doc.kind === null || !filter.kinds.has(doc.kind))) return false;
  if (filter.dateFrom !== null || filter.dateTo !== null) {
    if (doc.date === null) return false;
    if (filter.dateFrom !== null && doc.date < filter.dateFrom) return false;
    if (filter.dateTo !== null && doc.date > filter.dateTo) return false;
  }
  return true;
}
