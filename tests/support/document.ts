import type { DocumentRecord } from "../../src/store/types.js";

/** A stored document's record for tests of what is read from records (relations, states). */
export function makeDocumentRecord(
  docId: string,
  fields: Partial<DocumentRecord> & Pick<DocumentRecord, "number">,
): DocumentRecord {
  return {
    docId,
    source: `${docId}.md`,
    title: docId,
    kind: "Nghị định",
    issuer: null,
    date: null,
    format: "md",
    contentHash: docId,
    pages: null,
    chunkCount: 1,
    version: 1,
    addedAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    ...fields,
  };
}
