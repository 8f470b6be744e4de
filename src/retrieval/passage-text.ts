import type { ChunkRecord, DocumentRecord } from "../store/types.js";
import { passageIndexText } from "../text/passage-terms.js";

/** The text a found passage is indexed under (text/passage-terms.ts). */
export function passageIndexTextOf(hit: { chunk: ChunkRecord; doc: DocumentRecord }): string {
  return passageIndexText(hit.chunk, hit.doc.title);
}
