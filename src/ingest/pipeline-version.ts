/**
 * Version of what ingestion stores for a file: parsing, cleaning, chunking and term
 * analysis. Bump it with any change that would store different passages or terms for
 * the same bytes; the corpus sync then indexes every corpus file again (once), where a
 * content hash alone would call them unchanged and leave passages cut, or terms
 * analyzed, the old way (terms that queries of the new version no longer produce).
 *
 * 2: reference sections (Chú thích, Tham khảo ...) and Wikipedia edit links dropped.
 */
export const INGEST_PIPELINE = 2;
